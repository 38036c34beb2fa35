import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../src/App';
import type { Stats } from '../src/types';
import { HEALTH, METRICS, stats } from './fixtures';

/** A fake server: /stats answers `statsBody` (403 without `key` when one is set). */
function server({ statsBody = stats(), key = null as string | null, down = false } = {}) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (down) throw new TypeError('Failed to fetch');
    const given = (init?.headers as Record<string, string> | undefined)?.['X-API-Key'];
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
    if (url.startsWith('/stats')) return key !== null && given !== key ? json(403, { error: 'A valid API key is required' }) : json(200, statsBody);
    if (url === '/metrics') return json(200, METRICS);
    if (url === '/health') return json(200, HEALTH);
    return json(404, { error: 'no' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const renderApp = () => render(<App initialTarget={{ base: '', apiKey: '' }} days={30} intervalMs={60_000} />);

describe('App', () => {
  it('shows the models, the figures per variant, the comparison and the latency', async () => {
    server();
    renderApp();
    await screen.findByTestId('variant-table');
    expect(screen.getAllByTestId('model-card')).toHaveLength(2);
    expect(screen.getByText('als')).toBeTruthy();
    expect(screen.getByTestId('ctr-a').textContent).toBe('5.00%');
    expect(screen.getByTestId('conversion_rate-b').textContent).toBe('0.60%');
    expect(screen.getByTestId('coverage-a').textContent).toBe('42.0%');
    expect(screen.getByTestId('p95').textContent).toBe('7.5 ms');
    const verdicts = screen.getAllByTestId('verdict').map((v) => v.textContent);
    expect(verdicts).toEqual(['significant, worse', 'not significant']);
    expect(within(screen.getByTestId('top-items')).getByText('Blue Jacket')).toBeTruthy();
    expect(screen.getByTestId('server-status').textContent).toContain('Serving · v1.2.3');
  });

  it('says there is no traffic yet instead of drawing empty charts', async () => {
    const quiet: Stats = stats({
      variants: stats().variants.slice(0, 1).map((v) => ({ ...v, impressions: 0, recommendations: 0, clicks: 0 })),
      daily: [], comparisons: [], top_items: [], events_per_minute: [],
    });
    server({ statsBody: quiet });
    renderApp();
    expect((await screen.findAllByText(/No traffic yet/)).length).toBeGreaterThanOrEqual(4);
    expect(screen.getByText(/One variant is served/)).toBeTruthy();
    expect(screen.getByText('No events in the last hour.')).toBeTruthy();
    expect(screen.queryByTestId('variant-table')).toBeNull();
  });

  it('shows an error when the API is down', async () => {
    server({ down: true });
    renderApp();
    expect((await screen.findByRole('alert')).textContent).toContain('The API is down or unreachable.');
    expect(screen.getByTestId('server-status').textContent).toContain('API not reachable');
    expect(screen.queryByText(/No model is loaded/)).toBeNull(); // nothing is known about the model
  });

  it('asks for the API key, then sends the entered one', async () => {
    const fetchMock = server({ key: 'secret' });
    renderApp();
    expect((await screen.findByRole('alert')).textContent).toContain('An API key is needed');
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: ' secret ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByTestId('variant-table');
    expect(screen.queryByRole('alert')).toBeNull();
    const last = fetchMock.mock.calls.at(-1) as unknown as [string, RequestInit];
    expect(last[1].headers).toMatchObject({ 'X-API-Key': 'secret' });
  });

  it('asks for another period when one is chosen', async () => {
    const fetchMock = server();
    renderApp();
    await screen.findByTestId('variant-table');
    fireEvent.change(screen.getByLabelText(/Period/), { target: { value: '7' } });
    await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => String(url) === '/stats?days=7')).toBe(true));
    expect(await screen.findByTestId('variant-table')).toBeTruthy();
  });

  it('polls again after the interval', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const fetchMock = server();
      render(<App initialTarget={{ base: '', apiKey: '' }} days={7} intervalMs={10_000} />);
      await screen.findByTestId('variant-table');
      const statsCalls = () => fetchMock.mock.calls.filter(([url]) => String(url) === '/stats?days=7').length;
      expect(statsCalls()).toBe(1);
      await act(() => vi.advanceTimersByTimeAsync(10_000));
      await waitFor(() => expect(statsCalls()).toBe(2));
    } finally {
      vi.useRealTimers();
    }
  });
});
