import {
  useCallback,
  useEffect,
  useId,
  useInsertionEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { cx } from './classNames.js';
import { CarouselErrorBoundary } from './CarouselErrorBoundary.js';
import { createPriceFormatter } from './formatPrice.js';
import { ItemCard, SkeletonCard } from './ItemCard.js';
import { injectCarouselStyles } from './styles.js';
import type { TrackingOptions } from './tracking.js';
import type { CarouselOptions, Item } from './types.js';
import { useCarouselEvents } from './useCarouselEvents.js';
import { useCarouselItems, type LoadState } from './useCarouselItems.js';

const STATUS_TEXT = {
  loading: 'Loading recommendations…',
  empty: 'No recommendations available yet.',
  error: 'Recommendations are unavailable right now.',
} as const;

const SKELETON_CARDS = 4;

/** Share of a card that must be in view for it to count as shown (an impression). */
const IMPRESSION_THRESHOLD = 0.5;

export interface ItemCarouselProps extends CarouselOptions {
  /** Full request url of the endpoint to load. */
  url: string;
  title: string;
  count: number;
  /** Show each card's reasons (the url must ask for them). */
  showReasons?: boolean;
  /** Where and for whom impressions and clicks are posted (with recordEvents). */
  events: TrackingOptions;
}

/** Shared carousel behind RecommendationCarousel and SimilarItemsCarousel. */
export function ItemCarousel(props: ItemCarouselProps) {
  const shouldInject = props.injectStyles ?? true;
  useInsertionEffect(() => {
    if (shouldInject) injectCarouselStyles();
  }, [shouldInject]);

  const fallback = (
    <CarouselFrame title={props.title} className={props.className} statusText={STATUS_TEXT.error} statusVisible />
  );
  return (
    <CarouselErrorBoundary resetKey={props.url} fallback={fallback} onError={props.onError}>
      <LoadingCarousel {...props} />
    </CarouselErrorBoundary>
  );
}

function LoadingCarousel(props: ItemCarouselProps) {
  const state = useCarouselItems(props.url, props.refreshKey, { fetchDetails: props.fetchItemDetails, onError: props.onError });
  return <CarouselView {...props} state={state} />;
}

function statusFor(state: LoadState): { text: string; visible: boolean } {
  if (state.status === 'loading') return { text: STATUS_TEXT.loading, visible: false };
  if (state.status === 'error') return { text: STATUS_TEXT.error, visible: true };
  if (state.items.length === 0) return { text: STATUS_TEXT.empty, visible: true };
  return { text: '', visible: false };
}

interface CarouselViewProps extends ItemCarouselProps {
  state: LoadState;
}

function CarouselView({ state, ...props }: CarouselViewProps) {
  const { locale = 'en-US', currency = 'USD' } = props;
  const formatPrice = useMemo(() => createPriceFormatter(locale, currency), [locale, currency]);
  const status = statusFor(state);
  const items = state.status === 'ready' ? state.items : [];
  const { recordClick, recordImpression } = useCarouselEvents(props.events,
    state.status === 'ready' ? state.recommendationId : undefined, props.onError);
  const handleClick = (item: Item) => {
    recordClick(item);
    props.onItemClick?.(item);
  };

  return (
    <CarouselFrame title={props.title} className={props.className} statusText={status.text} statusVisible={status.visible}>
      {state.status === 'loading' && (
        <ul className={cx('rsl-carousel__track', 'rsl-carousel__track--loading', props.containerClassName)} aria-hidden="true">
          {Array.from({ length: Math.min(props.count, SKELETON_CARDS) }, (_, index) => (
            <li key={index} className="rsl-carousel__slide">
              <SkeletonCard className={props.cardClassName} />
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && (
        <ItemTrack
          items={items}
          containerClassName={props.containerClassName}
          cardClassName={props.cardClassName}
          formatPrice={formatPrice}
          onItemClick={handleClick}
          onItemShown={recordImpression}
          itemHref={props.itemHref}
          showReasons={props.showReasons}
        />
      )}
    </CarouselFrame>
  );
}

interface CarouselFrameProps {
  title: string;
  className?: string;
  statusText: string;
  statusVisible: boolean;
  children?: ReactNode;
}

function CarouselFrame({ title, className, statusText, statusVisible, children }: CarouselFrameProps) {
  return (
    <section role="region" aria-label={title} className={cx('rsl-carousel', className)}>
      <h2 className="rsl-carousel__title">{title}</h2>
      {/* Always rendered so screen readers announce changes to it. */}
      <p role="status" aria-live="polite" className={cx('rsl-carousel__status', !statusVisible && 'rsl-visually-hidden')}>
        {statusText}
      </p>
      {children}
    </section>
  );
}

interface ItemTrackProps {
  items: Item[];
  containerClassName?: string;
  cardClassName?: string;
  formatPrice: (price: number) => string;
  onItemClick?: (item: Item) => void;
  /** Called once a card is at least IMPRESSION_THRESHOLD in view. */
  onItemShown?: (itemId: string) => void;
  itemHref?: (item: Item) => string | undefined;
  showReasons?: boolean;
}

const KEY_STEPS: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (index, last) => Math.min(index + 1, last),
  ArrowLeft: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * The cards. The track is one Tab stop (roving tabindex): only the active card is tabbable, and
 * arrow keys, Home and End move the active card.
 */
function ItemTrack({ items, containerClassName, cardClassName, formatPrice, onItemClick, onItemShown, itemHref,
  showReasons }: ItemTrackProps) {
  const trackId = useId();
  const trackRef = useRef<HTMLUListElement>(null);
  const edges = useScrollEdges(trackRef);
  useShownItems(trackRef, items, onItemShown);
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, items.length - 1);

  const scrollPage = (direction: 1 | -1) => {
    const track = trackRef.current;
    if (track) track.scrollBy({ left: direction * track.clientWidth * 0.9, behavior: 'smooth' });
  };

  // Arrow keys move focus between cards and smoothly scroll the newly focused card into view.
  const handleKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const step = KEY_STEPS[event.key];
    if (!step) return;
    const cards = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-rsl-card]'));
    const index = cards.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    event.preventDefault();
    const nextIndex = step(index, cards.length - 1);
    const next = cards[nextIndex];
    setActiveIndex(nextIndex);
    next.focus({ preventScroll: true });
    next.scrollIntoView?.({ block: 'nearest', inline: 'nearest', behavior: 'smooth' });
  };

  return (
    <>
      <div className="rsl-carousel__nav">
        <button type="button" className="rsl-carousel__button" aria-controls={trackId} aria-label="Previous items"
          aria-disabled={edges.atStart} onClick={() => scrollPage(-1)}>
          ‹
        </button>
        <button type="button" className="rsl-carousel__button" aria-controls={trackId} aria-label="Next items"
          aria-disabled={edges.atEnd} onClick={() => scrollPage(1)}>
          ›
        </button>
      </div>
      <ul id={trackId} role="list" ref={trackRef} className={cx('rsl-carousel__track', containerClassName)}
        onKeyDown={handleKeyDown} onScroll={edges.update}>
        {items.map((item, index) => (
          <li key={item.item_id} role="listitem" className="rsl-carousel__slide">
            <ItemCard item={item} className={cardClassName} formatPrice={formatPrice} onItemClick={onItemClick}
              href={itemHref?.(item)} tabIndex={index === active ? 0 : -1} onFocus={() => setActiveIndex(index)}
              showReasons={showReasons} />
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Calls onShown once for each card that is at least IMPRESSION_THRESHOLD in view (the track clips the
 * cards scrolled out of it). Without IntersectionObserver (old browsers, jsdom) nothing counts as shown:
 * no impression rather than one for a card nobody saw.
 */
function useShownItems(trackRef: RefObject<HTMLUListElement | null>, items: Item[], onShown?: (itemId: string) => void) {
  useEffect(() => {
    const track = trackRef.current;
    if (!track || !onShown || typeof IntersectionObserver === 'undefined') return;
    const slides = Array.from(track.children);
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting || entry.intersectionRatio < IMPRESSION_THRESHOLD) continue;
        observer.unobserve(entry.target);
        onShown(items[slides.indexOf(entry.target)].item_id);
      }
    }, { threshold: IMPRESSION_THRESHOLD });
    slides.forEach((slide) => observer.observe(slide));
    return () => observer.disconnect();
  }, [trackRef, items, onShown]);
}

/** Tracks whether the track is scrolled to its start or end, to mark the nav buttons as disabled. */
function useScrollEdges(trackRef: RefObject<HTMLUListElement | null>) {
  const [edges, setEdges] = useState({ atStart: true, atEnd: true });
  const update = useCallback(() => {
    const track = trackRef.current;
    if (!track) return;
    const maxScroll = track.scrollWidth - track.clientWidth;
    setEdges({ atStart: track.scrollLeft <= 1, atEnd: track.scrollLeft >= maxScroll - 1 });
  }, [trackRef]);

  useEffect(() => {
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [update]);

  return { ...edges, update };
}
