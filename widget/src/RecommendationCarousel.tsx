import { recommendUrl } from './api.js';
import { ItemCarousel } from './Carousel.js';
import type { CarouselOptions } from './types.js';
import { useVisitor } from './visitor.js';

export interface RecommendationCarouselProps extends CarouselOptions {
  /** Base url of the RecSys-Lite REST API, e.g. "https://shop.example/api" or "" for the same origin. */
  apiUrl: string;
  /** The logged-in user; leave out for a visitor. */
  userId?: string;
  /** Number of items to request. */
  count?: number;
  /**
   * Keep a visitor (session) id and the recently viewed items in localStorage and recommend from
   * them for visitors without a user id. Personal data: off unless the shop enables it.
   */
  tracking?: boolean;
  /**
   * Post "impression" events for the cards shown and a "click" event when a card is activated to
   * POST /events, with the answer's recommendation_id (off unless the shop enables it).
   */
  recordEvents?: boolean;
  /** What a user or visitor without usable history gets: popular items (default) or the error state. */
  fallback?: 'popular' | 'none';
  /** Ask the API to explain (explain=true) and show "Because you viewed X, Y" under each card that has reasons. */
  showReasons?: boolean;
}

/**
 * Recommendations for a user, or for a visitor from their session and recently viewed items;
 * popular items (marked not personalised by the API) when there is no usable history.
 */
export function RecommendationCarousel({
  apiUrl, userId, count = 10, title = 'Recommended For You', tracking = false, recordEvents = false,
  fallback = 'popular', showReasons = false, ...options
}: RecommendationCarouselProps) {
  const visitor = useVisitor(tracking);
  const url = recommendUrl(apiUrl, {
    userId, sessionId: visitor?.sessionId, recentItems: visitor?.recentItems, k: count, fallback, explain: showReasons,
  });
  return (
    <ItemCarousel {...options} url={url} title={title} count={count} showReasons={showReasons}
      events={{ apiUrl, userId, tracking, recordEvents }} />
  );
}
