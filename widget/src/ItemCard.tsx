import { useState } from 'react';
import { cx } from './classNames.js';
import type { Item } from './types.js';

interface ItemImageProps {
  url: string | null | undefined;
}

/** Lazy product image; shows a neutral placeholder when the url is missing or fails to load. */
function ItemImage({ url }: ItemImageProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (!url || failedUrl === url) {
    return <span className="rsl-card__placeholder" aria-hidden="true" />;
  }
  // alt is empty because the card's visible title already names the item.
  return <img className="rsl-card__image" src={url} alt="" loading="lazy" decoding="async" onError={() => setFailedUrl(url)} />;
}

interface ItemCardProps {
  item: Item;
  className?: string;
  formatPrice: (price: number) => string;
  onItemClick?: (item: Item) => void;
  /** The item's page: the card is a link to it, else a button. */
  href?: string;
  tabIndex: number;
  onFocus: () => void;
  /** Show "Because you viewed X, Y" from the item's reasons. */
  showReasons?: boolean;
}

/** "Because you viewed X, Y" from the reasons' titles (ids where a title is missing); null without reasons. */
function reasonsText(item: Item): string | null {
  const names = (item.reasons ?? []).map((reason) => reason.title || reason.item_id);
  return names.length > 0 ? `Because you viewed ${names.join(', ')}` : null;
}

export function ItemCard({ item, className, formatPrice, onItemClick, href, tabIndex, onFocus, showReasons }: ItemCardProps) {
  const reasons = showReasons ? reasonsText(item) : null;
  const content = (
    <>
      <ItemImage url={item.img_url} />
      <span className="rsl-card__body">
        {item.brand && <span className="rsl-card__brand">{item.brand}</span>}
        <span className="rsl-card__title">{item.title || item.item_id}</span>
        {typeof item.price === 'number' && <span className="rsl-card__price">{formatPrice(item.price)}</span>}
        {reasons && <span className="rsl-card__reasons">{reasons}</span>}
      </span>
    </>
  );
  const shared = {
    className: cx('rsl-card', className), 'data-rsl-card': '', tabIndex, onFocus, onClick: () => onItemClick?.(item),
  };
  return href ? <a {...shared} href={href}>{content}</a> : <button type="button" {...shared}>{content}</button>;
}

export function SkeletonCard({ className }: { className?: string }) {
  return (
    <span className={cx('rsl-card', 'rsl-card--skeleton', className)}>
      <span className="rsl-card__placeholder" />
      <span className="rsl-card__body">
        <span className="rsl-skeleton-line" style={{ width: '40%' }} />
        <span className="rsl-skeleton-line" style={{ width: '90%' }} />
        <span className="rsl-skeleton-line" style={{ width: '30%' }} />
      </span>
    </span>
  );
}
