// The JSON the dashboard reads, exactly as the example server sends it (snake_case).
// GET /stats is specified in STATS-CONTRACT (README "Dashboard"); /metrics and /health are
// ApiJson.MetricsResponse and ApiJson.HealthResponse of recsys-examples.

export interface ModelInfo {
  algorithm: string;
  params: Record<string, unknown>;
  trained_at: string | null;
  offline_metrics: Record<string, number>;
  model_dir: string | null;
}

export interface VariantStats {
  variant: string;
  traffic_share: number;
  model: ModelInfo | null;
  recommendations: number;
  impressions: number;
  clicks: number;
  ctr: number;
  conversions: number;
  conversion_rate: number;
  revenue: number;
  catalogue_coverage: number;
}

export interface DailyStats {
  day: string; // YYYY-MM-DD, UTC
  variant: string;
  impressions: number;
  clicks: number;
  ctr: number;
  conversions: number;
  conversion_rate: number;
  revenue: number;
}

export interface Difference {
  baseline: number;
  variant: number;
  difference: number;
  low: number;
  high: number;
  p_value: number;
  significant: boolean;
}

export interface Comparison {
  baseline: string;
  variant: string;
  method: string;
  confidence_level: number;
  ctr: Difference;
  conversion_rate: Difference;
}

export interface TopItem {
  item_id: string;
  title: string | null;
  impressions: number;
  clicks: number;
}

export interface MinuteCount {
  minute: string; // ISO-8601 UTC, start of the minute
  events: number;
}

export interface Stats {
  generated_at: string;
  days: number;
  conversion_window_hours: number;
  variants: VariantStats[];
  daily: DailyStats[];
  comparisons: Comparison[];
  top_items: TopItem[];
  events_per_minute: MinuteCount[];
}

export interface Metrics {
  uptime_seconds: number;
  request_count: number;
  recommendation_count: number;
  error_count: number;
  recommendations_per_second: number;
  cache_hit_ratio: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}

export interface Health {
  status: string; // "ok" or "no_model"
  version: string;
  model_type: string | null;
  uptime_seconds: number;
  index: string | null;
}
