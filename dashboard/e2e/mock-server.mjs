// Loopback stand-in for the RecSys-Lite example server's dashboard endpoints: GET /stats (the
// JSON of STATS-CONTRACT), /metrics and /health, plus the built dashboard (dist/) at /dashboard/.
// Usage: node e2e/mock-server.mjs [port] [--empty] [--api-key KEY]   (or import { startMockServer })
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json',
};
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DAYS = 14;

const round = (x, digits = 6) => Number(x.toFixed(digits));

/** A rate that drifts a little day by day, the same on every run. */
const wave = (base, amplitude, i, phase) => base + amplitude * Math.sin(i * 0.9 + phase);

function dailyRows(now) {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const rows = [];
  for (let i = 0; i < DAYS; i += 1) {
    const day = new Date(today - (DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10);
    for (const [variant, ctrBase, crBase, phase] of [['a', 0.052, 0.0072, 0], ['b', 0.034, 0.0041, 1.7]]) {
      const impressions = 600 + ((i * 37) % 120);
      const clicks = Math.round(impressions * wave(ctrBase, 0.006, i, phase));
      const conversions = Math.round(impressions * wave(crBase, 0.0015, i, phase));
      rows.push({
        day, variant, impressions, clicks, ctr: round(clicks / impressions), conversions,
        conversion_rate: round(conversions / impressions), revenue: round(conversions * 42.5, 2),
      });
    }
  }
  return rows;
}

function totals(rows, variant) {
  const mine = rows.filter((row) => row.variant === variant);
  const sum = (key) => mine.reduce((total, row) => total + row[key], 0);
  const impressions = sum('impressions');
  const clicks = sum('clicks');
  const conversions = sum('conversions');
  return {
    impressions, clicks, ctr: round(clicks / impressions), conversions,
    conversion_rate: round(conversions / impressions), revenue: round(sum('revenue'), 2),
  };
}

function difference(baseline, variant, low, high, p) {
  return { baseline, variant, difference: round(variant - baseline), low, high, p_value: p, significant: p < 0.05 };
}

/** The /stats answer at `now` for `days` days; `empty` is a server that has seen no traffic yet. */
export function statsAnswer(now, days, empty) {
  const generatedAt = new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const model = (algorithm, params, ndcg) => ({
    algorithm, params, trained_at: new Date(now - 3 * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    offline_metrics: { 'ndcg@10': ndcg, 'recall@10': round(ndcg * 1.6, 4) }, model_dir: `/srv/recsys/models/${algorithm}`,
  });
  const models = {
    a: model('als', { factors: 64, regularization: 0.01, iterations: 15, alpha: 40 }, 0.2134),
    b: model('popularity', {}, 0.0912),
  };
  if (empty) {
    return {
      generated_at: generatedAt, days, conversion_window_hours: 24,
      variants: [{ variant: 'default', traffic_share: 1, model: models.a, recommendations: 0, impressions: 0, clicks: 0, ctr: 0,
        conversions: 0, conversion_rate: 0, revenue: 0, catalogue_coverage: 0 }],
      daily: [], comparisons: [], top_items: [], events_per_minute: [],
    };
  }
  const daily = dailyRows(now);
  const a = totals(daily, 'a');
  const b = totals(daily, 'b');
  const minuteEnd = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const events = [];
  for (let i = 0; i < 60; i += 1) {
    if (i % 7 === 3) continue; // minutes without events are left out, as the server may
    events.push({ minute: new Date(minuteEnd - (59 - i) * MINUTE_MS).toISOString().replace('.000Z', 'Z'), events: 20 + ((i * 13) % 17) });
  }
  return {
    generated_at: generatedAt, days, conversion_window_hours: 24,
    variants: [
      { variant: 'a', traffic_share: 0.5, model: models.a, recommendations: 4210, ...a, catalogue_coverage: 0.4215 },
      { variant: 'b', traffic_share: 0.5, model: models.b, recommendations: 4187, ...b, catalogue_coverage: 0.0375 },
    ],
    daily,
    comparisons: [{
      baseline: 'a', variant: 'b', method: 'two-proportion z-test', confidence_level: 0.95,
      ctr: difference(a.ctr, b.ctr, -0.0215, -0.0143, 0.0000021),
      conversion_rate: difference(a.conversion_rate, b.conversion_rate, -0.0049, 0.0002, 0.071),
    }],
    top_items: [
      ['item_17', 'Trail Running Shoe', 812, 61], ['item_4', 'Merino Wool Socks', 760, 44], ['item_29', null, 540, 12],
      ['item_3', 'Packable Rain Jacket', 702, 52], ['item_11', 'Insulated Water Bottle', 455, 19],
    ].map(([item_id, title, impressions, clicks]) => ({ item_id, title, impressions, clicks })),
    events_per_minute: events,
  };
}

function metricsAnswer(requests) {
  return {
    uptime_seconds: 5400 + requests, request_count: 18_230 + requests, recommendation_count: 17_950 + requests,
    error_count: 12, recommendations_per_second: 3.4, cache_hit_ratio: 0.61,
    p50_ms: round(1.8 + (requests % 5) * 0.1, 2), p95_ms: round(6.4 + (requests % 3) * 0.4, 2), p99_ms: 14.2,
  };
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function serveStatic(pathname, res) {
  const relative = normalize(decodeURIComponent(pathname.slice('/dashboard/'.length)) || 'index.html');
  const file = join(DIST_DIR, relative);
  if (relative.startsWith('..') || !file.startsWith(DIST_DIR.replace(/[\\/]$/, '') + sep)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    return res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found (did you run npm run build?)');
  }
}

/**
 * Starts the mock on 127.0.0.1 (port 0 = any free port). Options: `empty` (no traffic yet),
 * `apiKey` (/stats needs it in X-API-Key, like the real server's protected endpoints).
 * `requests` lists every API request as { path, apiKey }.
 */
export function startMockServer({ port = 0, empty = false, apiKey = null } = {}) {
  const requests = [];
  const handle = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/dashboard') return res.writeHead(302, { Location: '/dashboard/' }).end();
    if (url.pathname.startsWith('/dashboard/')) return serveStatic(url.pathname, res);
    const given = req.headers['x-api-key'] ?? null;
    requests.push({ path: url.pathname, apiKey: given });
    if (req.method !== 'GET') return sendJson(res, 405, { error: `${req.method} is not allowed` });
    if (url.pathname === '/health') {
      return sendJson(res, 200, { status: 'ok', version: '0.9.0-mock', model_type: 'als', uptime_seconds: 5400, index: 'exact' });
    }
    if (url.pathname === '/metrics') return sendJson(res, 200, metricsAnswer(requests.length));
    if (url.pathname === '/stats') {
      if (apiKey !== null && given !== apiKey) {
        return sendJson(res, 403, { error: 'A valid API key is required in the X-API-Key header' });
      }
      const days = Number(url.searchParams.get('days') ?? 30);
      return sendJson(res, 200, statsAnswer(Date.now(), days, empty));
    }
    return sendJson(res, 404, { error: `No endpoint GET ${url.pathname}` });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actualPort } = server.address();
      resolve({ url: `http://127.0.0.1:${actualPort}`, requests, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const keyAt = args.indexOf('--api-key');
  const port = Number(args.find((arg, i) => /^\d+$/.test(arg) && i !== keyAt + 1) ?? 0);
  const { url } = await startMockServer({ port, empty: args.includes('--empty'), apiKey: keyAt >= 0 ? args[keyAt + 1] : null });
  console.log(`mock RecSys-Lite stats API with the dashboard at ${url}/dashboard/`);
}
