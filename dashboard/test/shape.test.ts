import {
  comparisonRows,
  dailySeries,
  dayRange,
  formatDuration,
  formatMs,
  formatPercent,
  formatPoints,
  formatPValue,
  formatTime,
  hasTraffic,
  minuteSeries,
  topItemRows,
  variantNames,
} from '../src/shape';
import { COMPARISON, daily, stats } from './fixtures';

describe('dailySeries', () => {
  it('makes one point per day with a column per variant', () => {
    const rows = [daily('2026-12-01', 'a', 100, 5), daily('2026-12-01', 'b', 100, 3), daily('2026-12-02', 'a', 50, 1)];
    expect(dailySeries(rows, ['a', 'b'], 'ctr')).toEqual([
      { day: '2026-12-01', a: 0.05, b: 0.03 },
      { day: '2026-12-02', a: 0.02, b: null },
    ]);
  });

  it('fills days without rows with gaps, in day order, across a month end', () => {
    const rows = [daily('2026-12-02', 'a', 10, 1), daily('2026-11-29', 'a', 10, 2)];
    const series = dailySeries(rows, ['a'], 'ctr');
    expect(series.map((p) => p.day)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(series.map((p) => p.a)).toEqual([0.2, null, null, 0.1]);
  });

  it('charts the conversion rate when asked', () => {
    expect(dailySeries([daily('2026-12-01', 'a', 100, 5, 2)], ['a'], 'conversion_rate')).toEqual([{ day: '2026-12-01', a: 0.02 }]);
  });

  it('is empty without rows', () => {
    expect(dayRange([])).toEqual([]);
    expect(dailySeries([], ['a'], 'ctr')).toEqual([]);
  });
});

describe('variantNames', () => {
  it('keeps the variants order and adds those only the daily rows name', () => {
    expect(variantNames(stats({ daily: [daily('2026-12-01', 'old', 1, 0), daily('2026-12-01', 'b', 1, 0)] })))
      .toEqual(['a', 'b', 'old']);
  });
});

describe('minuteSeries', () => {
  it('covers the last 60 minutes up to generated_at, minutes the server left out count 0', () => {
    const series = minuteSeries(
      [{ minute: '2026-12-02T18:29:00Z', events: 12 }, { minute: '2026-12-02T17:31:00Z', events: 4 },
        { minute: '2026-12-02T16:00:00Z', events: 99 }],
      '2026-12-02T18:29:41Z',
    );
    expect(series).toHaveLength(60);
    expect(series[0]).toEqual({ minute: '2026-12-02T17:30:00Z', events: 0 });
    expect(series[1]).toEqual({ minute: '2026-12-02T17:31:00Z', events: 4 });
    expect(series[59]).toEqual({ minute: '2026-12-02T18:29:00Z', events: 12 });
    expect(series.reduce((sum, p) => sum + p.events, 0)).toBe(16); // the 16:00 minute is out of range
  });
});

describe('comparisonRows', () => {
  it('places interval and difference on a scale around zero, with a verdict', () => {
    const [ctr, conversion] = comparisonRows(COMPARISON);
    expect(ctr?.metric).toBe('CTR');
    expect(ctr?.verdict).toBe('worse');
    expect(ctr?.position.zero).toBe(0.5);
    expect(ctr?.position.low).toBeCloseTo(0.05);
    expect(ctr?.position.high).toBeCloseTo(0.35);
    expect(ctr?.position.point).toBeCloseTo(0.2);
    expect(conversion?.verdict).toBe('no difference');
    expect(conversion?.position.low).toBeLessThan(0.5);
    expect(conversion?.position.high).toBeGreaterThan(0.5);
  });

  it('calls a significant positive difference better, and survives an all-zero interval', () => {
    const up = { ...COMPARISON.ctr, difference: 0.01, low: 0.005, high: 0.015 };
    const zero = { ...COMPARISON.ctr, difference: 0, low: 0, high: 0, significant: false };
    const [better, none] = comparisonRows({ ...COMPARISON, ctr: up, conversion_rate: zero });
    expect(better?.verdict).toBe('better');
    expect(better?.position.low).toBeGreaterThan(0.5);
    expect(none?.position).toEqual({ low: 0.5, high: 0.5, point: 0.5, zero: 0.5 });
  });
});

describe('topItemRows and hasTraffic', () => {
  it('adds the CTR (0 without impressions) and sorts by clicks', () => {
    const rows = topItemRows([
      { item_id: 'x', title: null, impressions: 0, clicks: 0 },
      { item_id: 'y', title: 'Y', impressions: 40, clicks: 10 },
      { item_id: 'z', title: 'Z', impressions: 100, clicks: 10 },
    ]);
    expect(rows.map((r) => [r.item_id, r.ctr])).toEqual([['z', 0.1], ['y', 0.25], ['x', 0]]);
  });

  it('tells a server without traffic', () => {
    const quiet = stats().variants.map((v) => ({ ...v, impressions: 0, recommendations: 0 }));
    expect(hasTraffic(quiet)).toBe(false);
    expect(hasTraffic(stats().variants)).toBe(true);
  });
});

describe('formatting', () => {
  it('formats ratios, differences and p-values', () => {
    expect(formatPercent(0.0523)).toBe('5.23%');
    expect(formatPercent(0.5, 0)).toBe('50%');
    expect(formatPoints(-0.0182)).toBe('-1.82 pp');
    expect(formatPoints(0.0002)).toBe('+0.02 pp');
    expect(formatPValue(0.0000021)).toBe('p < 0.001');
    expect(formatPValue(0.0712)).toBe('p = 0.071');
  });

  it('formats latencies, durations and times', () => {
    expect(formatMs(0.42)).toBe('0.42 ms');
    expect(formatMs(7.46)).toBe('7.5 ms');
    expect(formatMs(250.4)).toBe('250 ms');
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(5400)).toBe('1h 30m');
    expect(formatDuration(90_000)).toBe('1d 1h');
    expect(formatTime('2026-12-02T17:00:00Z')).toBe('2026-12-02 17:00 UTC');
    expect(formatTime(null)).toBe('—');
    expect(formatTime('yesterday')).toBe('yesterday');
  });
});
