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
  /** The logged-in user, the subject of the events posted with recordEvents. */
  userId?: string;
  /** Send the visitor's session id (kept in localStorage: only with consent) with the events posted with recordEvents. */
  tracking?: boolean;
  /**
   * Post "impression" events for the cards shown and a "click" event when a card is activated to
   * POST /events, with the answer's recommendation_id (off unless the shop enables it).
   */
  recordEvents?: boolean;
}

/** Items similar to one product, for product detail pages. */
export function SimilarItemsCarousel({
  apiUrl, itemId, count = 10, title = 'Similar Items', userId, tracking = false, recordEvents = false, ...options
}: SimilarItemsCarouselProps) {
  return (
    <ItemCarousel {...options} url={similarItemsUrl(apiUrl, itemId, count)} title={title} count={count}
      events={{ apiUrl, userId, tracking, recordEvents }} />
  );
}
