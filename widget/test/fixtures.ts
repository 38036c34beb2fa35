import { vi } from 'vitest';
import type { Item } from '../src/types';

export const ITEMS: Item[] = [
  { item_id: 'sku-1', score: 0.95, title: 'Trail Running Shoe', brand: 'Stride', price: 99.99, img_url: 'https://img.test/1.jpg', category: 'shoes' },
  { item_id: 'sku-2', score: 0.9, title: 'Wool Socks', brand: 'Knit & Co', price: 12.5, img_url: 'https://img.test/2.jpg' },
  { item_id: 'sku-3', score: 0.7, title: null, brand: null, price: null, img_url: null },
];

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Replaces global fetch; each call is answered by `respond` and recorded with its url and signal. */
export function mockFetch(respond: (url: string, init?: RequestInit) => Promise<Response> | Response) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(respond(String(input), init)));
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    urls: () => fetchMock.mock.calls.map(([input]) => String(input)),
    signal: (call: number) => fetchMock.mock.calls[call][1]?.signal as AbortSignal,
  };
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}
