// Turns the server's JSON into what the panels draw. Pure functions, no React.
import type { Comparison, DailyStats, Difference, MinuteCount, Stats, TopItem, VariantStats } from './types';

/** One point of a per-day chart: the day and one value per variant (null: no row that day). */
export type DayPoint = { day: string } & Record<string, number | null | string>;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Every day from the first to the last in `daily` (UTC), so a day without rows shows as a gap. */
export function dayRange(daily: readonly DailyStats[]): string[] {
  if (daily.length === 0) return [];
  const times = daily.map((row) => Date.parse(`${row.day}T00:00:00Z`));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const days: string[] = [];
  for (let t = first; t <= last; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The daily rows as one point per day with a column per variant, for a line chart of `metric`. */
export function dailySeries(
  daily: readonly DailyStats[],
  variants: readonly string[],
  metric: 'ctr' | 'conversion_rate',
): DayPoint[] {
  const byKey = new Map(daily.map((row) => [`${row.day}|${row.variant}`, row]));
  return dayRange(daily).map((day) => {
    const point: DayPoint = { day };
    for (const variant of variants) point[variant] = byKey.get(`${day}|${variant}`)?.[metric] ?? null;
    return point;
  });
}

/** The variant names: those of `variants` in their order, then any that only the daily rows name. */
export function variantNames(stats: Pick<Stats, 'variants' | 'daily'>): string[] {
  const names = stats.variants.map((v) => v.variant);
  for (const row of stats.daily) if (!names.includes(row.variant)) names.push(row.variant);
  return names;
}

/**
 * The last `minutes` minutes up to `generatedAt`, one point per minute; minutes the server left
 * out had no events.
 */
export function minuteSeries(points: readonly MinuteCount[], generatedAt: string, minutes = 60): MinuteCount[] {
  const end = Math.floor(Date.parse(generatedAt) / MINUTE_MS) * MINUTE_MS;
  const counts = new Map<number, number>();
  for (const point of points) {
    const minute = Math.floor(Date.parse(point.minute) / MINUTE_MS) * MINUTE_MS;
    counts.set(minute, (counts.get(minute) ?? 0) + point.events);
  }
  const series: MinuteCount[] = [];
  for (let t = end - (minutes - 1) * MINUTE_MS; t <= end; t += MINUTE_MS) {
    series.push({ minute: new Date(t).toISOString().replace('.000Z', 'Z'), events: counts.get(t) ?? 0 });
  }
  return series;
}

export function hasTraffic(variants: readonly VariantStats[]): boolean {
  return variants.some((v) => v.impressions > 0 || v.recommendations > 0);
}

export type TopItemRow = TopItem & { ctr: number };

/** The top items with their click-through rate (0 without impressions), most clicked first. */
export function topItemRows(items: readonly TopItem[], limit = 10): TopItemRow[] {
  return items
    .map((item) => ({ ...item, ctr: item.impressions > 0 ? item.clicks / item.impressions : 0 }))
    .sort((a, b) => b.clicks - a.clicks || b.impressions - a.impressions)
    .slice(0, limit);
}

export interface IntervalRow {
  metric: string;
  difference: Difference;
  /** The interval and the difference on a 0..1 scale symmetric around zero, for drawing. */
  position: { low: number; high: number; point: number; zero: number };
  verdict: 'better' | 'worse' | 'no difference';
}

/** The two rows (CTR, conversion rate) of an A/B comparison, placed on a common scale. */
export function comparisonRows(comparison: Comparison): IntervalRow[] {
  const rows: [string, Difference][] = [
    ['CTR', comparison.ctr],
    ['Conversion rate', comparison.conversion_rate],
  ];
  return rows.map(([metric, difference]) => {
    const reach = Math.max(Math.abs(difference.low), Math.abs(difference.high), Math.abs(difference.difference)) || 1;
    const place = (x: number) => 0.5 + (x / reach) * 0.45;
    const verdict = !difference.significant ? 'no difference' : difference.difference > 0 ? 'better' : 'worse';
    return {
      metric,
      difference,
      position: { low: place(difference.low), high: place(difference.high), point: place(difference.difference), zero: 0.5 },
      verdict,
    };
  });
}

// Formatting ----------------------------------------------------------------------------------

export function formatPercent(ratio: number, digits = 2): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A difference of two ratios in percentage points, with its sign. */
export function formatPoints(difference: number, digits = 2): string {
  const value = (difference * 100).toFixed(digits);
  return `${difference > 0 ? '+' : ''}${value} pp`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatMoney(amount: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s % 60}s`;
  return `${s}s`;
}

/** "2026-12-02 17:00 UTC" from an ISO time; the input unchanged when it is not one. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A parameter value as text: numbers and strings as they are, anything else as JSON. */
export function formatParam(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** "12-01" from "2026-12-01" for chart axes; "18:29" from a minute. */
export const shortDay = (day: string): string => day.slice(5);
export const shortMinute = (minute: string): string => minute.slice(11, 16);

/** Fixed colours per variant position (colour-blind friendly: Okabe-Ito). */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
export const variantColor = (index: number): string => PALETTE[index % PALETTE.length] ?? '#0072B2';
