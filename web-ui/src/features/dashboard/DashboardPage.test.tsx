import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { aDashboard, anActivity } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';
import type { Widget } from './types';

const wonBySource: Widget = {
  id: 'w2',
  type: 'custom',
  title: 'Won value by source',
  x: 6,
  y: 0,
  w: 6,
  h: 4,
  settings: {
    query: {
      dataset: 'leads',
      metric: { function: 'sum', field: 'value' },
      groupBy: 'source',
      filters: [{ field: 'status', operator: 'eq', value: 'CLOSED_WON' }],
    },
    chart: 'bar',
    period: 'this-quarter',
  },
};
const activity: Widget = { id: 'w1', type: 'recent-activity', title: 'Recent activity', x: 0, y: 0, w: 6, h: 4, settings: {} };

/** The layout as the server keeps it: PUT replaces it, DELETE returns to the default. */
function layoutServer(initial: Widget[]) {
  const saved: Widget[][] = [];
  let widgets = initial;
  let deleted = 0;
  server.use(
    http.get(api('/reports/dashboard/layout'), () => HttpResponse.json({ widgets, source: 'user' })),
    http.put(api('/reports/dashboard/layout'), async ({ request }) => {
      widgets = ((await request.json()) as { widgets: Widget[] }).widgets;
      saved.push(widgets);
      return HttpResponse.json({ widgets, source: 'user' });
    }),
    http.delete(api('/reports/dashboard/layout'), () => {
      deleted += 1;
      widgets = [activity];
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { saved, deleted: () => deleted };
}

describe('DashboardPage', () => {
  const queries: unknown[] = [];
  beforeEach(() => {
    queries.length = 0;
    signedInAs(['manager']);
    server.use(
      http.post(api('/reports/query'), async ({ request }) => {
        queries.push(await request.json());
        return HttpResponse.json({
          groupBy: 'source',
          rows: [
            { key: 'WEB', currency: 'EUR', value: '1200.00' },
            { key: 'REFERRAL', currency: 'EUR', value: '300.50' },
          ],
        });
      }),
    );
  });

  it('is the home page: headline cards with the figures of the month', async () => {
    server.use(http.get(api('/reports/dashboard'), () => HttpResponse.json(aDashboard({ conversionRate: null }))));
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    const cards = await screen.findByRole('list', { name: 'Headline figures' });
    await waitFor(() => expect(within(cards).getByRole('listitem', { name: 'Customers' })).toHaveTextContent('1,200'));
    expect(within(cards).getByRole('listitem', { name: 'Customers' })).toHaveTextContent('34 new this month');
    expect(within(cards).getByRole('listitem', { name: 'Open leads' })).toHaveTextContent('87');
    expect(within(cards).getByRole('listitem', { name: 'Pipeline value' })).toHaveTextContent('€125,000.00');
    expect(within(cards).getByRole('listitem', { name: 'Revenue this month' })).toHaveTextContent('€4,200.50');
    expect(within(cards).getByRole('listitem', { name: 'Conversion rate' })).toHaveTextContent('—');
    expect(within(cards).getByRole('listitem', { name: 'Follow-ups due' })).toHaveTextContent('4');
  });

  it('lists a money figure in several currencies one a line, three at most, the rest in its title', async () => {
    const pipelineValue = ['EUR', 'USD', 'GBP', 'CHF', 'JPY'].map((currency, index) => ({ currency, amount: `${index + 1}000.00` }));
    server.use(http.get(api('/reports/dashboard'), () => HttpResponse.json(aDashboard({ pipelineValue }))));
    renderApp('/');

    const card = await screen.findByRole('listitem', { name: 'Pipeline value' });
    await waitFor(() => expect(card).toHaveTextContent('€1,000.00'));
    expect(card).toHaveTextContent('$2,000.00');
    expect(card).toHaveTextContent('£3,000.00');
    const more = within(card).getByText('+2 more');
    expect(more.parentElement).toHaveAttribute('title', expect.stringContaining('CHF'));
    expect(more.parentElement?.getAttribute('title')?.split('\n')).toHaveLength(5);
    // one currency a line: each its own element
    expect(within(card).getByText('€1,000.00').tagName).toBe('SPAN');
    // a single currency stays one figure
    expect(await screen.findByRole('listitem', { name: 'Revenue this month' })).toHaveTextContent('€4,200.50');
  });

  it("shows the user's widgets, a custom one evaluated with its period and as a table for assistive technology", async () => {
    layoutServer([activity, wonBySource]);
    renderApp('/');

    const widget = await screen.findByRole('region', { name: 'Won value by source' });
    const table = await within(widget).findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Web' })).toBeVisible();
    expect(table).toHaveTextContent('€1,200.00');
    expect(table).toHaveTextContent('€300.50');
    expect(queries[0]).toMatchObject({
      dataset: 'leads',
      metric: { function: 'sum', field: 'value' },
      groupBy: 'source',
      filters: [{ field: 'status', operator: 'eq', value: 'CLOSED_WON' }],
      from: expect.stringMatching(/^\d{4}-(01|04|07|10)-01$/),
    });
    expect(await screen.findByRole('region', { name: 'Recent activity' })).toHaveTextContent('No activity yet.');
  });

  it('asks a number widget for one total, even one stored with a grouping, and shows it as money', async () => {
    const wonValue: Widget = { ...wonBySource, id: 'w3', title: 'Won value', settings: { ...wonBySource.settings, chart: 'number' } };
    server.use(
      http.post(api('/reports/query'), async ({ request }) => {
        queries.push(await request.json());
        return HttpResponse.json({ groupBy: null, rows: [{ key: null, currency: 'EUR', value: '1500.50' }] });
      }),
    );
    layoutServer([wonValue]);
    renderApp('/');

    const widget = await screen.findByRole('region', { name: 'Won value' });
    expect(await within(widget).findByRole('paragraph')).toHaveTextContent('€1,500.50');
    expect(queries[0]).toMatchObject({ dataset: 'leads', groupBy: null });
  });

  it("glances at what people did: the feed without the scoring's entries, each leading to its customer", async () => {
    const asked: (string | null)[] = [];
    server.use(
      http.get(api('/activities'), ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('kind'));
        return HttpResponse.json({
          items: [
            {
              ...anActivity(1, 'c1'),
              customerName: 'Acme Ltd',
              kind: 'note',
              action: 'customer.note-added',
              summary: 'Note added to Acme',
            },
          ],
          nextCursor: null,
        });
      }),
    );
    layoutServer([activity]);
    renderApp('/');

    const widget = await screen.findByRole('region', { name: 'Recent activity' });
    expect(await within(widget).findByText('Note added to Acme')).toBeVisible();
    expect(within(widget).getByText(/^Acme Ltd · .+ · by Sam Seller$/)).toBeVisible();
    expect(within(widget).getByRole('link', { name: /Note added to Acme/ })).toHaveAttribute('href', '/customers/c1');
    expect(asked[0]).toBe('customer,lead,note,document,communication,follow-up,payment');
  });

  it("shows the service's built-in default (widgets without settings): the cards in its headline widget, once", async () => {
    server.use(
      http.get(api('/reports/dashboard/layout'), () =>
        HttpResponse.json({
          widgets: [
            { id: 'headline', type: 'headline', title: 'Today', x: 0, y: 0, w: 12, h: 2, settings: null },
            { id: 'sales-performance', type: 'sales-performance', title: 'Sales performance', x: 0, y: 2, w: 12, h: 4, settings: null },
            { id: 'recent-activity', type: 'recent-activity', title: 'Recent activity', x: 0, y: 6, w: 12, h: 4, settings: null },
          ],
          source: 'default',
        }),
      ),
    );
    signedInAs(['support']);
    renderApp('/');

    const today = await screen.findByRole('region', { name: 'Today' });
    await waitFor(() => expect(within(today).getByRole('listitem', { name: 'Open leads' })).toHaveTextContent('87'));
    expect(screen.getAllByRole('listitem', { name: 'Open leads' })).toHaveLength(1);
    // support sees no one's sales performance: a default holding it shows them the others
    expect(screen.queryByRole('region', { name: 'Sales performance' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Recent activity' })).toBeInTheDocument();
  });

  it('moves, resizes and removes a widget from its menu, saving the layout each time', async () => {
    const layout = layoutServer([activity, wonBySource]);
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Customize' }));
    await user.click(screen.getByRole('button', { name: 'Change Won value by source' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move earlier' }));
    await waitFor(() => expect(layout.saved).toHaveLength(1));
    expect(layout.saved[0]?.map(({ id, x, y }) => `${id}@${x},${y}`)).toEqual(['w2@0,0', 'w1@6,0']);

    await user.click(screen.getByRole('button', { name: 'Change Won value by source' }));
    await user.click(screen.getByRole('menuitem', { name: 'Wider' }));
    await waitFor(() => expect(layout.saved).toHaveLength(2));
    expect(layout.saved[1]?.find(({ id }) => id === 'w2')?.w).toBe(7);

    await user.click(screen.getByRole('button', { name: 'Change Won value by source' }));
    await user.click(screen.getByRole('menuitem', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Won value by source' })).not.toBeInTheDocument());
    expect(layout.saved[2]?.map(({ id }) => id)).toEqual(['w1']);
  });

  it('adds a built-in widget from the gallery and resets to the default', async () => {
    const layout = layoutServer([wonBySource]);
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Customize' }));
    await user.click(screen.getByRole('button', { name: 'Add widget' }));
    const gallery = screen.getByRole('dialog', { name: 'Add a widget' });
    await user.click(within(gallery).getByRole('button', { name: 'Add Recent activity' }));
    await waitFor(() => expect(layout.saved).toHaveLength(1));
    expect(layout.saved[0]?.map(({ type }) => type)).toEqual(['custom', 'recent-activity']);
    expect(await screen.findByRole('region', { name: 'Recent activity' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add widget' }));
    const again = screen.getByRole('dialog', { name: 'Add a widget' });
    expect(within(again).getByRole('button', { name: 'Recent activity is on your dashboard' })).toBeDisabled();
    expect(within(again).getByRole('button', { name: 'Add Sales performance' })).toBeEnabled();
    await user.click(within(again).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Reset to default' }));
    await waitFor(() => expect(layout.deleted()).toBe(1));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Won value by source' })).not.toBeInTheDocument());
  });

  it('puts a refused save back and says why', async () => {
    layoutServer([activity, wonBySource]);
    server.use(http.put(api('/reports/dashboard/layout'), () => problem(403, { title: 'Forbidden' })));
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Customize' }));
    await user.click(screen.getByRole('button', { name: 'Change Recent activity' }));
    await user.click(screen.getByRole('menuitem', { name: 'Remove' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("You don't have access");
    expect(screen.getByRole('region', { name: 'Recent activity' })).toBeVisible();
  });

  it("downloads a custom widget's rows as CSV from its menu, with its definition and period", async () => {
    layoutServer([activity, wonBySource]);
    const exported: { url: URL; body: unknown }[] = [];
    server.use(
      http.post(api('/reports/query/export'), async ({ request }) => {
        exported.push({ url: new URL(request.url), body: await request.json() });
        return new HttpResponse('source,currency,value\r\nWEB,EUR,1200.00\r\n', {
          headers: { 'Content-Type': 'text/csv;charset=UTF-8', 'Content-Disposition': 'attachment; filename="leads.csv"' },
        });
      }),
    );
    const { user } = renderApp('/');

    const widget = await screen.findByRole('region', { name: 'Won value by source' });
    // built-in widgets have no data of their own to download
    expect(within(screen.getByRole('region', { name: 'Recent activity' })).queryByRole('button', { name: /Options for/ })).toBeNull();
    await user.click(within(widget).getByRole('button', { name: 'Options for Won value by source' }));
    await user.click(screen.getByRole('menuitem', { name: 'Download CSV' }));
    expect(await screen.findByText('Downloaded leads.csv')).toBeVisible();
    expect(exported).toHaveLength(1);
    expect(exported[0]?.url.searchParams.get('format')).toBe('csv');
    expect(exported[0]?.body).toMatchObject({
      dataset: 'leads',
      groupBy: 'source',
      filters: [{ field: 'status', operator: 'eq', value: 'CLOSED_WON' }],
      from: expect.stringMatching(/^\d{4}-(01|04|07|10)-01$/),
    });

    // while customising, the same item is in the widget's menu
    await user.click(screen.getByRole('button', { name: 'Customize' }));
    await user.click(screen.getByRole('button', { name: 'Change Won value by source' }));
    expect(screen.getByRole('menuitem', { name: 'Download CSV' })).toBeVisible();
  });

  it("shows the month's revenue in the service's currency, or in another picked among those money moved in", async () => {
    const revenue: Widget = { id: 'w3', type: 'revenue', title: 'Revenue', x: 0, y: 0, w: 8, h: 4, settings: {} };
    layoutServer([revenue]);
    const moved: Record<string, string> = { CHF: '1500.00', EUR: '271.00' };
    const asked: (string | null)[] = [];
    server.use(
      http.get(api('/reports/revenue'), ({ request }) => {
        const currency = new URL(request.url).searchParams.get('currency');
        asked.push(currency);
        // as reporting-service answers: its default currency (EUR here) unless asked for another
        const shown = currency ?? 'EUR';
        const total = moved[shown] ?? '0.00';
        return HttpResponse.json({
          currency: shown,
          granularity: 'day',
          from: '2026-12-01',
          to: '2026-12-02',
          points: [{ period: '2026-12-01', amount: total }],
          total,
          currencies: Object.keys(moved),
        });
      }),
    );
    const { user } = renderApp('/');

    const widget = await screen.findByRole('region', { name: 'Revenue' });
    expect(await within(widget).findByText('Total €271.00')).toBeVisible();
    const currencies = within(widget).getByRole('group', { name: 'Revenue currency' });
    expect(within(currencies).getByRole('button', { name: 'EUR' })).toHaveAttribute('aria-pressed', 'true');
    expect(asked).toEqual([null]);

    await user.click(within(currencies).getByRole('button', { name: 'CHF' }));

    expect(await within(widget).findByText('Total CHF 1,500.00')).toBeVisible();
    expect(within(currencies).getByRole('button', { name: 'CHF' })).toHaveAttribute('aria-pressed', 'true');
    expect(asked.at(-1)).toBe('CHF');
  });

  it('lets an admin publish the layout as the default of a role, after confirming, and says so', async () => {
    layoutServer([activity, wonBySource]);
    const published: { role: string; widgets: Widget[] }[] = [];
    server.use(
      http.put(api('/reports/dashboard/layouts/:role'), async ({ params, request }) => {
        const { widgets } = (await request.json()) as { widgets: Widget[] };
        published.push({ role: String(params.role), widgets });
        return HttpResponse.json({ widgets, source: 'role' });
      }),
    );
    signedInAs(['admin']);
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Customize' }));
    await user.click(screen.getByRole('button', { name: 'Publish as default…' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish as default for a role' });
    await user.click(within(dialog).getByRole('combobox', { name: 'Role' }));
    await user.click(screen.getByRole('option', { name: 'Support' }));
    // nothing is sent before the confirmation
    expect(published).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Publish for Support' }));

    expect(await screen.findByText('Published as the default dashboard for Support')).toBeVisible();
    expect(screen.queryByRole('dialog', { name: 'Publish as default for a role' })).not.toBeInTheDocument();
    expect(published).toHaveLength(1);
    expect(published[0]?.role).toBe('support');
    expect(published[0]?.widgets.map(({ id }) => id)).toEqual(['w1', 'w2']);
  });

  it('offers publishing to admins only', async () => {
    layoutServer([activity]);
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Customize' }));
    expect(screen.getByRole('button', { name: 'Reset to default' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Publish as default…' })).not.toBeInTheDocument();
  });
});
