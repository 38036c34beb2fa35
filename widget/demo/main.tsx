import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RecommendationCarousel, SimilarItemsCarousel, type Item } from 'recsys-lite-widget';

declare global {
  interface Window {
    /** Items clicked in the carousels, read by the end-to-end test. */
    __recsysClicks: Item[];
  }
}

const params = new URLSearchParams(window.location.search);
// Empty base means /recommend on the page's own origin, as when the REST server serves this page.
const apiUrl = params.get('api') ?? '';
const userId = params.get('user') ?? 'u1';
const itemId = params.get('item') ?? 'sku-1';
const count = Number(params.get('k') ?? 10);
window.__recsysClicks = [];

function DemoShop() {
  const [lastClicked, setLastClicked] = useState<Item | null>(null);
  const handleClick = (item: Item) => {
    window.__recsysClicks.push(item);
    setLastClicked(item);
  };
  return (
    <>
      <RecommendationCarousel apiUrl={apiUrl} userId={userId} count={count} onItemClick={handleClick} />
      <p data-testid="last-clicked">Last clicked: {lastClicked ? lastClicked.title ?? lastClicked.item_id : 'nothing yet'}</p>
      <div className="demo-section">
        <SimilarItemsCarousel apiUrl={apiUrl} itemId={itemId} count={count} onItemClick={handleClick} />
      </div>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DemoShop />
  </StrictMode>,
);
