/** One recommended item as returned by the RecSys-Lite REST API. Only item_id and score are guaranteed. */
export interface Item {
  item_id: string;
  score: number;
  title?: string | null;
  category?: string | null;
  brand?: string | null;
  price?: number | null;
  img_url?: string | null;
  /** With explain=true: the user's own items behind this one, strongest first. */
  reasons?: Reason[] | null;
}

/** An item of the user's history that led to a recommendation ("Because you viewed ..."). */
export interface Reason {
  item_id: string;
  title?: string | null;
  contribution: number;
}

/**
 * Loads extra details (title, price, image, ...) for the given item ids from the shop's own backend.
 * The signal is aborted when the carousel unmounts or its request changes.
 */
export type ItemDetailsFetcher = (itemIds: string[], signal: AbortSignal) => Promise<Partial<Item>[]>;

/** Props shared by both carousels. */
export interface CarouselOptions {
  /** Heading text, also used as the accessible name of the carousel region. */
  title?: string;
  /** Extra class on the outer region. */
  className?: string;
  /** Extra class on the scrolling list of cards. */
  containerClassName?: string;
  /** Extra class on every card. */
  cardClassName?: string;
  /** Called when a card is activated by click, Enter or Space. */
  onItemClick?: (item: Item) => void;
  /** The item's page in the shop: cards become real links (open in a new tab, copy link) when given. */
  itemHref?: (item: Item) => string | undefined;
  /** Loads details from the shop's backend; a failure reaches onError and the bare items are shown. */
  fetchItemDetails?: ItemDetailsFetcher;
  /** Called when loading or rendering fails, e.g. for logging; the carousel shows its error state either way. */
  onError?: (error: unknown) => void;
  /** BCP 47 locale for price formatting. */
  locale?: string;
  /** ISO 4217 currency code for price formatting. */
  currency?: string;
  /** Reloads the items whenever it changes, e.g. a counter of events the page recorded. */
  refreshKey?: string | number;
  /** Inject the default stylesheet into document.head once. Set false to ship `carouselStyles` yourself. */
  injectStyles?: boolean;
}
