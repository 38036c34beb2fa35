export { RecommendationCarousel, type RecommendationCarouselProps } from './RecommendationCarousel.js';
export { SimilarItemsCarousel, type SimilarItemsCarouselProps } from './SimilarItemsCarousel.js';
export { RecsysApiError } from './api.js';
export { carouselStyles, injectCarouselStyles } from './styles.js';
export type { CarouselOptions, Item, ItemDetailsFetcher } from './types.js';
