import { getJson, targetFromLocation } from '../src/api';
import { applyPoll, INITIAL_STATE, isDown, LATENCY_HISTORY, type PollResults } from '../src/poll';
import { HEALTH, METRICS, stats } from './fixtures';

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('getJson', () => {
  it('sends the API key in X-API-Key when there is one, and no key header otherwise', async () => {
    const fetchMock = vi.fn(async () => answer(200, { ok: 1 }));
    vi.stubGlobal('fetch', fetchMock);
    await getJson({ base: 'http://api', apiKey: 'secret' }, '/stats');
    await getJson({ base: '', apiKey: '' }, '/metrics');
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0]?.[0]).toBe('http://api/stats');
    expect(calls[0]?.[1].headers).toMatchObject({ 'X-API-Key': 'secret' });
    expect(calls[1]?.[0]).toBe('/metrics');
    expect(calls[1]?.[1].headers).not.toHaveProperty('X-API-Key');
  });

  it('tells a refused key, a missing endpoint, a failing one and a server that is down apart', async () => {
    const target = { base: '', apiKey: '' };
    vi.stubGlobal('fetch', vi.fn(async () => answer(403, { error: 'A valid API key is required' })));
    expect(await getJson(target, '/stats')).toEqual({ ok: false, failure: { kind: 'unauthorized', message: 'A valid API key is required' } });
    vi.stubGlobal('fetch', vi.fn(async () => answer(404, { error: 'No endpoint GET /stats' })));
    expect(await getJson(target, '/stats')).toMatchObject({ ok: false, failure: { kind: 'missing' } });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('oops', { status: 500 })));
    expect(await getJson(target, '/stats')).toEqual({ ok: false, failure: { kind: 'error', message: '/stats answered 500' } });
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    expect(await getJson(target, '/stats')).toMatchObject({ ok: false, failure: { kind: 'down' } });
  });

  it('takes the body of an accepted error status (/health says no_model with 503)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(503, { ...HEALTH, status: 'no_model' })));
    expect(await getJson({ base: '', apiKey: '' }, '/health', undefined, [503])).toMatchObject({ ok: true, data: { status: 'no_model' } });
  });
});

describe('targetFromLocation', () => {
  it('reads ?api= (without a trailing slash) and ?key=, else the stored key', () => {
    expect(targetFromLocation('?api=http://h:8000/&key=k1', 'stored')).toEqual({ base: 'http://h:8000', apiKey: 'k1' });
    expect(targetFromLocation('', 'stored')).toEqual({ base: '', apiKey: 'stored' });
    expect(targetFromLocation('', null)).toEqual({ base: '', apiKey: '' });
  });
});

describe('applyPoll', () => {
  const ok = { stats: { ok: true, data: stats() }, metrics: { ok: true, data: METRICS }, health: { ok: true, data: HEALTH } } as PollResults;
  const down = { kind: 'down', message: 'no answer' } as const;
  const allDown: PollResults = { stats: { ok: false, failure: down }, metrics: { ok: false, failure: down }, health: { ok: false, failure: down } };

  it('keeps the last figures while the server is down, and says it is down', () => {
    const first = applyPoll(INITIAL_STATE, ok, new Date('2026-12-02T18:00:00Z'));
    const second = applyPoll(first, allDown, new Date('2026-12-02T18:00:10Z'));
    expect(isDown(first)).toBe(false);
    expect(isDown(second)).toBe(true);
    expect(second.stats.data).toBe(first.stats.data);
    expect(second.updatedAt).toBe('2026-12-02T18:00:00.000Z');
  });

  it('drops the online metrics when the key is refused', () => {
    const first = applyPoll(INITIAL_STATE, ok, new Date());
    const refused = applyPoll(first, { ...ok, stats: { ok: false, failure: { kind: 'unauthorized', message: 'key' } } }, new Date());
    expect(refused.stats).toEqual({ data: null, failure: { kind: 'unauthorized', message: 'key' } });
    expect(refused.metrics.data).toEqual(METRICS);
    expect(isDown(refused)).toBe(false);
  });

  it('collects one latency sample per answered poll, at most LATENCY_HISTORY', () => {
    let state = INITIAL_STATE;
    for (let i = 0; i < LATENCY_HISTORY + 5; i += 1) {
      const metrics = { ...METRICS, p50_ms: i };
      state = applyPoll(state, { ...ok, metrics: { ok: true, data: metrics } }, new Date(Date.UTC(2026, 11, 2, 18, 0, i)));
    }
    state = applyPoll(state, allDown, new Date());
    expect(state.latency).toHaveLength(LATENCY_HISTORY);
    expect(state.latency[0]?.p50).toBe(5);
    expect(state.latency.at(-1)).toMatchObject({ p50: LATENCY_HISTORY + 4, p95: 7.5, p99: 20.4 });
  });
});
