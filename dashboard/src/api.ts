// Reads the example server's JSON endpoints. The API key, when the server has one, goes in the
// X-API-Key header (RestServer.requireApiKey); the server ignores it on the public endpoints.

export const API_KEY_HEADER = 'X-API-Key';

export type Failure =
  | { kind: 'unauthorized'; message: string } // 401/403: a key is missing or wrong
  | { kind: 'missing'; message: string } // 404: this server has no such endpoint
  | { kind: 'down'; message: string } // nothing answered
  | { kind: 'error'; message: string }; // any other answer that is not the expected JSON

export type Result<T> = { ok: true; data: T } | { ok: false; failure: Failure };

export interface ApiTarget {
  /** Base url without a trailing slash; '' for the server that serves the page. */
  base: string;
  apiKey: string;
}

/**
 * GET base+path as JSON. `acceptStatus` lists non-2xx statuses whose body is still the answer
 * (/health says "no_model" with 503).
 */
export async function getJson<T>(
  target: ApiTarget,
  path: string,
  signal?: AbortSignal,
  acceptStatus: readonly number[] = [],
): Promise<Result<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (target.apiKey !== '') headers[API_KEY_HEADER] = target.apiKey;
  let response: Response;
  try {
    response = await fetch(`${target.base}${path}`, { headers, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, failure: { kind: 'down', message: `${target.base || 'The server'} does not answer` } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const serverMessage = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : null;
  if (response.ok || acceptStatus.includes(response.status)) {
    if (body === undefined) return { ok: false, failure: { kind: 'error', message: `${path} did not answer JSON` } };
    return { ok: true, data: body as T };
  }
  const message = serverMessage ?? `${path} answered ${response.status}`;
  if (response.status === 401 || response.status === 403) return { ok: false, failure: { kind: 'unauthorized', message } };
  if (response.status === 404) return { ok: false, failure: { kind: 'missing', message } };
  return { ok: false, failure: { kind: 'error', message } };
}

/** Where the page was told to look: ?api=URL (default: the page's own server) and ?key=KEY. */
export function targetFromLocation(search: string, storedKey: string | null): ApiTarget {
  const params = new URLSearchParams(search);
  const base = (params.get('api') ?? '').replace(/\/+$/, '');
  return { base, apiKey: params.get('key') ?? storedKey ?? '' };
}
