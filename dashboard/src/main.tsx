import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { targetFromLocation } from './api';
import { App } from './App';
import { POLL_INTERVAL_MS } from './poll';
import './styles.css';

const KEY_STORAGE = 'recsys-lite-dashboard-api-key';
const DEFAULT_DAYS = 30;
const MIN_REFRESH_SECONDS = 1;

// ?days=N (default 30) and ?refresh=SECONDS (default 10) tune the polling; ?api=URL reads another server.
// ?key=… is read once, kept for this tab only, and taken out of the address bar (and history).
const target = targetFromLocation(window.location.search, sessionStorage.getItem(KEY_STORAGE));
const url = new URL(window.location.href);
if (url.searchParams.has('key')) {
  sessionStorage.setItem(KEY_STORAGE, target.apiKey);
  url.searchParams.delete('key');
  window.history.replaceState(null, '', url.toString());
}
const days = Number(url.searchParams.get('days') ?? DEFAULT_DAYS);
const refreshSeconds = Number(url.searchParams.get('refresh') ?? POLL_INTERVAL_MS / 1000);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App
      initialTarget={target}
      days={Number.isInteger(days) && days > 0 ? days : DEFAULT_DAYS}
      onKey={(key) => sessionStorage.setItem(KEY_STORAGE, key)}
      intervalMs={Math.max(MIN_REFRESH_SECONDS, Number.isFinite(refreshSeconds) ? refreshSeconds : 0) * 1000}
    />
  </StrictMode>,
);
