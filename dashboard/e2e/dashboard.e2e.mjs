// The built dashboard in headless Chromium (playwright-core with the system browser, no download).
// Env: RECSYS_API_URL        a running example server (default: the bundled mock servers)
//      RECSYS_DASHBOARD_URL  the dashboard page (default: $RECSYS_API_URL/dashboard/)
//      RECSYS_API_KEY        the server's API key, if it has one
//      CHROMIUM_PATH         browser binary (default /usr/bin/chromium)
// Screenshots go to test-results/ (dashboard-1280.png, dashboard-390.png, and the empty and error states).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startMockServer } from './mock-server.mjs';

const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT_MS = 15_000;
const MOCK_KEY = 'e2e-secret';
const MOCK_DAYS = 14; // the mock's daily rows per variant

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** As the page formats a ratio (shape.ts formatPercent). */
const percent = (ratio, digits = 2) => `${(ratio * 100).toFixed(digits)}%`;

async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function withParams(base, params) {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  return url.toString();
}

async function fetchJson(api, path, key) {
  const response = await fetch(`${api}${path}`, { headers: key ? { 'X-API-Key': key } : {} });
  assert(response.ok, `${path} answered ${response.status}`);
  return response.json();
}

/** A fresh browser context (empty session storage) with the page open; page errors are collected. */
async function open(browser, url, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { timeout: TIMEOUT_MS });
  return { page, errors, close: () => context.close() };
}

const panel = (page, title) => page.getByRole('region', { name: title, exact: true });

/** The charts draw SVG with one point per value, and the numbers are those of /stats and /metrics. */
async function chartsAndNumbersRender(browser, target) {
  const stats = await fetchJson(target.api, '/stats?days=30', target.key);
  assert(stats.daily.length > 0, 'the server has no daily rows: run some traffic first');
  const { page, errors, close } = await open(browser, withParams(target.page, { key: target.key, refresh: '2' }));
  try {
    await page.getByTestId('variant-table').waitFor({ timeout: TIMEOUT_MS });
    assert(!page.url().includes('key='), `the API key stays in the address bar: ${page.url()}`);

    const variants = new Set(stats.daily.map((row) => row.variant));
    const days = new Set(stats.daily.map((row) => row.day));
    for (const title of ['Click-through rate per day', 'Conversion rate per day']) {
      const chart = panel(page, title);
      // a point per day: on the first day of traffic a line is one dot (its curve has no extent)
      await chart.locator('svg .recharts-line-dots circle').first().waitFor({ timeout: TIMEOUT_MS });
      const lines = await chart.locator('svg .recharts-line').count();
      const dots = await chart.locator('svg .recharts-line-dots circle').count();
      assert(lines === variants.size, `${title}: ${lines} lines for ${variants.size} variants`);
      assert(dots === stats.daily.length, `${title}: ${dots} points for ${stats.daily.length} daily rows`);
      if (target.mock) assert(dots === 2 * MOCK_DAYS, `${title}: ${dots} points, the mock has ${2 * MOCK_DAYS}`);
    }
    const activeMinutes = stats.events_per_minute.filter((m) => m.events > 0).length;
    if (activeMinutes > 0) {
      const bars = await panel(page, 'Events per minute').locator('svg .recharts-bar-rectangle path').count();
      assert(bars >= activeMinutes, `events chart: ${bars} bars for ${activeMinutes} minutes with events`);
    }

    for (const v of stats.variants) {
      const ctr = await page.getByTestId(`ctr-${v.variant}`).textContent();
      const conversion = await page.getByTestId(`conversion_rate-${v.variant}`).textContent();
      const coverage = await page.getByTestId(`coverage-${v.variant}`).textContent();
      assert(ctr === percent(v.ctr), `CTR of ${v.variant}: page ${ctr}, /stats ${v.ctr}`);
      assert(conversion === percent(v.conversion_rate), `conversion rate of ${v.variant}: page ${conversion}, /stats ${v.conversion_rate}`);
      assert(coverage === percent(v.catalogue_coverage, 1), `coverage of ${v.variant}: page ${coverage}, /stats ${v.catalogue_coverage}`);
    }
    assert(await page.getByTestId('model-card').count() === stats.variants.length, 'one model card per variant');
    const p95 = await page.getByTestId('p95').textContent();
    assert(/^\d+(\.\d+)? ms$/.test(p95 ?? ''), `p95 tile shows "${p95}"`);
    const verdicts = await page.getByTestId('verdict').allTextContents();
    assert(verdicts.length === 2 * stats.comparisons.length, `verdicts ${verdicts}`);
    if (target.mock) assert(verdicts.join() === 'significant, worse,not significant', `mock verdicts ${verdicts}`);
    const shownItems = await page.getByTestId('top-items').getByRole('rowheader').allTextContents();
    const expectedItems = stats.top_items.slice(0, 10).map((item) => item.title ?? item.item_id);
    assert(shownItems.length === expectedItems.length && expectedItems.every((name) => shownItems.some((shown) => shown.startsWith(name))),
      `top items: page ${JSON.stringify(shownItems)}, /stats ${JSON.stringify(expectedItems)}`);

    // It polls: another /stats within a few refresh intervals, and the latency curve appears.
    await page.waitForRequest((request) => request.url().includes('/stats?'), { timeout: TIMEOUT_MS });
    // attached, not visible: a steady latency is a flat line, whose box has no height
    await panel(page, 'Request latency').locator('svg .recharts-line-curve').first().waitFor({ state: 'attached', timeout: TIMEOUT_MS });

    await page.screenshot({ path: join(RESULTS_DIR, 'dashboard-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300); // the charts follow their container's new width
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `at 390 px the page is ${overflow} px wider than the screen`);
    await page.screenshot({ path: join(RESULTS_DIR, 'dashboard-390.png'), fullPage: true });
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    return `${variants.size} variants x ${days.size} days charted, CTR ${stats.variants.map((v) => percent(v.ctr)).join(' / ')}, p95 ${p95}`;
  } finally {
    await close();
  }
}

/** A server without traffic: empty states, no broken charts. */
async function emptyStateWithoutTraffic(browser) {
  const mock = await startMockServer({ empty: true });
  const { page, errors, close } = await open(browser, `${mock.url}/dashboard/`, 390);
  try {
    await page.getByText(/^No traffic yet/).first().waitFor({ timeout: TIMEOUT_MS });
    const empties = await page.getByText(/^No traffic yet/).count();
    assert(empties >= 4, `${empties} "no traffic" panels`);
    assert(await page.locator('.recharts-line-curve').count() === 0, 'line charts drawn without data');
    await page.getByText('No events in the last hour.').waitFor({ timeout: TIMEOUT_MS });
    await page.screenshot({ path: join(RESULTS_DIR, 'dashboard-empty-390.png'), fullPage: true });
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    return `${empties} empty panels`;
  } finally {
    await close();
    await mock.close();
  }
}

/** With an API key on the server: the page loads, asks for the key, and sends it once entered. */
async function apiKeyIsAskedForAndSent(browser, target) {
  const mock = target.mock ? await startMockServer({ apiKey: MOCK_KEY }) : null;
  const page_ = mock ? `${mock.url}/dashboard/` : target.page;
  const key = mock ? MOCK_KEY : target.key;
  const { page, errors, close } = await open(browser, page_);
  try {
    const alert = page.getByRole('alert').filter({ hasText: 'An API key is needed' });
    await alert.waitFor({ timeout: TIMEOUT_MS });
    assert(await page.getByTestId('variant-table').count() === 0, 'figures shown without the key');
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('variant-table').waitFor({ timeout: TIMEOUT_MS });
    assert(await alert.count() === 0, 'the key banner stays after a valid key');
    if (mock) {
      const statsCalls = mock.requests.filter((r) => r.path === '/stats');
      assert(statsCalls.at(-1)?.apiKey === MOCK_KEY, `last /stats sent key ${statsCalls.at(-1)?.apiKey}`);
    }
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    return 'key asked for, then sent in X-API-Key';
  } finally {
    await close();
    await mock?.close();
  }
}

async function apiDownShowsError(browser, target) {
  const downApi = `http://127.0.0.1:${await closedPort()}`;
  const { page, errors, close } = await open(browser, withParams(target.page, { api: downApi }), 390);
  try {
    await page.getByRole('alert').filter({ hasText: 'The API is down or unreachable.' }).waitFor({ timeout: TIMEOUT_MS });
    await page.getByRole('heading', { name: 'RecSys-Lite dashboard' }).waitFor({ timeout: TIMEOUT_MS });
    await page.screenshot({ path: join(RESULTS_DIR, 'dashboard-error-390.png'), fullPage: true });
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    return `error state for ${downApi}`;
  } finally {
    await close();
  }
}

async function main() {
  assert(existsSync(CHROMIUM), `${CHROMIUM} not found: run scripts/setup-system.sh or set CHROMIUM_PATH`);
  await mkdir(RESULTS_DIR, { recursive: true });
  const apiEnv = process.env.RECSYS_API_URL?.replace(/\/+$/, '');
  const mock = apiEnv ? null : await startMockServer();
  const api = apiEnv ?? mock.url;
  const target = {
    mock: !apiEnv,
    api,
    page: process.env.RECSYS_DASHBOARD_URL ?? `${api}/dashboard/`,
    key: process.env.RECSYS_API_KEY ?? '',
  };
  console.log(`e2e: dashboard ${target.page} against ${api}`);
  const scenarios = [chartsAndNumbersRender, apiDownShowsError];
  if (target.mock) scenarios.push(emptyStateWithoutTraffic);
  if (target.mock || target.key) scenarios.push(apiKeyIsAskedForAndSent);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  let failed = 0;
  try {
    for (const scenario of scenarios) {
      try {
        console.log(`ok - ${scenario.name}: ${await scenario(browser, target)}`);
      } catch (error) {
        console.log(`not ok - ${scenario.name}: ${error instanceof Error ? error.message : error}`);
        failed += 1;
      }
    }
  } finally {
    await browser.close();
    await mock?.close();
  }
  console.log(`e2e: ${scenarios.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
