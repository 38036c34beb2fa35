import { useState, type FormEvent } from 'react';
import type { ApiTarget } from './api';
import {
  ComparisonPanel,
  CoveragePanel,
  DailyPanels,
  EventsPanel,
  LatencyPanel,
  ModelsPanel,
  TopItemsPanel,
  VariantTable,
  Panel,
  Empty,
} from './Panels';
import { isDown, POLL_INTERVAL_MS, useDashboard } from './poll';
import { formatDuration, formatTime } from './shape';

export interface AppProps {
  initialTarget: ApiTarget;
  /** The period of the online metrics at first; the page has a selector. */
  days: number;
  /** Called with a key the user entered, to keep it for this browser tab. */
  onKey?: (key: string) => void;
  intervalMs?: number;
}

const PERIODS = [7, 30, 90];

export function App({ initialTarget, days: initialDays, onKey, intervalMs = POLL_INTERVAL_MS }: AppProps) {
  const [target, setTarget] = useState(initialTarget);
  const [days, setDays] = useState(initialDays);
  const [refresh, setRefresh] = useState(0);
  const state = useDashboard(target, days, refresh, intervalMs);
  const { stats, metrics, health } = state;
  const down = isDown(state);
  const needsKey = stats.failure?.kind === 'unauthorized';

  const applyKey = (key: string) => {
    onKey?.(key);
    setTarget({ ...target, apiKey: key });
  };

  return (
    <div className="page">
      <header className="header">
        <div>
          <h1>RecSys-Lite dashboard</h1>
          <p className="header__meta" data-testid="server-status">
            <StatusDot status={down ? 'down' : health.data?.status ?? 'unknown'} />
            {down
              ? 'API not reachable'
              : health.data
                ? `${health.data.status === 'ok' ? 'Serving' : 'No model'} · v${health.data.version} · up ${formatDuration(health.data.uptime_seconds)}`
                : state.polled ? 'Status unknown' : 'Connecting…'}
            {state.updatedAt && (
              <span className="muted"> · updated {formatTime(state.updatedAt).slice(11)} · refreshes every {Math.round(intervalMs / 1000)} s</span>
            )}
          </p>
        </div>
        <div className="controls">
          <label className="period">
            Period{' '}
            <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
              {[...new Set([...PERIODS, initialDays])].sort((a, b) => a - b).map((n) => (
                <option key={n} value={n}>last {n} days</option>
              ))}
            </select>
          </label>
          <KeyForm current={target.apiKey} onApply={applyKey} highlight={needsKey} />
        </div>
      </header>

      {down && (
        <div className="banner banner--error" role="alert">
          <strong>The API is down or unreachable.</strong> {target.base || window.location.origin} does not answer
          {state.updatedAt ? `; the figures below are from ${formatTime(state.updatedAt)}.` : '.'}{' '}
          <button type="button" onClick={() => setRefresh((n) => n + 1)}>Retry now</button>
        </div>
      )}
      {!down && needsKey && (
        <div className="banner banner--warn" role="alert">
          <strong>An API key is needed for the online metrics.</strong> {stats.failure?.message} Enter it above, or open
          the page with <code>?key=…</code>.
        </div>
      )}
      {!down && stats.failure?.kind === 'missing' && (
        <div className="banner banner--warn" role="status">
          This server does not answer <code>/stats</code> (online evaluation is not available); only the model and the
          latency are shown.
        </div>
      )}
      {!down && stats.failure?.kind === 'error' && (
        <div className="banner banner--error" role="alert">/stats failed: {stats.failure.message}</div>
      )}

      {!state.polled ? (
        <p className="loading" role="status">Loading…</p>
      ) : down && state.updatedAt === null ? null : (
        <main className="grid">
          <ModelsPanel stats={stats.data} health={health.data} />
          {stats.data ? (
            <>
              <VariantTable stats={stats.data} />
              <TopItemsPanel stats={stats.data} />
              <DailyPanels stats={stats.data} />
              <ComparisonPanel stats={stats.data} />
              <EventsPanel stats={stats.data} />
            </>
          ) : (
            <Panel title="Online metrics" wide>
              <Empty>{needsKey ? 'Waiting for a valid API key.' : 'No online metrics from this server.'}</Empty>
            </Panel>
          )}
          <LatencyPanel metrics={metrics.data} history={state.latency} />
          {stats.data && <CoveragePanel stats={stats.data} />}
        </main>
      )}
    </div>
  );
}

function StatusDot({ status }: { status: string }) {
  const tone = status === 'ok' ? 'ok' : status === 'down' ? 'down' : 'warn';
  return <span className={`dot dot--${tone}`} aria-hidden="true" />;
}

function KeyForm({ current, onApply, highlight }: { current: string; onApply: (key: string) => void; highlight: boolean }) {
  const [value, setValue] = useState(current);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(value.trim());
  };
  return (
    <form className={`keyform${highlight ? ' keyform--needed' : ''}`} onSubmit={submit}>
      <label htmlFor="api-key">API key</label>
      <input
        id="api-key"
        type="password"
        autoComplete="off"
        placeholder="only if the server has one"
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit">Apply</button>
    </form>
  );
}
