import type { Item } from './types.js';

/** Error passed to onError when the API answers with an error status or an unexpected body. */
export class RecsysApiError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'RecsysApiError';
  }
}

function endpoint(apiUrl: string, path: string, params: Record<string, string>): string {
  // apiUrl may be relative ("" or "/api"), so plain string joining instead of new URL().
  return `${apiUrl.replace(/\/+$/, '')}/${path}?${new URLSearchParams(params).toString()}`;
}

/** Who recommendations are for: a user, else a visitor's session and recently viewed items. */
export interface RecommendQuery {
  userId?: string;
  sessionId?: string;
  recentItems?: string[];
  k: number;
  /** 'popular': the server answers a user or visitor without usable history with popular items. */
  fallback: 'popular' | 'none';
  /** Ask for each item's reasons (the history items behind it). */
  explain?: boolean;
}

export function recommendUrl(apiUrl: string, query: RecommendQuery): string {
  const params: Record<string, string> = {};
  if (query.userId) params.user_id = query.userId;
  if (!query.userId && query.sessionId) params.session_id = query.sessionId;
  if (!query.userId && query.recentItems?.length) params.recent_items = query.recentItems.join(',');
  params.k = String(query.k);
  if (query.fallback === 'popular') params.fallback = 'popular';
  if (query.explain) params.explain = 'true';
  return endpoint(apiUrl, 'recommend', params);
}

/** One event for POST /events. */
export interface RecsysEvent {
  user_id?: string;
  session_id?: string;
  item_id: string;
  event_type: string;
  qty?: number;
  /** The answer (GET /recommend or /similar-items) the item was shown in, for impressions, clicks and conversions. */
  recommendation_id?: string;
}

/** Where POST /events goes. */
export function eventsUrl(apiUrl: string): string {
  return `${apiUrl.replace(/\/+$/, '')}/events`;
}

/** Posts events to the API (keepalive, so a click that navigates away still arrives). */
export async function postEvents(apiUrl: string, events: RecsysEvent[]): Promise<void> {
  const response = await fetch(eventsUrl(apiUrl), {
    method: 'POST',
    keepalive: true,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(events),
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new RecsysApiError(isRecord(body) && typeof body.error === 'string' ? body.error : `HTTP ${response.status}`,
      response.status);
  }
}

export function similarItemsUrl(apiUrl: string, itemId: string, k: number): string {
  return endpoint(apiUrl, 'similar-items', { item_id: itemId, k: String(k) });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isItem(value: unknown): value is Item {
  return isRecord(value) && typeof value.item_id === 'string';
}

/** One answer of the API: its items and, if the server sent one, the id that events about them refer to. */
export interface Recommendations {
  items: Item[];
  recommendationId?: string;
}

/**
 * Fetches items from either endpoint: /recommend wraps them in an object with the recommendation_id,
 * /similar-items returns an array and sends the id as the X-Recommendation-Id header.
 */
export async function fetchItems(url: string, signal: AbortSignal): Promise<Recommendations> {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = isRecord(body) && typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    throw new RecsysApiError(message, response.status);
  }
  const list = Array.isArray(body) ? body : isRecord(body) ? body.recommendations : undefined;
  if (!Array.isArray(list)) throw new RecsysApiError('Unexpected response from the recommendation API');
  const id = Array.isArray(body) ? response.headers.get('X-Recommendation-Id') : (body as Record<string, unknown>).recommendation_id;
  return { items: list.filter(isItem), recommendationId: typeof id === 'string' && id !== '' ? id : undefined };
}

/** Overlays non-null detail fields onto the items with the same item_id; id and score stay from the API. */
export function mergeItemDetails(items: Item[], details: Partial<Item>[]): Item[] {
  const byId = new Map<string, Partial<Item>>();
  for (const detail of details) {
    if (detail && typeof detail.item_id === 'string') byId.set(detail.item_id, detail);
  }
  return items.map((item) => {
    const detail = byId.get(item.item_id);
    if (!detail) return item;
    const defined = Object.fromEntries(Object.entries(detail).filter(([, value]) => value != null));
    return { ...item, ...defined, item_id: item.item_id, score: item.score };
  });
}
