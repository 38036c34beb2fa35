// Polls /stats, /metrics and /health together and keeps what the page shows between polls.
import { useEffect, useState } from 'react';
import { getJson, type ApiTarget, type Failure, type Result } from './api';
import type { Health, Metrics, Stats } from './types';

export const POLL_INTERVAL_MS = 10_000;
/** Latency samples kept for the chart: 30 minutes at one poll per 10 s. */
export const LATENCY_HISTORY = 180;

export interface Endpoint<T> {
  data: T | null;
  failure: Failure | null;
}

export interface LatencySample {
  time: string; // ISO time of the poll
  p50: number;
  p95: number;
  p99: number;
}

export interface DashboardState {
  stats: Endpoint<Stats>;
  metrics: Endpoint<Metrics>;
  health: Endpoint<Health>;
  latency: LatencySample[];
  /** When an answer last arrived; null before the first one. */
  updatedAt: string | null;
  /** At least one poll has finished (answered or not). */
  polled: boolean;
}

export const INITIAL_STATE: DashboardState = {
  stats: { data: null, failure: null },
  metrics: { data: null, failure: null },
  health: { data: null, failure: null },
  latency: [],
  updatedAt: null,
  polled: false,
};

export interface PollResults {
  stats: Result<Stats>;
  metrics: Result<Metrics>;
  health: Result<Health>;
}

function next<T>(previous: Endpoint<T>, result: Result<T>): Endpoint<T> {
  if (result.ok) return { data: result.data, failure: null };
  // A server that is down or failing keeps showing its last figures (with a banner); one that
  // refuses the key or lacks the endpoint shows nothing of it.
  const keep = result.failure.kind === 'down' || result.failure.kind === 'error';
  return { data: keep ? previous.data : null, failure: result.failure };
}

/** The state after one poll that finished at `now`. */
export function applyPoll(state: DashboardState, results: PollResults, now: Date): DashboardState {
  const answered = [results.stats, results.metrics, results.health].some((r) => r.ok);
  const metrics = results.metrics;
  const latency = metrics.ok
    ? [...state.latency, { time: now.toISOString(), p50: metrics.data.p50_ms, p95: metrics.data.p95_ms, p99: metrics.data.p99_ms }]
        .slice(-LATENCY_HISTORY)
    : state.latency;
  return {
    stats: next(state.stats, results.stats),
    metrics: next(state.metrics, results.metrics),
    health: next(state.health, results.health),
    latency,
    updatedAt: answered ? now.toISOString() : state.updatedAt,
    polled: true,
  };
}

/** Nothing answered the last poll. */
export function isDown(state: DashboardState): boolean {
  return [state.stats, state.metrics, state.health].every((e) => e.failure?.kind === 'down');
}

export async function pollOnce(target: ApiTarget, days: number, signal?: AbortSignal): Promise<PollResults> {
  const [stats, metrics, health] = await Promise.all([
    getJson<Stats>(target, `/stats?days=${days}`, signal),
    getJson<Metrics>(target, '/metrics', signal),
    getJson<Health>(target, '/health', signal, [503]),
  ]);
  return { stats, metrics, health };
}

/**
 * The dashboard's data, polled every `intervalMs` (the next poll starts when the previous one
 * has finished). A new target or `refresh` value starts over at once.
 */
export function useDashboard(target: ApiTarget, days: number, refresh: number, intervalMs = POLL_INTERVAL_MS): DashboardState {
  const { base, apiKey } = target;
  const [state, setState] = useState<DashboardState>(INITIAL_STATE);
  useEffect(() => {
    setState(INITIAL_STATE);
  }, [base, apiKey, days]);
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const results = await pollOnce({ base, apiKey }, days, controller.signal);
        setState((previous) => applyPoll(previous, results, new Date()));
      } catch {
        return; // aborted: this effect was cleaned up
      }
      timer = setTimeout(poll, intervalMs);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [base, apiKey, days, refresh, intervalMs]);
  return state;
}
