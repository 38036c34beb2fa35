// Loopback-only stand-in for the RecSys-Lite REST API that also serves the built demo page (dist-demo/).
// Usage: node e2e/mock-server.mjs [port]   (or import { startMockServer })
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEMO_DIR = fileURLToPath(new URL('../dist-demo/', import.meta.url));
const KNOWN_USERS = new Set(['u1', 'u2']);

const CATALOGUE = [
  { item_id: 'sku-1', title: 'Trail Running Shoe', brand: 'Stride', category: 'shoes', price: 99.99 },
  { item_id: 'sku-2', title: 'Merino Wool Socks', brand: 'Knit & Co', category: 'socks', price: 12.5 },
  { item_id: 'sku-3', title: 'Packable Rain Jacket', brand: 'Drizzle', category: 'jackets', price: 149 },
  { item_id: 'sku-4', title: 'Insulated Water Bottle', brand: 'Hydra', category: 'gear', price: 24.95 },
  { item_id: 'sku-5', title: 'Running Cap', brand: 'Stride', category: 'hats', price: 19 },
  { item_id: 'sku-6', title: 'Trekking Poles', brand: 'Summit', category: 'gear', price: 79.5 },
  { item_id: 'sku-7', title: 'Headlamp 300lm', brand: 'Lumen', category: 'gear', price: 34 },
  { item_id: 'sku-8', title: 'Mystery Item', brand: null, category: null, price: null },
].map((item, index) => ({
  ...item,
  score: Number((0.95 - index * 0.05).toFixed(2)),
  // sku-7 has a broken image url (placeholder test), sku-8 none at all.
  img_url: item.item_id === 'sku-8' ? null : `/img/${item.item_id === 'sku-7' ? 'missing' : item.item_id}.svg`,
}));

const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Accept',
  'Access-Control-Expose-Headers': 'X-Recommendation-Id, X-Variant',
};

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...CORS, ...headers });
  res.end(JSON.stringify(body));
}

// Like the real API, every answer gets an id that impressions, clicks and conversions refer to.
let answers = 0;
const answerId = () => `mock-${++answers}`;

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text);
}

function parseK(params) {
  const k = Number(params.get('k') ?? 10);
  return Number.isInteger(k) && k > 0 && k <= 100 ? k : null;
}

function itemImage(id) {
  const hue = (Number(id.replace(/\D/g, '')) * 47) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="hsl(${hue} 60% 75%)"/>`
    + `<text x="150" y="160" font-size="40" text-anchor="middle" font-family="sans-serif">${id}</text></svg>`;
}

async function serveStatic(pathname, res) {
  const relative = normalize(pathname === '/' ? 'index.html' : decodeURIComponent(pathname).slice(1));
  const file = join(DEMO_DIR, relative);
  if (relative.startsWith('..') || !file.startsWith(DEMO_DIR.replace(/[\\/]$/, '') + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found (did you run npm run build?)');
  }
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const params = url.searchParams;
  if (req.method === 'OPTIONS') return res.writeHead(204, CORS).end();
  if (url.pathname === '/events' && req.method === 'POST') {
    const body = await readJson(req).catch(() => null);
    if (body === null) return sendJson(res, 400, { error: 'malformed JSON' });
    return sendJson(res, 200, { stored: Array.isArray(body) ? body.length : 1 });
  }
  if (url.pathname === '/recommend') {
    // Like the real API: a user, else a visitor's recent items; popular items only with fallback=popular.
    const userId = params.get('user_id');
    const recent = (params.get('recent_items') ?? '').split(',').filter(Boolean);
    const fallback = params.get('fallback') === 'popular';
    const k = parseK(params);
    if (k === null) return sendJson(res, 400, { error: 'k must be between 1 and 100' });
    const answer = (personalized, items) => sendJson(res, 200,
      { user_id: userId, personalized, recommendation_id: answerId(), variant: 'default', recommendations: items.slice(0, k) });
    if (userId && KNOWN_USERS.has(userId)) return answer(true, CATALOGUE);
    if (!userId && recent.length > 0) return answer(true, CATALOGUE.filter((item) => !recent.includes(item.item_id)).reverse());
    if (fallback) return answer(false, CATALOGUE);
    return sendJson(res, userId ? 404 : 400, { error: userId ? `unknown user: ${userId}` : 'user_id is required' });
  }
  if (url.pathname === '/similar-items') {
    const itemId = params.get('item_id');
    const k = parseK(params);
    if (!itemId || k === null) return sendJson(res, 400, { error: 'item_id and a k between 1 and 100 are required' });
    if (!CATALOGUE.some((item) => item.item_id === itemId)) return sendJson(res, 404, { error: `unknown item: ${itemId}` });
    return sendJson(res, 200, CATALOGUE.filter((item) => item.item_id !== itemId).reverse().slice(0, k),
      { 'X-Recommendation-Id': answerId(), 'X-Variant': 'default' });
  }
  const image = /^\/img\/(sku-\d+)\.svg$/.exec(url.pathname);
  if (image) return res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.svg'] }).end(itemImage(image[1]));
  if (url.pathname.startsWith('/img/')) return res.writeHead(404).end();
  return serveStatic(url.pathname, res);
}

/** Starts the server on 127.0.0.1 (port 0 = any free port). */
export function startMockServer(port = 0) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actualPort } = server.address();
      resolve({ url: `http://127.0.0.1:${actualPort}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startMockServer(Number(process.argv[2] ?? 0));
  console.log(`mock RecSys-Lite API and demo page at ${url}/`);
}
