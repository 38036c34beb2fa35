// The chart panels, drawn with Recharts (SVG). Animations are off: the data is replaced every poll.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LatencySample } from './poll';
import { formatMs, formatPercent, shortDay, shortMinute, variantColor, type DayPoint } from './shape';
import type { MinuteCount } from './types';

const AXIS = { fontSize: 12, fill: '#55606e' };
const GRID = '#e3e7ed';
const HEIGHT = 240;

const percentTick = (value: number) => formatPercent(value, value !== 0 && Math.abs(value) < 0.01 ? 2 : 1);

export interface Series {
  key: string;
  color: string;
}

export function DailyRateChart({ data, series, label }: { data: DayPoint[]; series: Series[]; label: string }) {
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} tick={AXIS} minTickGap={16} />
          <YAxis tickFormatter={percentTick} tick={AXIS} width={56} />
          <Tooltip
            formatter={(value) => (typeof value === 'number' ? formatPercent(value) : '—')}
            labelFormatter={(day) => String(day)}
          />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          {series.map(({ key, color }) => (
            <Line
              key={key}
              dataKey={key}
              name={`variant ${key}`}
              type="monotone"
              stroke={color}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function EventsChart({ data }: { data: MinuteCount[] }) {
  return (
    <div className="chart" role="img" aria-label="Events per minute, last 60 minutes">
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="minute" tickFormatter={shortMinute} tick={AXIS} minTickGap={24} />
          <YAxis allowDecimals={false} tick={AXIS} width={48} />
          <Tooltip labelFormatter={(minute) => `${shortMinute(String(minute))} UTC`} />
          <Bar dataKey="events" name="events" fill={variantColor(0)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function LatencyChart({ data }: { data: LatencySample[] }) {
  return (
    <div className="chart" role="img" aria-label="Request latency percentiles since this page was opened">
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="time" tickFormatter={(time: string) => time.slice(11, 19)} tick={AXIS} minTickGap={32} />
          <YAxis tickFormatter={(ms: number) => `${ms} ms`} tick={AXIS} width={64} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? formatMs(value) : '—')} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          {(['p50', 'p95', 'p99'] as const).map((key, index) => (
            <Line key={key} dataKey={key} name={key} type="monotone" stroke={variantColor(index)} strokeWidth={2}
              dot={data.length < 30} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
