import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { fetchItems, mergeItemDetails, type Recommendations } from './api.js';
import type { ItemDetailsFetcher } from './types.js';

export type LoadState =
  | { status: 'loading' }
  | ({ status: 'ready' } & Recommendations)
  | { status: 'error' };

interface Callbacks {
  fetchDetails?: ItemDetailsFetcher;
  onError?: (error: unknown) => void;
}

async function loadItems(url: string, callbacks: Callbacks, signal: AbortSignal): Promise<Recommendations> {
  const answer = await fetchItems(url, signal);
  const { items } = answer;
  if (!callbacks.fetchDetails || items.length === 0) return answer;
  try {
    return { ...answer, items: mergeItemDetails(items, await callbacks.fetchDetails(items.map((item) => item.item_id), signal)) };
  } catch (error) {
    // Details are an optional enrichment: show the bare recommendations rather than nothing, but say so.
    if (!signal.aborted) callbacks.onError?.(error);
    return answer;
  }
}

/** Loads the carousel's items; the request is aborted on unmount and whenever the url or refresh key changes. */
export function useCarouselItems(url: string, refreshKey: string | number | undefined, callbacks: Callbacks): LoadState {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  // Hosts often pass inline functions; keeping them in a ref avoids refetching on every render.
  // The ref is updated after rendering, never during it.
  const callbacksRef = useRef(callbacks);
  useLayoutEffect(() => {
    callbacksRef.current = callbacks;
  });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    loadItems(url, callbacksRef.current, controller.signal).then(
      (answer) => {
        if (!controller.signal.aborted) setState({ status: 'ready', ...answer });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error' });
        callbacksRef.current.onError?.(error);
      },
    );
    return () => controller.abort();
  }, [url, refreshKey]);

  return state;
}
