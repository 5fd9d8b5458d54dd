import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';

describe('ReportsPage', () => {
  const requests: URL[] = [];
  beforeEach(() => {
    requests.length = 0;
    signedInAs(['manager']);
    const seen = (request: Request) => requests.push(new URL(request.url));
    server.use(
      http.get(api('/leads/assignees'), () => HttpResponse.json([{ id: 'u-7', username: 'sales1', name: 'Sam Sales' }])),
      http.get(api('/reports/sales-performance'), ({ request }) => {
        seen(request);
        return HttpResponse.json({
          from: '2026-12-01',
          to: '2027-01-01',
          rows: [
            {
              userId: 'u-7',
              leadsAssigned: 10,
              won: 4,
              lost: 1,
              winRate: 0.8,
              revenue: [{ currency: 'EUR', amount: '5000.00' }],
              averageDaysToClose: 3.5,
            },
            {
              // named by the report, though not in the sales team's list (a former colleague)
              userId: 'u-9',
              userName: 'Fay Former',
              leadsAssigned: 2,
              won: 0,
              lost: 2,
              winRate: 0,
              revenue: [],
              // closed within a quarter of an hour
              averageDaysToClose: 0.01,
            },
          ],
        });
      }),
      http.get(api('/reports/funnel'), ({ request }) => {
        seen(request);
        return HttpResponse.json({
          from: '2026-12-01',
          to: '2027-01-01',
          stages: [
            { status: 'NEW', count: 12, value: [{ currency: 'EUR', amount: '1000.00' }] },
            { status: 'IN_PROGRESS', count: 6, value: [] },
            { status: 'CLOSED_WON', count: 4, value: [{ currency: 'EUR', amount: '5000.00' }] },
            { status: 'CLOSED_LOST', count: 1, value: [] },
          ],
          conversionRate: 0.8,
        });
      }),
      http.get(api('/reports/revenue'), ({ request }) => {
        seen(request);
        // as reporting-service answers: its default currency unless asked for another, and every one money moved in
        const currency = new URL(request.url).searchParams.get('currency') ?? 'EUR';
        const total = currency === 'EUR' ? '100.00' : currency === 'USD' ? '40.00' : '0.00';
        return HttpResponse.json({
          currency,
          granularity: 'day',
          from: '2026-12-01',
          to: '2026-12-03',
          points: [
            { period: '2026-12-01', amount: total },
            { period: '2026-12-02', amount: '0.00' },
          ],
          total,
          currencies: ['EUR', 'USD'],
        });
      }),
    );
  });

  it('shows sales performance, the funnel and revenue of this month', async () => {
    renderApp('/reports');

    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    const performance = await screen.findByRole('table', { name: 'Sales performance' });
    const row = within(performance).getByRole('row', { name: /Sam Sales/ });
    expect(row).toHaveTextContent('80%');
    expect(row).toHaveTextContent('€5,000.00');
    expect(within(performance).getByRole('row', { name: /Fay Former/ })).toHaveTextContent('0%');
    expect(within(performance).getByRole('row', { name: /Fay Former/ })).toHaveTextContent('< 0.1');
    const funnel = screen.getByRole('region', { name: 'Funnel' });
    expect(await within(funnel).findByText('Conversion rate 80%')).toBeVisible();
    // each stage holds the leads that reached it: a funnel narrows
    expect(within(funnel).getByRole('row', { name: /Created/ })).toHaveTextContent('Created23€6,000.00');
    expect(within(funnel).getByRole('row', { name: /Worked on/ })).toHaveTextContent('Worked on11€5,000.00');
    expect(within(funnel).getByRole('row', { name: /Closed/ })).toHaveTextContent('Closed5€5,000.00');
    expect(within(funnel).getByRole('row', { name: /Won/ })).toHaveTextContent('Won4€5,000.00');
    const revenue = screen.getByRole('region', { name: 'Revenue' });
    expect(await within(revenue).findByText('Total €100.00')).toBeVisible();
    expect(screen.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'true');
    const funnelCall = requests.find((url) => url.pathname.endsWith('/funnel'));
    expect(funnelCall?.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it('offers the currencies money moved in during the period and shows revenue in the one picked', async () => {
    const { user } = renderApp('/reports');
    const revenue = await screen.findByRole('region', { name: 'Revenue' });
    expect(await within(revenue).findByText('Total €100.00')).toBeVisible();
    expect(within(revenue).getByText('Payments in 2 currencies this period')).toBeVisible();

    await user.click(within(revenue).getByRole('combobox', { name: 'Currency' }));
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['EUR', 'USD']);
    await user.click(screen.getByRole('option', { name: 'USD' }));

    expect(await within(revenue).findByText('Total $40.00')).toBeVisible();
    const last = requests.filter((url) => url.pathname.endsWith('/revenue')).at(-1);
    expect(last?.searchParams.get('currency')).toBe('USD');
    expect(within(revenue).getByRole('combobox', { name: 'Currency' })).toHaveTextContent('USD');
  });

  it('offers support the funnel and revenue, and no sales performance', async () => {
    signedInAs(['support']);
    renderApp('/reports');

    expect(await screen.findByRole('region', { name: 'Funnel' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Revenue' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Sales performance' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export sales performance as CSV' })).not.toBeInTheDocument();
    expect(requests.some((url) => url.pathname.endsWith('/sales-performance'))).toBe(false);
  });

  it('asks for last month, this quarter and a custom period (the last day included)', async () => {
    const { user } = renderApp('/reports');
    await screen.findByRole('table', { name: 'Sales performance' });

    await user.click(screen.getByRole('button', { name: 'Last month' }));
    const now = new Date();
    const lastMonth = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    const pad = (n: number) => String(n).padStart(2, '0');
    const expectedFrom = `${lastMonth.getFullYear()}-${pad(lastMonth.getMonth() + 1)}-01`;
    await waitFor(() =>
      expect(requests.some((url) => url.pathname.endsWith('/funnel') && url.searchParams.get('from') === expectedFrom)).toBe(true),
    );

    // Custom starts from the period shown (last month, its last day included)
    await user.click(screen.getByRole('button', { name: 'Custom' }));
    const lastDay = new Date(now.getFullYear(), now.getMonth(), 0);
    expect(screen.getByLabelText('First day')).toHaveValue(expectedFrom);
    expect(screen.getByLabelText('Last day')).toHaveValue(`${lastDay.getFullYear()}-${pad(lastDay.getMonth() + 1)}-${pad(lastDay.getDate())}`);
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '' } });
    expect(await screen.findByText('Pick the first and the last day.')).toBeVisible();
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2026-11-03' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-11-20' } });
    await waitFor(() =>
      expect(
        requests.some(
          (url) =>
            url.pathname.endsWith('/sales-performance') &&
            url.searchParams.get('from') === '2026-11-03' &&
            url.searchParams.get('to') === '2026-11-21',
        ),
      ).toBe(true),
    );
  });

  it('downloads a CSV through the session, showing progress while it runs', async () => {
    const exports: URL[] = [];
    server.use(
      http.get(api('/reports/funnel/export'), async ({ request }) => {
        exports.push(new URL(request.url));
        await delay(300);
        const body = 'status,count\nNEW,12\n';
        return new HttpResponse(body, {
          headers: {
            'Content-Type': 'text/csv',
            'Content-Length': String(body.length),
            'Content-Disposition': 'attachment; filename="funnel-2026-12.csv"',
          },
        });
      }),
    );
    const { user } = renderApp('/reports');
    await user.click(await screen.findByRole('button', { name: 'Export funnel as CSV' }));

    expect(await screen.findByRole('progressbar', { name: 'Exporting funnel' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Export funnel as PDF' })).toBeDisabled();
    expect(await screen.findByText('Downloaded funnel-2026-12.csv')).toBeVisible();
    expect(exports[0]?.searchParams.get('format')).toBe('csv');
    expect(exports[0]?.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it("says why an export failed, from the server's problem", async () => {
    server.use(http.get(api('/reports/revenue/export'), () => problem(400, { title: 'Bad Request', detail: 'Choose a currency' })));
    const { user } = renderApp('/reports');
    await user.click(await screen.findByRole('button', { name: 'Export revenue as PDF' }));

    expect(await screen.findByText('Choose a currency')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Export revenue as PDF' })).toBeEnabled();
  });
});
