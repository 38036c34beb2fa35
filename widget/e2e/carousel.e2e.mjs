// End-to-end check of the built demo page in headless Chromium (playwright-core, no browser download).
// Env: RECSYS_API_URL  API base url of a running server (default: the bundled mock server)
//      RECSYS_DEMO_URL page url of the built demo (default: served by the mock server)
//      RECSYS_USER_ID  user to recommend for (default u1)
//      CHROMIUM_PATH   browser binary (default /usr/bin/chromium)
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startMockServer } from './mock-server.mjs';

const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const ERROR_TEXT = 'Recommendations are unavailable right now.';
const TIMEOUT_MS = 15_000;

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** A loopback port that nothing listens on, to play the part of an API that is down. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function pageUrl(base, params) {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

async function openPage(context, url) {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(url, { timeout: TIMEOUT_MS });
  return { page, pageErrors };
}

async function recommendationsRender(context, target) {
  const { page, pageErrors } = await openPage(context, target.page);
  const region = page.getByRole('region', { name: 'Recommended For You' });
  const cards = region.getByRole('list').getByRole('button');
  await cards.first().waitFor({ timeout: TIMEOUT_MS });

  const titles = await region.locator('.rsl-card__title').allTextContents();
  assert(titles.length > 0 && titles.every((title) => title.trim() !== ''), `cards need titles, got ${JSON.stringify(titles)}`);
  if (target.mock) assert(titles[0] === 'Trail Running Shoe', `unexpected first title ${titles[0]}`);

  await cards.first().click();
  await cards.first().press('ArrowRight');
  const focusedIndex = await cards.evaluateAll((elements) => elements.indexOf(document.activeElement));
  assert(focusedIndex === 1, `ArrowRight should focus the second card, focused #${focusedIndex}`);
  await page.keyboard.press('Enter');

  const clicks = await page.evaluate(() => window.__recsysClicks.map((item) => item.item_id));
  assert(clicks.length === 2, `expected 2 recorded clicks, got ${JSON.stringify(clicks)}`);
  if (target.mock) assert(clicks.join() === 'sku-1,sku-2', `clicked ${clicks}`);
  const lastClicked = await page.getByTestId('last-clicked').textContent();
  assert(lastClicked === `Last clicked: ${titles[1]}`, `demo shows "${lastClicked}"`);
  if (target.mock) {
    // Opening a product shows its similar items. The mock's sku-7 image url is broken and sku-8 has
    // none: both must show the placeholder.
    await page.locator('[data-item-id="sku-1"]').click();
    const similar = page.getByRole('region', { name: 'Similar items' });
    await similar.getByText('Headlamp 300lm').waitFor({ timeout: TIMEOUT_MS });
    await similar.locator('img[src$="missing.svg"]').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    const placeholders = await similar.locator('.rsl-card__placeholder').count();
    assert(placeholders === 2, `expected 2 image placeholders, got ${placeholders}`);
  }
  assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  await page.screenshot({ path: join(RESULTS_DIR, 'carousel.png'), fullPage: true });
  await page.close();
  return `${titles.length} cards, clicks ${clicks.join(', ')}`;
}

/**
 * Follows the widget's latest /recommend request whose url passes `matches`. The widget refetches as
 * the visitor's recent items change and again when each recorded view is acknowledged, aborting the
 * request a newer one supersedes, so only the latest request says what the carousel ends up showing.
 */
function latestRecommendation(page, matches) {
  let latest = null;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.endsWith('/recommend') || !matches(url)) return;
    latest = { url, body: request.response().then((response) => response?.json() ?? null).catch(() => null) };
  });
  return () => latest;
}

/** Polls `check` (which returns a failure message or null) until it passes or the timeout ends. */
async function eventually(check) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const failure = await check();
    if (failure === null) return;
    if (Date.now() > deadline) throw new Error(`not within ${TIMEOUT_MS} ms: ${failure}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A new visitor sees popular items; after viewing two items, recommendations from their session. */
async function newVisitorGetsSessionRecommendations(context, target) {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.addInitScript(() => localStorage.clear()); // a visitor never seen before
  const visitorPage = new URL(target.page);
  visitorPage.searchParams.delete('user');
  const visitorRequest = latestRecommendation(page, (url) => url.searchParams.has('session_id'));
  const sessionRequest = latestRecommendation(page,
    (url) => (url.searchParams.get('recent_items') ?? '').split(',').length === 2);
  await page.goto(visitorPage.toString(), { timeout: TIMEOUT_MS });
  const region = page.getByRole('region', { name: 'Recommended For You' });
  await region.getByRole('list').getByRole('button').first().waitFor({ timeout: TIMEOUT_MS });
  await eventually(async () => {
    const popular = await visitorRequest()?.body;
    if (!popular) return 'no answer to the visitor yet';
    return popular.personalized === false ? null : `a new visitor should get popular items, got ${JSON.stringify(popular)}`;
  });

  const products = page.getByRole('region', { name: 'Browse the shop' }).getByRole('button');
  await products.nth(1).waitFor({ timeout: TIMEOUT_MS });
  const viewedIds = [await products.nth(0).getAttribute('data-item-id'), await products.nth(1).getAttribute('data-item-id')];
  await products.nth(0).click();
  await products.nth(1).click();
  let freshIds = [];
  await eventually(async () => {
    const fresh = await sessionRequest()?.body;
    if (!fresh) return 'no answer for the two viewed items yet';
    if (fresh.personalized !== true) return `after two views the visitor should get personal items, got ${JSON.stringify(fresh)}`;
    freshIds = fresh.recommendations.map((item) => item.item_id);
    if (freshIds.some((id) => viewedIds.includes(id))) return `viewed items ${viewedIds} came back: ${freshIds}`;
    const expectedTitle = fresh.recommendations[0].title ?? freshIds[0];
    const shown = await region.locator('.rsl-card__title').first().textContent();
    return shown === expectedTitle ? null : `the first card shows "${shown}", the latest answer starts with "${expectedTitle}"`;
  });
  const viewedList = await page.getByTestId('viewed').locator('li').count();
  assert(viewedList === 2, `the page should list 2 viewed items, lists ${viewedList}`);
  assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(RESULTS_DIR, `demo-${width}.png`), fullPage: true });
  }
  await page.close();
  return `popular first, then ${freshIds.length} items for the session (viewed ${viewedIds.join(', ')})`;
}

/** The events the page posts to /events (by fetch or sendBeacon), in the order they are sent. */
function postedEvents(page) {
  const events = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/events')) {
      events.push(...JSON.parse(request.postData() ?? '[]'));
    }
  });
  return events;
}

/** Ids of the carousel's cards that are at least half inside both the track and the viewport. */
function cardsInView(region) {
  return region.getByRole('list').evaluate((track) => {
    const clip = track.getBoundingClientRect();
    const visible = (box) => {
      const width = Math.min(box.right, clip.right, window.innerWidth) - Math.max(box.left, clip.left, 0);
      const height = Math.min(box.bottom, clip.bottom, window.innerHeight) - Math.max(box.top, clip.top, 0);
      return Math.max(width, 0) * Math.max(height, 0) >= 0.5 * box.width * box.height;
    };
    return Array.from(track.children).filter((slide) => visible(slide.getBoundingClientRect()))
      .map((slide) => slide.querySelector('.rsl-card__title').textContent);
  });
}

/**
 * The carousel posts one impression per card in view, not for the cards scrolled out of the track,
 * and impressions and clicks carry the recommendation_id of the answer the cards came from.
 */
async function impressionsAndClicksCarryTheAnswer(context, target) {
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  const events = postedEvents(page);
  // The carousel's request names its user or session; the demo's catalogue request names nobody.
  const carouselRequest = latestRecommendation(page,
    (url) => url.searchParams.has('user_id') || url.searchParams.has('session_id'));
  await page.goto(target.page, { timeout: TIMEOUT_MS });
  const region = page.getByRole('region', { name: 'Recommended For You' });
  await region.getByRole('list').getByRole('button').first().waitFor({ timeout: TIMEOUT_MS });

  let answer = null;
  let impressions = [];
  await eventually(async () => {
    answer = await carouselRequest()?.body;
    if (!answer?.recommendation_id) return `no answer with a recommendation_id yet: ${JSON.stringify(answer)}`;
    const titleOf = new Map(answer.recommendations.map((item) => [item.item_id, item.title ?? item.item_id]));
    impressions = events.filter((event) => event.event_type === 'impression' && event.recommendation_id === answer.recommendation_id);
    const shown = impressions.map((event) => titleOf.get(event.item_id)).sort();
    const inView = (await cardsInView(region)).sort();
    return shown.join() === inView.join() ? null : `impressions for ${shown}, cards in view ${inView}`;
  });
  const keys = impressions.map((event) => event.item_id);
  assert(new Set(keys).size === keys.length, `an item had two impressions: ${keys}`);
  if (target.mock) {
    assert(keys.length > 0 && keys.length < answer.recommendations.length, `expected some cards out of view, impressions ${keys}`);
  }

  await region.getByRole('list').getByRole('button').first().click();
  await eventually(async () => {
    const click = events.find((event) => event.event_type === 'click');
    if (!click) return 'no click event yet';
    return click.recommendation_id === answer.recommendation_id && click.item_id === answer.recommendations[0].item_id ? null
      : `click ${JSON.stringify(click)} is not of the first card of ${answer.recommendation_id}`;
  });
  assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  await page.close();
  return `${keys.length} impressions and a click for ${answer.recommendation_id}`;
}

async function apiDownShowsError(context, target) {
  const downApi = `http://127.0.0.1:${await closedPort()}`;
  const { page, pageErrors } = await openPage(context, pageUrl(target.page, { api: downApi }));
  const region = page.getByRole('region', { name: 'Recommended For You' });
  await region.getByRole('status').filter({ hasText: ERROR_TEXT }).waitFor({ timeout: TIMEOUT_MS });
  assert(await page.getByRole('heading', { name: 'RecSys-Lite demo shop' }).isVisible(), 'host page content disappeared');
  assert(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  await page.screenshot({ path: join(RESULTS_DIR, 'carousel-error.png'), fullPage: true });
  await page.close();
  return `error state shown for ${downApi}`;
}

async function main() {
  assert(existsSync(CHROMIUM), `${CHROMIUM} not found: run scripts/setup-system.sh or set CHROMIUM_PATH`);
  await mkdir(RESULTS_DIR, { recursive: true });
  const apiEnv = process.env.RECSYS_API_URL;
  const demoEnv = process.env.RECSYS_DEMO_URL;
  const mock = apiEnv && demoEnv ? null : await startMockServer();
  // With the mock serving both, the page uses its same-origin default, as under the Java server.
  const target = {
    mock: !apiEnv,
    page: pageUrl(demoEnv ?? `${mock.url}/index.html`, { api: apiEnv, user: process.env.RECSYS_USER_ID }),
  };
  console.log(`e2e: page ${target.page}`);

  const userDataDir = await mkdtemp(join(tmpdir(), 'recsys-widget-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1000, height: 900 },
  });
  let passed = 0;
  let failed = 0;
  try {
    for (const scenario of [recommendationsRender, newVisitorGetsSessionRecommendations, impressionsAndClicksCarryTheAnswer,
      apiDownShowsError]) {
      try {
        console.log(`ok - ${scenario.name}: ${await scenario(context, target)}`);
        passed += 1;
      } catch (error) {
        console.log(`not ok - ${scenario.name}: ${error instanceof Error ? error.message : error}`);
        failed += 1;
      }
    }
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    await mock?.close();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
