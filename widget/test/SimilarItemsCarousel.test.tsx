import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SimilarItemsCarousel } from '../src';
import { ITEMS, jsonResponse, mockFetch } from './fixtures';

describe('SimilarItemsCarousel', () => {
  it('requests similar items for the product and renders the array response', async () => {
    const { urls } = mockFetch(() => jsonResponse(ITEMS.slice(0, 2)));
    render(<SimilarItemsCarousel apiUrl="/api/" itemId="sku-9" count={4} />);

    const region = screen.getByRole('region', { name: 'Similar Items' });
    await screen.findByText('Wool Socks');
    expect(urls()).toEqual(['/api/similar-items?item_id=sku-9&k=4']);
    expect(within(region).getAllByRole('listitem')).toHaveLength(2);
  });

  it('defaults to 10 items and the same origin', async () => {
    const { urls } = mockFetch(() => jsonResponse([]));
    render(<SimilarItemsCarousel apiUrl="" itemId="sku-9" title="You may also like" />);
    await screen.findByText('No recommendations available yet.');
    expect(urls()).toEqual(['/similar-items?item_id=sku-9&k=10']);
    expect(screen.getByRole('region', { name: 'You may also like' })).toBeTruthy();
  });
});
