import { describe, expect, it } from 'vitest';
import { fetchItems, mergeItemDetails, recommendUrl, similarItemsUrl } from '../src/api';
import { ITEMS, jsonResponse, mockFetch } from './fixtures';

describe('endpoint urls', () => {
  it('joins absolute and relative bases without doubling slashes', () => {
    expect(recommendUrl('https://api.test/v1/', { userId: 'u1', k: 5, fallback: 'none' }))
      .toBe('https://api.test/v1/recommend?user_id=u1&k=5');
    expect(recommendUrl('', { userId: 'u1', k: 5, fallback: 'popular' })).toBe('/recommend?user_id=u1&k=5&fallback=popular');
    expect(similarItemsUrl('/api', 'sku 1&x', 3)).toBe('/api/similar-items?item_id=sku+1%26x&k=3');
  });
});

describe('recommend urls', () => {
  it('ask for a visitor by session and recent items, and for nobody in particular with the fallback only', () => {
    expect(recommendUrl('', { sessionId: 's1', recentItems: ['a', 'b c'], k: 4, fallback: 'popular' }))
      .toBe('/recommend?session_id=s1&recent_items=a%2Cb+c&k=4&fallback=popular');
    expect(recommendUrl('', { userId: 'u1', sessionId: 's1', recentItems: ['a'], k: 4, fallback: 'none' }))
      .toBe('/recommend?user_id=u1&k=4');
    expect(recommendUrl('', { k: 4, fallback: 'popular' })).toBe('/recommend?k=4&fallback=popular');
  });
});

describe('fetchItems', () => {
  const signal = new AbortController().signal;

  it('reads items from both response shapes and drops entries without an item_id', async () => {
    mockFetch(() => jsonResponse({ user_id: 'u1', recommendations: [ITEMS[0], { score: 1 }] }));
    expect(await fetchItems('/recommend', signal)).toEqual({ items: [ITEMS[0]] });
    mockFetch(() => jsonResponse([ITEMS[1]]));
    expect(await fetchItems('/similar-items', signal)).toEqual({ items: [ITEMS[1]] });
  });

  it('reads the recommendation id from the /recommend body and the /similar-items header', async () => {
    mockFetch(() => jsonResponse({ recommendation_id: 'r-1', variant: 'default', recommendations: [ITEMS[0]] }));
    expect(await fetchItems('/recommend', signal)).toEqual({ items: [ITEMS[0]], recommendationId: 'r-1' });
    mockFetch(() => new Response(JSON.stringify([ITEMS[1]]), { headers: { 'X-Recommendation-Id': 'r-2' } }));
    expect(await fetchItems('/similar-items', signal)).toEqual({ items: [ITEMS[1]], recommendationId: 'r-2' });
  });

  it('rejects with the API error message and status', async () => {
    mockFetch(() => jsonResponse({ error: 'unknown user' }, 404));
    await expect(fetchItems('/recommend', signal)).rejects.toMatchObject({ message: 'unknown user', status: 404 });
    mockFetch(() => new Response('<html>oops</html>', { status: 502 }));
    await expect(fetchItems('/recommend', signal)).rejects.toMatchObject({ message: 'HTTP 502', status: 502 });
  });

  it('rejects a body that is neither an array nor a recommendations object', async () => {
    mockFetch(() => jsonResponse({ items: [] }));
    await expect(fetchItems('/recommend', signal)).rejects.toThrow('Unexpected response');
  });
});

describe('mergeItemDetails', () => {
  it('overlays non-null details by item_id and keeps id and score from the API', () => {
    const merged = mergeItemDetails(ITEMS, [
      { item_id: 'sku-3', title: 'Rain Jacket', price: 149, score: 0 },
      { item_id: 'sku-1', title: null, brand: 'Stride Pro' },
      { item_id: 'unknown', title: 'Ignored' },
    ]);
    expect(merged[0]).toEqual({ ...ITEMS[0], brand: 'Stride Pro' });
    expect(merged[1]).toBe(ITEMS[1]);
    expect(merged[2]).toEqual({ ...ITEMS[2], title: 'Rain Jacket', price: 149 });
    expect(merged).toHaveLength(3);
  });
});
