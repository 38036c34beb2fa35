import { similarItemsUrl } from './api.js';
import { ItemCarousel } from './Carousel.js';
import type { CarouselOptions } from './types.js';

export interface SimilarItemsCarouselProps extends CarouselOptions {
  /** Base url of the RecSys-Lite REST API, e.g. "https://shop.example/api" or "" for the same origin. */
  apiUrl: string;
  /** The item whose neighbours are shown, typically the product on the current page. */
  itemId: string;
  /** Number of items to request. */
  count?: number;
}

/** Items similar to one product, for product detail pages. */
export function SimilarItemsCarousel({ apiUrl, itemId, count = 10, title = 'Similar Items', ...options }: SimilarItemsCarouselProps) {
  return <ItemCarousel {...options} url={similarItemsUrl(apiUrl, itemId, count)} title={title} count={count} />;
}
