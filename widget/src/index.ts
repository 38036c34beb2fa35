export { RecommendationCarousel, type RecommendationCarouselProps } from './RecommendationCarousel.js';
export { SimilarItemsCarousel, type SimilarItemsCarouselProps } from './SimilarItemsCarousel.js';
export { RecsysApiError, postEvents, type RecsysEvent } from './api.js';
export { recordItemEvent, recordItemView, type TrackingOptions } from './tracking.js';
export { forgetVisitor, getVisitor, VISITOR_STORAGE_KEY, type Visitor } from './visitor.js';
export { carouselStyles, injectCarouselStyles } from './styles.js';
export type { CarouselOptions, Item, ItemDetailsFetcher, Reason } from './types.js';
