import { useSyncExternalStore } from 'react';

/** What the widget remembers about a visitor who is not logged in (only when the shop enables tracking). */
export interface Visitor {
  /** A random id for the visitor's session, sent as session_id. */
  sessionId: string;
  /** Recently viewed item ids, newest last. */
  recentItems: string[];
}

/** localStorage key holding the visitor; personal data, so only written when the shop enables tracking. */
export const VISITOR_STORAGE_KEY = 'recsys-lite-visitor';
const MAX_RECENT_ITEMS = 10;
const listeners = new Set<() => void>();
let current: Visitor | null = null;

function newSessionId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `v-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function load(): Visitor {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(VISITOR_STORAGE_KEY) ?? 'null');
    if (stored && typeof stored === 'object' && typeof (stored as Visitor).sessionId === 'string') {
      const recent = (stored as Visitor).recentItems;
      return {
        sessionId: (stored as Visitor).sessionId,
        recentItems: Array.isArray(recent) ? recent.filter((id) => typeof id === 'string').slice(-MAX_RECENT_ITEMS) : [],
      };
    }
  } catch {
    // unreadable or unavailable storage: start a new visitor
  }
  return { sessionId: newSessionId(), recentItems: [] };
}

function save(visitor: Visitor) {
  current = visitor;
  try {
    localStorage.setItem(VISITOR_STORAGE_KEY, JSON.stringify(visitor));
  } catch {
    // storage full or disabled: the visitor lives for this page only
  }
  listeners.forEach((listener) => listener());
}

/** The visitor, created (and stored) on first use. */
export function getVisitor(): Visitor {
  if (current === null) save(load());
  return current as Visitor;
}

/** Adds an item to the visitor's recently viewed items (moved to the end when viewed again). */
export function rememberViewedItem(itemId: string): Visitor {
  const visitor = getVisitor();
  const recentItems = [...visitor.recentItems.filter((id) => id !== itemId), itemId].slice(-MAX_RECENT_ITEMS);
  save({ ...visitor, recentItems });
  return current as Visitor;
}

/** Forgets the visitor (e.g. when consent is withdrawn); a new session id is made on next use. */
export function forgetVisitor() {
  current = null;
  try {
    localStorage.removeItem(VISITOR_STORAGE_KEY);
  } catch {
    // nothing stored
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === VISITOR_STORAGE_KEY) {
      current = load();
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const noVisitor = () => null;

/** The visitor when tracking is enabled, else null; re-renders when the visitor's items change. */
export function useVisitor(tracking: boolean): Visitor | null {
  return useSyncExternalStore(subscribe, tracking ? getVisitor : noVisitor, noVisitor);
}
