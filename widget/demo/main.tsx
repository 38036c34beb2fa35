import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RecommendationCarousel, recordItemView, SimilarItemsCarousel, type Item } from 'recsys-lite-widget';

declare global {
  interface Window {
    /** Items clicked in the carousels, read by the end-to-end test. */
    __recsysClicks: Item[];
  }
}

const params = new URLSearchParams(window.location.search);
// Empty base means /recommend on the page's own origin, as when the REST server serves this page.
const apiUrl = params.get('api') ?? '';
const count = Number(params.get('k') ?? 10);
const DEMO_USERS = Array.from({ length: 10 }, (_, n) => `user_${n}`);
const CATALOGUE_SIZE = 24;
window.__recsysClicks = [];

/** The shop's catalogue page: here simply the popular items, as a new visitor would see them. */
function useCatalogue(): Item[] {
  const [items, setItems] = useState<Item[]>([]);
  useEffect(() => {
    fetch(`${apiUrl}/recommend?k=${CATALOGUE_SIZE}&fallback=popular`)
      .then((response) => response.json())
      .then((body: { recommendations?: Item[] }) => setItems(body.recommendations ?? []))
      .catch(() => setItems([]));
  }, []);
  return items;
}

function DemoShop() {
  const [userId, setUserId] = useState<string | undefined>(params.get('user') ?? undefined);
  const [viewing, setViewing] = useState<Item | null>(null);
  const [viewed, setViewed] = useState<Item[]>([]);
  const [recorded, setRecorded] = useState(0);
  const [lastClicked, setLastClicked] = useState<Item | null>(null);
  const catalogue = useCatalogue();
  const tracking = { apiUrl, userId, tracking: true, recordEvents: true };

  const view = (item: Item) => {
    setViewing(item);
    setViewed((list) => [...list.filter((i) => i.item_id !== item.item_id), item]);
    recordItemView(tracking, item.item_id).then(() => setRecorded((n) => n + 1), () => undefined);
  };
  const handleClick = (item: Item) => {
    window.__recsysClicks.push(item);
    setLastClicked(item);
  };
  const logIn = (value: string) => {
    setUserId(value || undefined);
    setViewed([]);
  };

  return (
    <>
      <header>
        <h1>RecSys-Lite demo shop</h1>
        <label>
          Browsing as
          <select value={userId ?? ''} onChange={(event) => logIn(event.target.value)} aria-label="Log in as">
            <option value="">a new visitor</option>
            {DEMO_USERS.map((user) => <option key={user} value={user}>log in as {user}</option>)}
          </select>
        </label>
      </header>
      <main>
        <p className="demo-who" data-testid="who">
          {userId ? `Logged in as ${userId}: recommendations from this user's history and what they view now.`
            : 'A visitor who is not logged in: popular items first, then recommendations from what you view.'}
        </p>
        <div className="demo-columns">
          <RecommendationCarousel apiUrl={apiUrl} userId={userId} count={count} tracking recordEvents
            refreshKey={recorded} onItemClick={handleClick} />
          <section className="demo-section" aria-label="Viewed">
            <h2>{userId ? `${userId} viewed` : 'You viewed'}</h2>
            {viewed.length === 0 ? <p>Nothing yet: pick an item below.</p> : (
              <ul className="demo-history" data-testid="viewed">
                {viewed.map((item) => <li key={item.item_id}>{item.title ?? item.item_id}</li>)}
              </ul>
            )}
          </section>
        </div>
        <p data-testid="last-clicked">Last clicked: {lastClicked ? lastClicked.title ?? lastClicked.item_id : 'nothing yet'}</p>
        {viewing && (
          <section className="demo-section demo-viewing" aria-label="Product">
            {viewing.img_url && <img src={viewing.img_url} alt="" />}
            <div>
              <h2>{viewing.title ?? viewing.item_id}</h2>
              <p>{viewing.brand} · {viewing.category}{typeof viewing.price === 'number' ? ` · $${viewing.price.toFixed(2)}` : ''}</p>
              <SimilarItemsCarousel apiUrl={apiUrl} itemId={viewing.item_id} count={count} title="Similar items"
                userId={userId} tracking recordEvents onItemClick={view} />
            </div>
          </section>
        )}
        <section className="demo-section" aria-label="Browse the shop">
          <h2>Browse the shop</h2>
          <ul className="demo-grid">
            {catalogue.map((item) => (
              <li key={item.item_id}>
                <button type="button" className="demo-product" aria-pressed={viewing?.item_id === item.item_id}
                  data-item-id={item.item_id} onClick={() => view(item)}>
                  {item.img_url && <img src={item.img_url} alt="" loading="lazy" />}
                  <span>{item.title ?? item.item_id}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DemoShop />
  </StrictMode>,
);
