import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetVisitor, getVisitor, RecommendationCarousel, recordItemView, VISITOR_STORAGE_KEY } from '../src';
import { ITEMS, jsonResponse, mockFetch } from './fixtures';

const API = 'https://api.test';

function mockApi() {
  return mockFetch((url) => url.endsWith('/events') ? jsonResponse({ stored: 1 })
    : jsonResponse({ recommendations: ITEMS, personalized: url.includes('recent_items') }));
}

afterEach(() => forgetVisitor());

describe('a visitor without a user id', () => {
  it('asks for popular items and stores nothing unless the shop enables tracking', async () => {
    const { urls } = mockApi();
    render(<RecommendationCarousel apiUrl={API} />);
    await screen.findByText('Trail Running Shoe');

    expect(urls()).toEqual(['https://api.test/recommend?k=10&fallback=popular']);
    expect(localStorage.getItem(VISITOR_STORAGE_KEY)).toBeNull();
  });

  it('with tracking, keeps a session id and recommends from the items viewed, updating without a reload', async () => {
    const { urls } = mockApi();
    render(<RecommendationCarousel apiUrl={API} tracking />);
    await screen.findByText('Trail Running Shoe');
    const session = getVisitor().sessionId;
    expect(urls()).toEqual([`https://api.test/recommend?session_id=${session}&k=10&fallback=popular`]);

    await act(() => recordItemView({ apiUrl: API, tracking: true }, 'sku-9'));
    await act(() => recordItemView({ apiUrl: API, tracking: true }, 'sku-7'));

    expect(urls().at(-1)).toBe(`https://api.test/recommend?session_id=${session}&recent_items=sku-9%2Csku-7&k=10&fallback=popular`);
    expect(JSON.parse(localStorage.getItem(VISITOR_STORAGE_KEY) ?? '{}').recentItems).toEqual(['sku-9', 'sku-7']);
    expect(urls().some((url) => url.endsWith('/events'))).toBe(false);
  });

  it('posts view and click events with the session id only when the shop opts in', async () => {
    const { fetchMock } = mockApi();
    render(<RecommendationCarousel apiUrl={API} tracking recordEvents />);
    await screen.findByRole('list');
    await act(() => recordItemView({ apiUrl: API, tracking: true, recordEvents: true }, 'sku-2'));
    fireEvent.click(within(await screen.findByRole('list')).getAllByRole('button')[0]);

    const posted = fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/events'))
      .map(([, init]) => JSON.parse(String(init?.body)));
    const session = getVisitor().sessionId;
    expect(posted).toEqual([
      [{ session_id: session, item_id: 'sku-2', event_type: 'view' }],
      [{ session_id: session, item_id: 'sku-1', event_type: 'click' }],
    ]);
  });
});
