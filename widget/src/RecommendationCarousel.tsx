import { recommendUrl } from './api.js';
import { ItemCarousel } from './Carousel.js';
import type { CarouselOptions } from './types.js';

export interface RecommendationCarouselProps extends CarouselOptions {
  /** Base url of the RecSys-Lite REST API, e.g. "https://shop.example/api" or "" for the same origin. */
  apiUrl: string;
  userId: string;
  /** Number of items to request. */
  count?: number;
}

/** Personalised recommendations for one user (falls back to popular items on the server side). */
export function RecommendationCarousel({ apiUrl, userId, count = 10, title = 'Recommended For You', ...options }: RecommendationCarouselProps) {
  return <ItemCarousel {...options} url={recommendUrl(apiUrl, userId, count)} title={title} count={count} />;
}
