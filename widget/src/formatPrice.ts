/** Returns a price formatter; falls back to two decimals when locale or currency is invalid. */
export function createPriceFormatter(locale: string, currency: string): (price: number) => string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    return (price) => format.format(price);
  } catch {
    return (price) => price.toFixed(2);
  }
}
