import { describe, expect, it } from 'vitest';
import { createPriceFormatter } from '../src/formatPrice';

describe('createPriceFormatter', () => {
  it('formats with the locale and currency', () => {
    expect(createPriceFormatter('en-US', 'USD')(1234.5)).toBe('$1,234.50');
    // de-DE puts the symbol last, separated by a non-breaking space.
    expect(createPriceFormatter('de-DE', 'EUR')(1234.5)).toBe('1.234,50\u00a0€');
    expect(createPriceFormatter('ja-JP', 'JPY')(1234)).toBe('￥1,234');
  });

  it('falls back to two decimals for an invalid currency instead of throwing', () => {
    expect(createPriceFormatter('en-US', 'not-a-currency')(5)).toBe('5.00');
  });
});
