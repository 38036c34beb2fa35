import { useCallback, useEffect, useRef } from 'react';
import { eventsUrl, postEvents, type RecsysEvent } from './api.js';
import { eventFor, type TrackingOptions } from './tracking.js';
import type { Item } from './types.js';

/** How long impressions are collected before they go out together in one POST /events. */
export const IMPRESSION_BATCH_MS = 1000;

/**
 * Collects events and posts them as one batch IMPRESSION_BATCH_MS after the first, at once when the
 * page is hidden (the shopper may not come back) and on close.
 */
function createEventBatch(apiUrl: string, onError: (error: unknown) => void) {
  let queue: RecsysEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (leavingPage: boolean) => {
    clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    // A beacon outlives the page. Its body is text/plain, which needs no CORS preflight; the server reads JSON anyway.
    if (leavingPage && navigator.sendBeacon?.(eventsUrl(apiUrl), JSON.stringify(events))) return;
    postEvents(apiUrl, events).catch(onError);
  };
  const onPageHide = () => flush(true);
  const onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') flush(true);
  };
  window.addEventListener('pagehide', onPageHide);
  document.addEventListener('visibilitychange', onVisibilityChange);

  return {
    add(event: RecsysEvent) {
      queue.push(event);
      timer ??= setTimeout(() => flush(false), IMPRESSION_BATCH_MS);
    },
    close() {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      flush(false);
    },
  };
}

/**
 * The carousel's events for POST /events, both tagged with the answer's recommendation_id:
 * `recordClick` posts a click at once; `recordImpression` (undefined unless events are recorded and
 * the answer has an id) batches an impression, once per (recommendation_id, item_id).
 */
export function useCarouselEvents(options: TrackingOptions, recommendationId: string | undefined,
  onError: ((error: unknown) => void) | undefined) {
  // Props may be inline objects and functions; refs keep the batch and callbacks stable across renders.
  // A plain effect suffices (a layout effect warns in server rendering): they are read later, from observers, timers and clicks.
  const latest = useRef({ options, onError });
  useEffect(() => {
    latest.current = { options, onError };
  });
  const reportError = useCallback((error: unknown) => latest.current.onError?.(error), []);

  const batchUrl = options.recordEvents ? options.apiUrl : undefined;
  const batch = useRef<ReturnType<typeof createEventBatch> | null>(null);
  useEffect(() => {
    if (batchUrl === undefined) return;
    const current = createEventBatch(batchUrl, reportError);
    batch.current = current;
    return () => {
      current.close();
      batch.current = null;
    };
  }, [batchUrl, reportError]);

  const shown = useRef(new Set<string>());
  const recordImpression = useCallback((itemId: string) => {
    const key = JSON.stringify([recommendationId, itemId]);
    if (shown.current.has(key)) return;
    const event = eventFor(latest.current.options, itemId, 'impression', recommendationId);
    if (!event) return;
    shown.current.add(key);
    batch.current?.add(event);
  }, [recommendationId]);

  const recordClick = (item: Item) => {
    const event = eventFor(options, item.item_id, 'click', recommendationId);
    if (event) postEvents(options.apiUrl, [event]).catch(reportError);
  };

  // An impression without an answer id cannot be attributed to anything (e.g. an older server).
  return { recordClick, recordImpression: options.recordEvents && recommendationId ? recordImpression : undefined };
}
