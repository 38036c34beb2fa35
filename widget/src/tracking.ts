import { postEvents, type RecsysEvent } from './api.js';
import { getVisitor, rememberViewedItem } from './visitor.js';

/** How a shop page reports what a shopper does; both switches are off unless the shop enables them. */
export interface TrackingOptions {
  /** Base url of the RecSys-Lite REST API. */
  apiUrl: string;
  /** The logged-in user, if any. */
  userId?: string;
  /** Keep a visitor id and the recently viewed items in localStorage (personal data: only with consent). */
  tracking?: boolean;
  /** Post events to POST /events. */
  recordEvents?: boolean;
}

/**
 * The event's subject: the user, else (with tracking) the visitor's session. With tracking and a
 * user, both ids are sent, which links the visitor's earlier session events to the user (a login).
 */
function subject(options: TrackingOptions): Pick<RecsysEvent, 'user_id' | 'session_id'> | null {
  const sessionId = options.tracking ? getVisitor().sessionId : undefined;
  if (!options.userId && !sessionId) return null;
  return { user_id: options.userId, session_id: sessionId };
}

/** The subject's event of an item, or null when recording is off or there is no subject. */
export function eventFor(options: TrackingOptions, itemId: string, eventType: string, recommendationId?: string): RecsysEvent | null {
  const who = options.recordEvents ? subject(options) : null;
  return who && { ...who, item_id: itemId, event_type: eventType, recommendation_id: recommendationId };
}

/** Records a shopper's event of an item (e.g. "view", "click", "add_to_cart", "purchase") when enabled. */
export async function recordItemEvent(options: TrackingOptions, itemId: string, eventType: string): Promise<void> {
  const event = eventFor(options, itemId, eventType);
  if (event) await postEvents(options.apiUrl, [event]);
}

/**
 * Call on a product page: remembers the item as recently viewed (with tracking) and records a
 * "view" event (with recordEvents). Carousels of the same visitor update by themselves.
 */
export async function recordItemView(options: TrackingOptions, itemId: string): Promise<void> {
  if (options.tracking) rememberViewedItem(itemId);
  await recordItemEvent(options, itemId, 'view');
}
