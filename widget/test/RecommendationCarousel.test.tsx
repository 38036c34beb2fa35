import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { RecommendationCarousel } from '../src';
import { STYLE_ELEMENT_ID } from '../src/styles';
import { deferred, ITEMS, jsonResponse, mockFetch } from './fixtures';

const API = 'https://api.test';

function mockRecommendations(items = ITEMS) {
  return mockFetch(() => jsonResponse({ user_id: 'u1', recommendations: items, personalized: true }));
}

async function findCards() {
  const list = await screen.findByRole('list');
  return within(list).getAllByRole('button');
}

afterEach(() => {
  document.getElementById(STYLE_ELEMENT_ID)?.remove();
});

describe('RecommendationCarousel', () => {
  it('renders the fetched items as an accessible list of cards', async () => {
    const { urls } = mockRecommendations();
    render(<RecommendationCarousel apiUrl={API} userId="u1" />);

    const region = screen.getByRole('region', { name: 'Recommended For You' });
    expect(within(region).getByRole('heading').textContent).toBe('Recommended For You');
    await screen.findByText('Trail Running Shoe');

    expect(urls()).toEqual(['https://api.test/recommend?user_id=u1&k=10&fallback=popular']);
    expect(within(region).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByText('Stride')).toBeTruthy();
    expect(screen.getByText('$99.99')).toBeTruthy();
    expect(screen.getByText('$12.50')).toBeTruthy();
    // An item without details still gets a readable name.
    expect(screen.getByText('sku-3')).toBeTruthy();
    const images = region.querySelectorAll('img');
    expect(images).toHaveLength(2);
    images.forEach((img) => expect(img.getAttribute('loading')).toBe('lazy'));
    expect(screen.getByRole('button', { name: 'Previous items' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next items' })).toBeTruthy();
  });

  it('shows a skeleton and a live loading status until the response arrives', async () => {
    const response = deferred<Response>();
    mockFetch(() => response.promise);
    render(<RecommendationCarousel apiUrl={API} userId="u1" count={2} />);

    expect(screen.getByRole('status').textContent).toBe('Loading recommendations…');
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');
    expect(document.querySelectorAll('.rsl-carousel__track--loading li')).toHaveLength(2);
    expect(screen.queryByRole('list')).toBeNull();

    await act(async () => response.resolve(jsonResponse({ recommendations: ITEMS })));
    expect(document.querySelector('.rsl-carousel__track--loading')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('applies title, count, class name and currency props', async () => {
    const { urls } = mockRecommendations();
    render(
      <RecommendationCarousel apiUrl={API} userId="user 7" count={3} title="Picked for you" locale="de-DE" currency="EUR"
        className="shop-region" containerClassName="shop-track" cardClassName="shop-card" />,
    );
    const cards = await findCards();

    expect(urls()).toEqual(['https://api.test/recommend?user_id=user+7&k=3&fallback=popular']);
    const region = screen.getByRole('region', { name: 'Picked for you' });
    expect(region.className).toBe('rsl-carousel shop-region');
    expect(screen.getByRole('list').className).toBe('rsl-carousel__track shop-track');
    cards.forEach((card) => expect(card.className).toBe('rsl-card shop-card'));
    expect(cards[0].querySelector('.rsl-card__price')?.textContent).toBe('99,99\u00a0€');
  });

  it('with showReasons asks the API to explain and shows the reasons under the cards that have them', async () => {
    const explained = [
      { ...ITEMS[0], reasons: [{ item_id: 'sku-7', title: 'Running Socks', contribution: 0.8 },
        { item_id: 'sku-9', title: null, contribution: 0.2 }] },
      { ...ITEMS[1], reasons: [] },
    ];
    const { urls } = mockRecommendations(explained);
    render(<RecommendationCarousel apiUrl={API} userId="u1" showReasons />);
    const cards = await findCards();

    expect(urls()).toEqual(['https://api.test/recommend?user_id=u1&k=10&fallback=popular&explain=true']);
    expect(cards[0].querySelector('.rsl-card__reasons')?.textContent).toBe('Because you viewed Running Socks, sku-9');
    expect(cards[1].querySelector('.rsl-card__reasons')).toBeNull();
  });

  it('without showReasons neither asks for reasons nor shows them', async () => {
    const { urls } = mockRecommendations([{ ...ITEMS[0], reasons: [{ item_id: 'sku-7', title: 'Running Socks', contribution: 1 }] }]);
    render(<RecommendationCarousel apiUrl={API} userId="u1" />);
    const cards = await findCards();

    expect(urls()[0]).not.toContain('explain');
    expect(cards[0].querySelector('.rsl-card__reasons')).toBeNull();
    expect(screen.queryByText(/Because you viewed/)).toBeNull();
  });

  it('calls onItemClick with the item on click, Enter and Space', async () => {
    mockRecommendations();
    const onItemClick = vi.fn();
    const user = userEvent.setup();
    render(<RecommendationCarousel apiUrl={API} userId="u1" onItemClick={onItemClick} />);
    const cards = await findCards();

    await user.click(cards[1]);
    expect(onItemClick).toHaveBeenLastCalledWith(ITEMS[1]);

    cards[0].focus();
    await user.keyboard('{Enter}');
    expect(onItemClick).toHaveBeenLastCalledWith(ITEMS[0]);
    await user.keyboard(' ');
    expect(onItemClick).toHaveBeenCalledTimes(3);
  });

  it('moves focus between cards with the arrow, Home and End keys', async () => {
    mockRecommendations();
    const user = userEvent.setup();
    render(<RecommendationCarousel apiUrl={API} userId="u1" />);
    const cards = await findCards();

    await user.tab(); // previous button
    await user.tab(); // next button
    await user.tab();
    expect(document.activeElement).toBe(cards[0]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cards[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(cards[2]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cards[2]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(cards[0]);
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(cards[0]);
  });

  it('scrolls the track by a page with the previous/next buttons and marks the edges', async () => {
    mockRecommendations();
    const scrollBy = vi.fn();
    Element.prototype.scrollBy = scrollBy; // jsdom does not implement scrolling
    onTestFinished(() => {
      delete (Element.prototype as Partial<Element>).scrollBy;
    });
    render(<RecommendationCarousel apiUrl={API} userId="u1" />);
    await findCards();
    const track = screen.getByRole('list');
    Object.defineProperties(track, {
      clientWidth: { value: 500, configurable: true },
      scrollWidth: { value: 1200, configurable: true },
    });
    const previous = screen.getByRole('button', { name: 'Previous items' });
    const next = screen.getByRole('button', { name: 'Next items' });

    fireEvent.scroll(track);
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    expect(next.getAttribute('aria-disabled')).toBe('false');

    fireEvent.click(next);
    expect(scrollBy).toHaveBeenLastCalledWith({ left: 450, behavior: 'smooth' });
    fireEvent.click(previous);
    expect(scrollBy).toHaveBeenLastCalledWith({ left: -450, behavior: 'smooth' });

    track.scrollLeft = 700;
    fireEvent.scroll(track);
    expect(previous.getAttribute('aria-disabled')).toBe('false');
    expect(next.getAttribute('aria-disabled')).toBe('true');
  });

  it('merges details from fetchItemDetails into the items', async () => {
    mockRecommendations();
    const fetchItemDetails = vi.fn(async (ids: string[]) =>
      ids.map((id) => ({ item_id: id, title: `Detailed ${id}`, price: 10 })),
    );
    const onItemClick = vi.fn();
    render(<RecommendationCarousel apiUrl={API} userId="u1" fetchItemDetails={fetchItemDetails} onItemClick={onItemClick} />);

    await screen.findByText('Detailed sku-3');
    expect(fetchItemDetails).toHaveBeenCalledWith(['sku-1', 'sku-2', 'sku-3'], expect.any(AbortSignal));
    expect(screen.getAllByText('$10.00')).toHaveLength(3);
    expect(screen.queryByText('Trail Running Shoe')).toBeNull();
    fireEvent.click(screen.getByText('Detailed sku-1'));
    expect(onItemClick).toHaveBeenCalledWith({ ...ITEMS[0], title: 'Detailed sku-1', price: 10 });
  });

  it('still shows the recommendations when fetchItemDetails fails, and reports the failure to onError', async () => {
    mockRecommendations();
    const onError = vi.fn();
    const failure = new Error('down');
    render(<RecommendationCarousel apiUrl={API} userId="u1" onError={onError} fetchItemDetails={() => Promise.reject(failure)} />);
    await screen.findByText('Trail Running Shoe');
    expect(screen.getByRole('status').textContent).toBe('');
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it('is one Tab stop: only the active card is tabbable', async () => {
    mockRecommendations();
    const user = userEvent.setup();
    render(<RecommendationCarousel apiUrl={API} userId="u1" />);
    const cards = await findCards();
    expect(cards.map((card) => card.tabIndex)).toEqual([0, -1, -1]);

    cards[0].focus();
    await user.keyboard('{ArrowRight}');
    expect(cards.map((card) => card.tabIndex)).toEqual([-1, 0, -1]);
    await user.tab();
    expect(cards).not.toContain(document.activeElement);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(cards[1]);
  });

  it('renders cards as links when the shop gives item urls', async () => {
    mockRecommendations();
    const onItemClick = vi.fn();
    render(<RecommendationCarousel apiUrl={API} userId="u1" onItemClick={onItemClick}
      itemHref={(item) => `/products/${item.item_id}`} />);
    const links = within(await screen.findByRole('list')).getAllByRole('link');

    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/products/sku-1', '/products/sku-2', '/products/sku-3']);
    links[0].addEventListener('click', (event) => event.preventDefault()); // jsdom would try to navigate
    fireEvent.click(links[0]);
    expect(onItemClick).toHaveBeenCalledWith(ITEMS[0]);
  });

  it('shows an empty state when there are no recommendations', async () => {
    mockRecommendations([]);
    render(<RecommendationCarousel apiUrl={API} userId="u1" />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No recommendations available yet.'));
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Next items' })).toBeNull();
  });

  it.each([
    ['an HTTP 500', () => Promise.resolve(jsonResponse({ error: 'boom' }, 500)), { name: 'RecsysApiError', message: 'boom', status: 500 }],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), { message: 'Failed to fetch' }],
  ])('shows the error state on %s without breaking the host page', async (_, respond, expectedError) => {
    mockFetch(respond);
    const onError = vi.fn();
    render(
      <main>
        <p>Host content</p>
        <RecommendationCarousel apiUrl={API} userId="u1" onError={onError} />
      </main>,
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Recommendations are unavailable right now.'));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0]).toMatchObject(expectedError);
    expect(screen.getByText('Host content')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Recommended For You' })).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('contains a rendering crash caused by malformed item data and recovers on a new request', async () => {
    mockRecommendations();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    // React re-dispatches render errors to window in development; keep jsdom from logging them.
    const silence = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', silence);
    onTestFinished(() => window.removeEventListener('error', silence));
    // An object where a string is expected makes React throw while rendering the card.
    const onError = vi.fn();
    const malformed = async () => [{ item_id: 'sku-1', title: { text: 'bad' } as unknown as string }];
    const page = (userId: string) => (
      <main>
        <p>Host content</p>
        <RecommendationCarousel apiUrl={API} userId={userId} fetchItemDetails={userId === 'u1' ? malformed : undefined}
          onError={onError} />
      </main>
    );
    const { rerender } = render(page('u1'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Recommendations are unavailable right now.'));
    expect(screen.getByText('Host content')).toBeTruthy();
    expect(consoleError).toHaveBeenCalled();
    expect(String(onError.mock.calls[0][0])).toContain('Objects are not valid as a React child');

    // A new request starts over instead of staying in the failed state.
    rerender(page('u2'));
    await screen.findByText('Trail Running Shoe');
  });

  it('aborts the request on unmount without reporting an error', async () => {
    // Like a real fetch, the mock rejects with an AbortError once its signal aborts.
    const { signal } = mockFetch(
      (_url, init) =>
        new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    const onError = vi.fn();
    const { unmount } = render(<RecommendationCarousel apiUrl={API} userId="u1" onError={onError} />);
    expect(signal(0).aborted).toBe(false);
    unmount();
    expect(signal(0).aborted).toBe(true);
    await act(async () => {});
    expect(onError).not.toHaveBeenCalled();
  });

  it('aborts the previous request when the user changes and ignores its late answer', async () => {
    const first = deferred<Response>();
    const { signal, urls } = mockFetch((url) =>
      url.includes('user_id=u1') ? first.promise : jsonResponse({ recommendations: [ITEMS[1]] }),
    );
    const { rerender } = render(<RecommendationCarousel apiUrl={API} userId="u1" />);
    rerender(<RecommendationCarousel apiUrl={API} userId="u2" />);

    expect(signal(0).aborted).toBe(true);
    expect(signal(1).aborted).toBe(false);
    expect(urls()[1]).toBe('https://api.test/recommend?user_id=u2&k=10&fallback=popular');
    await screen.findByText('Wool Socks');

    await act(async () => first.resolve(jsonResponse({ recommendations: [ITEMS[0]] })));
    expect(screen.queryByText('Trail Running Shoe')).toBeNull();
    expect(screen.getByText('Wool Socks')).toBeTruthy();
  });

  it('does not refetch when only an inline callback prop changes', async () => {
    const { fetchMock } = mockRecommendations();
    const { rerender } = render(<RecommendationCarousel apiUrl={API} userId="u1" fetchItemDetails={async () => []} />);
    await findCards();
    rerender(<RecommendationCarousel apiUrl={API} userId="u1" fetchItemDetails={async () => []} onItemClick={() => {}} />);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('replaces a broken or missing image with a placeholder', async () => {
    mockRecommendations();
    render(<RecommendationCarousel apiUrl={API} userId="u1" />);
    const cards = await findCards();
    expect(cards[2].querySelector('.rsl-card__placeholder')).not.toBeNull();

    const image = cards[0].querySelector('img');
    expect(image?.getAttribute('src')).toBe('https://img.test/1.jpg');
    fireEvent.error(image!);
    expect(cards[0].querySelector('img')).toBeNull();
    expect(cards[0].querySelector('.rsl-card__placeholder')).not.toBeNull();
    expect(cards[1].querySelector('img')).not.toBeNull();
  });

  it('injects the default styles once, unless disabled', async () => {
    mockRecommendations();
    const { unmount } = render(
      <>
        <RecommendationCarousel apiUrl={API} userId="u1" />
        <RecommendationCarousel apiUrl={API} userId="u2" />
      </>,
    );
    expect(await screen.findAllByRole('list')).toHaveLength(2);
    expect(document.querySelectorAll(`#${STYLE_ELEMENT_ID}`)).toHaveLength(1);
    expect(document.getElementById(STYLE_ELEMENT_ID)?.textContent).toContain('scroll-snap-type');
    unmount();
    document.getElementById(STYLE_ELEMENT_ID)?.remove();

    render(<RecommendationCarousel apiUrl={API} userId="u1" injectStyles={false} />);
    await findCards();
    expect(document.getElementById(STYLE_ELEMENT_ID)).toBeNull();
  });
});
