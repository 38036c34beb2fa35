// The dashboard's panels: each takes the data it shows and says so when there is none yet.
import type { ReactNode } from 'react';
import { DailyRateChart, EventsChart, LatencyChart } from './Charts';
import type { LatencySample } from './poll';
import {
  comparisonRows,
  dailySeries,
  formatCount,
  formatMoney,
  formatMs,
  formatParam,
  formatPercent,
  formatPoints,
  formatPValue,
  formatTime,
  hasTraffic,
  minuteSeries,
  topItemRows,
  variantColor,
  variantNames,
} from './shape';
import type { Comparison, Health, Metrics, Stats, VariantStats } from './types';

export function Panel({ title, wide, children, note }: { title: string; wide?: boolean; children: ReactNode; note?: ReactNode }) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`panel${wide ? ' panel--wide' : ''}`} aria-labelledby={id}>
      <div className="panel__head">
        <h2 id={id}>{title}</h2>
        {note && <span className="panel__note">{note}</span>}
      </div>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

const NO_TRAFFIC_EXPLAINED = 'No traffic yet: figures appear once shoppers see recommendations and the shop posts impression events.';
const NO_TRAFFIC = 'No traffic yet.';

function Swatch({ index }: { index: number }) {
  return <span className="swatch" style={{ background: variantColor(index) }} aria-hidden="true" />;
}

function KeyValues({ entries, format }: { entries: [string, unknown][]; format: (v: unknown) => string }) {
  if (entries.length === 0) return <span className="muted">none</span>;
  return (
    <dl className="kv">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ModelsPanel({ stats, health }: { stats: Stats | null; health: Health | null }) {
  const variants = stats?.variants ?? [];
  return (
    <Panel title="Live models" wide>
      {variants.length === 0 ? (
        health?.model_type ? (
          <div className="models">
            <article className="model" data-testid="model-card">
              <h3>{health.model_type}</h3>
              <p className="muted">Index {health.index ?? '—'} · details appear with /stats</p>
            </article>
          </div>
        ) : (
          <Empty>No model is loaded: train one and save it into the served model directory.</Empty>
        )
      ) : (
        <div className="models">
          {variants.map((variant, index) => (
            <ModelCard key={variant.variant} variant={variant} index={index} />
          ))}
        </div>
      )}
    </Panel>
  );
}

function ModelCard({ variant, index }: { variant: VariantStats; index: number }) {
  const model = variant.model;
  return (
    <article className="model" data-testid="model-card">
      <h3>
        <Swatch index={index} />
        Variant {variant.variant}
        <span className="model__share">{formatPercent(variant.traffic_share, 0)} of traffic</span>
      </h3>
      {model === null ? (
        <p className="muted">No model loaded for this variant.</p>
      ) : (
        <>
          <p className="model__algo">
            <strong>{model.algorithm}</strong> · trained {formatTime(model.trained_at)}
          </p>
          <h4>Parameters</h4>
          <KeyValues entries={Object.entries(model.params)} format={formatParam} />
          <h4>Offline metrics</h4>
          <KeyValues
            entries={Object.entries(model.offline_metrics)}
            format={(v) => (typeof v === 'number' ? v.toFixed(4) : formatParam(v))}
          />
          {model.model_dir && <p className="model__dir" title={model.model_dir}>{model.model_dir}</p>}
        </>
      )}
    </article>
  );
}

type NumericKey = 'recommendations' | 'impressions' | 'clicks' | 'ctr' | 'conversions' | 'conversion_rate' | 'revenue';

/** The rows of the online-metrics table: one per figure, a column per variant (fits a phone too). */
const VARIANT_ROWS: [string, NumericKey, (n: number) => string][] = [
  ['Recommendations', 'recommendations', formatCount],
  ['Impressions', 'impressions', formatCount],
  ['Clicks', 'clicks', formatCount],
  ['CTR', 'ctr', (n) => formatPercent(n)],
  ['Conversions', 'conversions', formatCount],
  ['Conversion rate', 'conversion_rate', (n) => formatPercent(n)],
  ['Revenue', 'revenue', formatMoney],
];

export function VariantTable({ stats }: { stats: Stats }) {
  const note = `last ${stats.days} days · conversions within ${stats.conversion_window_hours} h`;
  return (
    <Panel title="Online metrics" note={note}>
      {!hasTraffic(stats.variants) ? (
        <Empty>{NO_TRAFFIC_EXPLAINED}</Empty>
      ) : (
        <div className="table-scroll">
          <table data-testid="variant-table" className="metrics-table">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                {stats.variants.map((v, index) => (
                  <th scope="col" key={v.variant}><Swatch index={index} />{v.variant}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {VARIANT_ROWS.map(([label, key, format]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  {stats.variants.map((v) => (
                    <td key={v.variant} data-testid={`${key}-${v.variant}`}>{format(v[key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

export function DailyPanels({ stats }: { stats: Stats }) {
  // Colours follow the variant's place in the table; only variants with daily rows get a line.
  const withRows = new Set(stats.daily.map((row) => row.variant));
  const series = variantNames(stats)
    .map((key, index) => ({ key, color: variantColor(index) }))
    .filter(({ key }) => withRows.has(key));
  const variants = series.map(({ key }) => key);
  const charts = [
    { title: 'Click-through rate per day', metric: 'ctr' as const },
    { title: 'Conversion rate per day', metric: 'conversion_rate' as const },
  ];
  return (
    <>
      {charts.map(({ title, metric }) => (
        <Panel key={metric} title={title} note="UTC days">
          {stats.daily.length === 0 ? (
            <Empty>{NO_TRAFFIC}</Empty>
          ) : (
            <DailyRateChart data={dailySeries(stats.daily, variants, metric)} series={series} label={title} />
          )}
        </Panel>
      ))}
    </>
  );
}

export function ComparisonPanel({ stats }: { stats: Stats }) {
  return (
    <Panel title="A/B comparison" wide>
      {stats.comparisons.length === 0 ? (
        <Empty>
          {stats.variants.length < 2
            ? 'One variant is served: start the server with two or more --variant options to compare models.'
            : 'No comparison yet.'}
        </Empty>
      ) : (
        stats.comparisons.map((c) => <ComparisonBlock key={`${c.baseline}-${c.variant}`} comparison={c} />)
      )}
    </Panel>
  );
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

function ComparisonBlock({ comparison }: { comparison: Comparison }) {
  const level = formatPercent(comparison.confidence_level, 0);
  return (
    <div className="comparison" data-testid="comparison">
      <h3>
        {comparison.variant} vs {comparison.baseline}{' '}
        <span className="muted">({comparison.method}, {level} confidence)</span>
      </h3>
      <div className="table-scroll">
        <table className="comparison-table">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">{comparison.baseline}</th>
              <th scope="col">{comparison.variant}</th>
              <th scope="col">Difference</th>
              <th scope="col">{level} interval</th>
              <th scope="col" className="interval-col"><span className="visually-hidden">Interval around zero</span></th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {comparisonRows(comparison).map(({ metric, difference: d, position, verdict }) => (
              <tr key={metric}>
                <th scope="row">{metric}</th>
                <td data-label={comparison.baseline}>{formatPercent(d.baseline)}</td>
                <td data-label={comparison.variant}>{formatPercent(d.variant)}</td>
                <td data-label="Difference">{formatPoints(d.difference)}</td>
                <td data-label={`${level} interval`} className="nowrap">
                  [{formatPoints(d.low)}, {formatPoints(d.high)}]
                </td>
                <td className="interval-col" data-label="">
                  <div className="interval" role="img"
                    aria-label={`${metric}: difference ${formatPoints(d.difference)}, interval ${formatPoints(d.low)} to ${formatPoints(d.high)}`}>
                    <span className="interval__zero" style={{ left: pct(position.zero) }} />
                    <span className={`interval__bar interval__bar--${verdict.replace(' ', '-')}`}
                      style={{ left: pct(position.low), width: pct(Math.max(position.high - position.low, 0.005)) }} />
                    <span className="interval__point" style={{ left: pct(position.point) }} />
                  </div>
                </td>
                <td data-label="Result">
                  <span className={`badge badge--${verdict.replace(' ', '-')}`} data-testid="verdict">
                    {d.significant ? `significant, ${verdict}` : 'not significant'}
                  </span>{' '}
                  <span className="muted nowrap">{formatPValue(d.p_value)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function EventsPanel({ stats }: { stats: Stats }) {
  const series = minuteSeries(stats.events_per_minute, stats.generated_at);
  const total = series.reduce((sum, point) => sum + point.events, 0);
  return (
    <Panel title="Events per minute" note={`${formatCount(total)} in the last hour`}>
      {total === 0 ? <Empty>No events in the last hour.</Empty> : <EventsChart data={series} />}
    </Panel>
  );
}

export function LatencyPanel({ metrics, history }: { metrics: Metrics | null; history: LatencySample[] }) {
  return (
    <Panel title="Request latency" note="recent requests">
      {metrics === null ? (
        <Empty>No /metrics answer yet.</Empty>
      ) : (
        <>
          <div className="tiles">
            <Tile label="p50" value={formatMs(metrics.p50_ms)} testId="p50" />
            <Tile label="p95" value={formatMs(metrics.p95_ms)} testId="p95" />
            <Tile label="p99" value={formatMs(metrics.p99_ms)} testId="p99" />
            <Tile label="requests" value={formatCount(metrics.request_count)} />
            <Tile label="errors" value={formatCount(metrics.error_count)} />
            <Tile label="cache hits" value={formatPercent(metrics.cache_hit_ratio, 0)} />
          </div>
          {history.length >= 2 ? (
            <LatencyChart data={history} />
          ) : (
            <p className="muted small">The latency curve builds up while this page stays open (one point per refresh).</p>
          )}
        </>
      )}
    </Panel>
  );
}

function Tile({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="tile">
      <span className="tile__value" data-testid={testId}>{value}</span>
      <span className="tile__label">{label}</span>
    </div>
  );
}

export function CoveragePanel({ stats }: { stats: Stats }) {
  return (
    <Panel title="Catalogue coverage" wide note="share of the catalogue shown in recommendations">
      {!hasTraffic(stats.variants) ? (
        <Empty>{NO_TRAFFIC}</Empty>
      ) : (
        <ul className="coverage">
          {stats.variants.map((v, index) => (
            <li key={v.variant}>
              <span className="coverage__label"><Swatch index={index} />{v.variant}</span>
              <span className="coverage__bar" role="meter" aria-valuemin={0} aria-valuemax={1} aria-valuenow={v.catalogue_coverage}
                aria-label={`coverage of variant ${v.variant}`}>
                <span style={{ width: `${Math.min(1, v.catalogue_coverage) * 100}%`, background: variantColor(index) }} />
              </span>
              <span className="coverage__value" data-testid={`coverage-${v.variant}`}>{formatPercent(v.catalogue_coverage, 1)}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function TopItemsPanel({ stats }: { stats: Stats }) {
  const rows = topItemRows(stats.top_items);
  return (
    <Panel title="Top recommended items">
      {rows.length === 0 ? (
        <Empty>{NO_TRAFFIC}</Empty>
      ) : (
        <div className="table-scroll">
          <table data-testid="top-items">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Impressions</th>
                <th scope="col">Clicks</th>
                <th scope="col">CTR</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item) => (
                <tr key={item.item_id}>
                  <th scope="row" className="item">
                    {item.title ?? item.item_id}
                    {item.title && <span className="muted small"> {item.item_id}</span>}
                  </th>
                  <td>{formatCount(item.impressions)}</td>
                  <td>{formatCount(item.clicks)}</td>
                  <td>{formatPercent(item.ctr, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
