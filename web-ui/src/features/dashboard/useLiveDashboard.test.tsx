import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aDashboard } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, server, signedInAs } from '../../test/server';
import { DASHBOARD_STREAM_URL, REOPEN_DELAYS_MS } from './useLiveDashboard';

/** A stand-in for the browser's EventSource: the test plays the server's side of the stream. */
class FakeStream {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static open: FakeStream[] = [];
  closed = false;
  readyState = FakeStream.CONNECTING;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {
    FakeStream.open.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close() {
    this.closed = true;
    this.readyState = FakeStream.CLOSED;
  }

  /** The server answered, as a browser reports it: `open`. */
  accept() {
    this.readyState = FakeStream.OPEN;
    this.emit('open', null);
  }

  /** The server refused the stream (an HTTP error): the browser closes it for good and says `error`. */
  refuse() {
    this.readyState = FakeStream.CLOSED;
    this.emit('error', null);
  }

  emit(type: string, data: unknown) {
    const event = new MessageEvent<string>(type, { data: JSON.stringify(data) });
    this.listeners.get(type)?.forEach((listener) => listener(event));
  }
}

/** A dashboard with one custom widget; `queries` counts how often the widget's data was asked for. */
function aDashboardWithOneWidget(summary: ReturnType<typeof aDashboard>) {
  const widget = { queries: 0 };
  server.use(
    http.get(api('/reports/dashboard'), () => HttpResponse.json(summary)),
    http.get(api('/reports/dashboard/layout'), () => HttpResponse.json({
      source: 'user',
      widgets: [{
        id: 'w1', type: 'custom', title: 'Leads by source', x: 0, y: 0, w: 6, h: 4,
        settings: { query: { dataset: 'leads', metric: { function: 'count' }, groupBy: 'source' }, chart: 'table' },
      }],
    })),
    http.post(api('/reports/query'), () => {
      widget.queries += 1;
      return HttpResponse.json({ groupBy: 'source', rows: [{ key: 'WEB', currency: null, value: 3 }] });
    }),
  );
  return widget;
}

describe('the live dashboard', () => {
  beforeEach(() => {
    FakeStream.open = [];
    vi.stubGlobal('EventSource', FakeStream);
    signedInAs(['manager']);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the figures the stream pushes and fetches the widgets again when their data changed', async () => {
    const widget = aDashboardWithOneWidget(aDashboard({ openLeads: 87 }));
    renderApp('/');
    const cards = await screen.findByRole('list', { name: 'Headline figures' });
    await waitFor(() => expect(within(cards).getByRole('listitem', { name: 'Open leads' })).toHaveTextContent('87'));
    await waitFor(() => expect(widget.queries).toBe(1));
    const [stream] = FakeStream.open;
    if (!stream) throw new Error('no stream opened');
    expect(stream.url).toBe(DASHBOARD_STREAM_URL);

    act(() => stream.emit('dashboard', aDashboard({ openLeads: 88 })));
    await waitFor(() => expect(within(cards).getByRole('listitem', { name: 'Open leads' })).toHaveTextContent('88'));

    act(() => stream.emit('changed', { datasets: ['leads'] }));
    await waitFor(() => expect(widget.queries).toBe(2));
  });

  it('opens the stream again after the server refused it, and fetches again what changed meanwhile', async () => {
    const widget = aDashboardWithOneWidget(aDashboard());
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      renderApp('/');
      await waitFor(() => expect(widget.queries).toBe(1));
      const [first] = FakeStream.open;
      if (!first) throw new Error('no stream opened');

      act(() => first.refuse());
      expect(FakeStream.open).toHaveLength(1);
      act(() => vi.advanceTimersByTime(REOPEN_DELAYS_MS.first));
      expect(FakeStream.open).toHaveLength(2);
      // refused again: the next try waits twice as long
      act(() => FakeStream.open[1]?.refuse());
      act(() => vi.advanceTimersByTime(REOPEN_DELAYS_MS.first));
      expect(FakeStream.open).toHaveLength(2);
      act(() => vi.advanceTimersByTime(REOPEN_DELAYS_MS.first));
      expect(FakeStream.open).toHaveLength(3);

      act(() => FakeStream.open[2]?.accept());
      await waitFor(() => expect(widget.queries).toBe(2));
    } finally {
      vi.useRealTimers();
    }
  });

  it('closes the stream when the dashboard is left', async () => {
    server.use(http.get(api('/reports/dashboard'), () => HttpResponse.json(aDashboard())));
    const { unmount } = renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    await waitFor(() => expect(FakeStream.open).toHaveLength(1));

    unmount();
    expect(FakeStream.open.every((stream) => stream.closed)).toBe(true);
  });
});
