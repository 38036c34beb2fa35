/** Default stylesheet. Themable through the --rsl-* custom properties on .rsl-carousel. */
export const carouselStyles = `
.rsl-carousel{--rsl-card-width:clamp(150px,42vw,220px);--rsl-gap:12px;--rsl-radius:8px;--rsl-accent:#1d4ed8;--rsl-muted:#6b7280;--rsl-skeleton:#e5e7eb;position:relative;font-family:inherit;color:inherit}
.rsl-carousel__title{font-size:1.25rem;line-height:36px;margin:0 0 8px;padding-right:84px}
.rsl-carousel__nav{position:absolute;top:0;right:0;display:flex;gap:4px}
.rsl-carousel__button{width:36px;height:36px;border-radius:50%;border:1px solid #d1d5db;background:#fff;color:inherit;font-size:1.25rem;line-height:1;cursor:pointer}
.rsl-carousel__button[aria-disabled="true"]{opacity:.4;cursor:default}
.rsl-carousel__button:focus-visible,.rsl-card:focus-visible{outline:3px solid var(--rsl-accent);outline-offset:2px}
.rsl-carousel__track{display:grid;grid-auto-flow:column;grid-auto-columns:var(--rsl-card-width);gap:var(--rsl-gap);overflow-x:auto;overscroll-behavior-x:contain;scroll-snap-type:x mandatory;scroll-padding-inline:6px;scroll-behavior:smooth;list-style:none;margin:0;padding:6px 6px 12px}
.rsl-carousel__slide{scroll-snap-align:start;display:flex}
.rsl-card{display:flex;flex-direction:column;width:100%;padding:0;border:1px solid #e5e7eb;border-radius:var(--rsl-radius);background:#fff;color:inherit;font:inherit;text-align:left;cursor:pointer;overflow:hidden}
.rsl-card__image,.rsl-card__placeholder{display:block;width:100%;aspect-ratio:1/1;object-fit:cover;background:#f3f4f6}
.rsl-card__placeholder{background:linear-gradient(135deg,#f3f4f6,#e5e7eb)}
.rsl-card__body{display:flex;flex-direction:column;gap:2px;padding:8px 10px 10px}
.rsl-card__brand{font-size:.75rem;color:var(--rsl-muted);text-transform:uppercase;letter-spacing:.04em}
.rsl-card__title{font-size:.9rem;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.rsl-card__price{font-weight:600;margin-top:4px}
.rsl-card__reasons{font-size:.75rem;opacity:.75;margin-top:4px}
.rsl-card--skeleton{cursor:default}
.rsl-card--skeleton .rsl-card__placeholder,.rsl-skeleton-line{background:var(--rsl-skeleton);animation:rsl-pulse 1.2s ease-in-out infinite}
.rsl-skeleton-line{display:block;height:.8rem;border-radius:4px}
.rsl-carousel__status{margin:0;color:var(--rsl-muted)}
.rsl-visually-hidden{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@keyframes rsl-pulse{50%{opacity:.5}}
@media (prefers-reduced-motion:reduce){.rsl-carousel__track{scroll-behavior:auto}.rsl-card--skeleton .rsl-card__placeholder,.rsl-skeleton-line{animation:none}}
`;

export const STYLE_ELEMENT_ID = 'recsys-lite-widget-styles';

/** Adds the default stylesheet to the document once, however many carousels are mounted. */
export function injectCarouselStyles(doc: Document = document): void {
  if (doc.getElementById(STYLE_ELEMENT_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ELEMENT_ID;
  style.textContent = carouselStyles;
  doc.head.appendChild(style);
}
