import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { forgetVisitor, getVisitor, RecommendationCarousel, SimilarItemsCarousel } from '../src';
import { IMPRESSION_BATCH_MS } from '../src/useCarouselEvents';
import { ITEMS, jsonResponse, mockFetch } from './fixtures';

const API = 'https://api.test';

/** Stands in for the browser's IntersectionObserver: `show` reports how much of an element is in view. */
class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  readonly observed = new Set<Element>();

  constructor(private readonly callback: IntersectionObserverCallback, readonly options?: IntersectionObserverInit) {
    FakeIntersectionObserver.all.push(this);
  }

  observe(element: Element) {
    this.observed.add(element);
  }

  unobserve(element: Element) {
    this.observed.delete(element);
  }

  disconnect() {
    this.observed.clear();
  }

  static show(element: Element, ratio: number) {
    for (const observer of FakeIntersectionObserver.all.filter((o) => o.observed.has(element))) {
      const entry = { target: element, isIntersecting: ratio > 0, intersectionRatio: ratio } as IntersectionObserverEntry;
      act(() => observer.callback([entry], observer as unknown as IntersectionObserver));
    }
  }
}

/** Answers /recommend (answer ids rec-1, rec-2, ...), /similar-items (ids in a header, sim-1, ...) and /events. */
function mockApi({ withIds = true } = {}) {
  let answers = 0;
  const mock = mockFetch((url) => {
    if (url.endsWith('/events')) return jsonResponse({ stored: 1 });
    answers += 1;
    if (url.includes('/similar-items')) {
      return new Response(JSON.stringify(ITEMS), { headers: withIds ? { 'X-Recommendation-Id': `sim-${answers}` } : {} });
    }
    return jsonResponse({ recommendations: ITEMS, ...(withIds && { recommendation_id: `rec-${answers}`, variant: 'default' }) });
  });
  const posts = () => mock.fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/events'))
    .map(([, init]) => JSON.parse(String(init?.body)));
  return { ...mock, posts };
}

async function findSlides() {
  const slides = within(await screen.findByRole('list')).getAllByRole('listitem');
  await act(async () => {}); // runs the effects that start observing them
  return slides;
}

/** After the first render, so that Testing Library's own waiting keeps real timers. */
function batchTimers() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  return { elapse: () => act(() => vi.advanceTimersByTime(IMPRESSION_BATCH_MS)) };
}

const impression = (itemId: string, recommendationId: string) =>
  ({ user_id: 'u1', item_id: itemId, event_type: 'impression', recommendation_id: recommendationId });

beforeEach(() => {
  FakeIntersectionObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  forgetVisitor();
});

describe('impression events', () => {
  it('are posted in one batch for the cards at least half in view, once per card and answer', async () => {
    const { posts } = mockApi();
    // StrictMode mounts twice (observers, listeners and requests too): still one event per card.
    const page = (recordEvents: boolean) => (
      <StrictMode><RecommendationCarousel apiUrl={API} userId="u1" recordEvents={recordEvents} /></StrictMode>
    );
    const { rerender } = render(page(true));
    const slides = await findSlides();
    const timers = batchTimers();
    const rec = 'rec-2'; // StrictMode's first request was aborted

    FakeIntersectionObserver.show(slides[0], 1);
    FakeIntersectionObserver.show(slides[1], 0.6);
    FakeIntersectionObserver.show(slides[2], 0.2); // mostly scrolled out of the track
    FakeIntersectionObserver.show(slides[0], 1);
    expect(posts()).toEqual([]);
    timers.elapse();
    expect(posts()).toEqual([[impression('sku-1', rec), impression('sku-2', rec)]]);

    FakeIntersectionObserver.show(slides[2], 0.5);
    FakeIntersectionObserver.show(slides[0], 1);
    timers.elapse();
    expect(posts()).toEqual([[impression('sku-1', rec), impression('sku-2', rec)], [impression('sku-3', rec)]]);

    // Switching recording off and on observes the same answer's cards anew: they were shown already.
    rerender(page(false));
    rerender(page(true));
    await act(async () => {});
    slides.forEach((slide) => FakeIntersectionObserver.show(slide, 1));
    timers.elapse();
    expect(posts()).toHaveLength(2);
    expect(FakeIntersectionObserver.all.at(-1)?.options).toEqual({ threshold: 0.5 });
  });

  it('are posted again for the cards of a new answer', async () => {
    const { posts } = mockApi();
    const { rerender } = render(<RecommendationCarousel apiUrl={API} userId="u1" recordEvents refreshKey={1} />);
    const first = await findSlides();
    const firstTimers = batchTimers();
    FakeIntersectionObserver.show(first[0], 1);
    firstTimers.elapse();
    vi.useRealTimers();

    rerender(<RecommendationCarousel apiUrl={API} userId="u1" recordEvents refreshKey={2} />);
    const second = await findSlides();
    const timers = batchTimers();
    FakeIntersectionObserver.show(second[0], 1);
    timers.elapse();

    expect(posts().flat()).toEqual([impression('sku-1', 'rec-1'), impression('sku-1', 'rec-2')]);
  });

  it('go out at once when the page is hidden: with sendBeacon, else with fetch', async () => {
    const { posts } = mockApi();
    const sendBeacon = vi.fn(() => true);
    Object.defineProperty(navigator, 'sendBeacon', { value: sendBeacon, configurable: true });
    onTestFinished(() => {
      delete (navigator as Partial<Navigator>).sendBeacon;
    });
    render(<RecommendationCarousel apiUrl={API} userId="u1" recordEvents />);
    const slides = await findSlides();
    batchTimers();
    FakeIntersectionObserver.show(slides[0], 1);
    FakeIntersectionObserver.show(slides[1], 1);

    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(sendBeacon).toHaveBeenCalledTimes(1);
    expect(sendBeacon).toHaveBeenCalledWith('https://api.test/events',
      JSON.stringify([impression('sku-1', 'rec-1'), impression('sku-2', 'rec-1')]));
    expect(posts()).toEqual([]);

    delete (navigator as Partial<Navigator>).sendBeacon;
    FakeIntersectionObserver.show(slides[2], 1);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(posts()).toEqual([[impression('sku-3', 'rec-1')]]);
    expect(sendBeacon).toHaveBeenCalledTimes(1);
  });

  it('are posted for similar items with the answer id from the header and the visitor session', async () => {
    const { posts } = mockApi();
    render(<SimilarItemsCarousel apiUrl={API} itemId="sku-9" tracking recordEvents />);
    const slides = await findSlides();
    const timers = batchTimers();
    FakeIntersectionObserver.show(slides[1], 1);
    timers.elapse();

    expect(posts()).toEqual([[{ session_id: getVisitor().sessionId, item_id: 'sku-2', event_type: 'impression',
      recommendation_id: 'sim-1' }]]);
  });
});

describe('click events', () => {
  it('carry the recommendation id of the answer the card came from, in both carousels', async () => {
    const { posts } = mockApi();
    render(
      <>
        <RecommendationCarousel apiUrl={API} userId="u1" recordEvents />
        <SimilarItemsCarousel apiUrl={API} itemId="sku-9" userId="u1" recordEvents />
      </>,
    );
    const [recommended, similar] = await screen.findAllByRole('list');
    fireEvent.click(within(recommended).getAllByRole('button')[1]);
    fireEvent.click(within(similar).getAllByRole('button')[0]);

    expect(posts()).toEqual([
      [{ user_id: 'u1', item_id: 'sku-2', event_type: 'click', recommendation_id: 'rec-1' }],
      [{ user_id: 'u1', item_id: 'sku-1', event_type: 'click', recommendation_id: 'sim-2' }],
    ]);
  });
});

describe('without recordEvents', () => {
  it('neither impressions nor clicks are posted', async () => {
    const { posts } = mockApi();
    const onItemClick = vi.fn();
    render(
      <>
        <RecommendationCarousel apiUrl={API} userId="u1" onItemClick={onItemClick} />
        <SimilarItemsCarousel apiUrl={API} itemId="sku-9" userId="u1" />
      </>,
    );
    await screen.findAllByRole('list');
    const timers = batchTimers();
    screen.getAllByRole('listitem').forEach((slide) => FakeIntersectionObserver.show(slide, 1));
    fireEvent.click(screen.getAllByText('Wool Socks')[0]);
    timers.elapse();

    expect(onItemClick).toHaveBeenCalledWith(ITEMS[1]);
    expect(posts()).toEqual([]);
  });
});

describe('where impressions cannot be attributed or seen', () => {
  it('an answer without a recommendation id posts clicks without it, and no impressions', async () => {
    const { posts } = mockApi({ withIds: false });
    render(<RecommendationCarousel apiUrl={API} userId="u1" recordEvents />);
    const slides = await findSlides();
    const timers = batchTimers();
    FakeIntersectionObserver.show(slides[0], 1);
    fireEvent.click(within(slides[0]).getByRole('button'));
    timers.elapse();

    expect(posts()).toEqual([[{ user_id: 'u1', item_id: 'sku-1', event_type: 'click' }]]);
  });

  it('without IntersectionObserver no card counts as shown, and clicks still work', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const { posts } = mockApi();
    render(<RecommendationCarousel apiUrl={API} userId="u1" recordEvents />);
    const slides = await findSlides();
    const timers = batchTimers();
    fireEvent.click(within(slides[0]).getByRole('button'));
    timers.elapse();

    expect(posts()).toEqual([[{ user_id: 'u1', item_id: 'sku-1', event_type: 'click', recommendation_id: 'rec-1' }]]);
  });
});
