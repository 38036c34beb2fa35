import type { Comparison, DailyStats, Health, Metrics, Stats } from '../src/types';

export function daily(day: string, variant: string, impressions: number, clicks: number, conversions = 0): DailyStats {
  return {
    day, variant, impressions, clicks, ctr: impressions ? clicks / impressions : 0, conversions,
    conversion_rate: impressions ? conversions / impressions : 0, revenue: conversions * 10,
  };
}

export const COMPARISON: Comparison = {
  baseline: 'a', variant: 'b', method: 'two-proportion z-test', confidence_level: 0.95,
  ctr: { baseline: 0.05, variant: 0.03, difference: -0.02, low: -0.03, high: -0.01, p_value: 0.0004, significant: true },
  conversion_rate: { baseline: 0.0067, variant: 0.006, difference: -0.0007, low: -0.002, high: 0.0006, p_value: 0.3, significant: false },
};

export function stats(overrides: Partial<Stats> = {}): Stats {
  return {
    generated_at: '2026-12-02T18:30:00Z',
    days: 30,
    conversion_window_hours: 24,
    variants: [
      { variant: 'a', traffic_share: 0.5, recommendations: 1200, impressions: 9000, clicks: 450, ctr: 0.05, conversions: 60,
        conversion_rate: 0.0067, revenue: 1234.5, catalogue_coverage: 0.42,
        model: { algorithm: 'als', params: { factors: 64 }, trained_at: '2026-12-02T17:00:00Z',
          offline_metrics: { 'ndcg@10': 0.21 }, model_dir: '/m/a' } },
      { variant: 'b', traffic_share: 0.5, recommendations: 1100, impressions: 8000, clicks: 240, ctr: 0.03, conversions: 48,
        conversion_rate: 0.006, revenue: 800, catalogue_coverage: 0.05,
        model: { algorithm: 'popularity', params: {}, trained_at: '2026-12-02T16:00:00Z', offline_metrics: {}, model_dir: null } },
    ],
    daily: [daily('2026-12-01', 'a', 300, 15, 2), daily('2026-12-01', 'b', 300, 9, 1), daily('2026-12-02', 'a', 200, 12, 1)],
    comparisons: [COMPARISON],
    top_items: [{ item_id: 'item_7', title: 'Blue Jacket', impressions: 90, clicks: 9 }],
    events_per_minute: [{ minute: '2026-12-02T18:29:00Z', events: 12 }, { minute: '2026-12-02T18:10:00Z', events: 5 }],
    ...overrides,
  };
}

export const METRICS: Metrics = {
  uptime_seconds: 3600, request_count: 1500, recommendation_count: 1400, error_count: 3, recommendations_per_second: 2.5,
  cache_hit_ratio: 0.5, p50_ms: 1.25, p95_ms: 7.5, p99_ms: 20.4,
};

export const HEALTH: Health = { status: 'ok', version: '1.2.3', model_type: 'als', uptime_seconds: 3600, index: 'exact' };
