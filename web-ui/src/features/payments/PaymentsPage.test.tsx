import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aPayment } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, server, signedInAs } from '../../test/server';

const PAGE_LOAD = { timeout: 30000 };

describe('Payments page', () => {
  it('filters by status, method and currency in the URL and loads older payments by cursor', async () => {
    signedInAs(['manager']);
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(api('/payments'), ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        if (params.get('cursor') === 'next') {
          return HttpResponse.json({ items: [aPayment(3, { customerName: 'Older Ltd' })], nextCursor: null });
        }
        const items = params.get('status') === 'REFUNDED'
          ? [aPayment(2, { status: 'REFUNDED', refundedAmount: '120.00', customerName: 'Refunded Ltd' })]
          : [aPayment(1, { leadId: 'l-1', leadTitle: 'Renewal' })];
        return HttpResponse.json({ items, nextCursor: 'next' });
      }),
    );
    const { user } = renderApp('/payments?currency=EUR');

    const list = await screen.findByRole('list', { name: 'Payments' }, PAGE_LOAD);
    expect(within(list).getByRole('link', { name: 'Customer 1' })).toHaveAttribute('href', '/customers/c-1');
    expect(within(list).getByRole('link', { name: 'Renewal' })).toHaveAttribute('href', '/leads/l-1');
    expect(requests[0]?.get('currency')).toBe('EUR');

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Refunded' }));
    expect(await within(list).findByText('Refunded Ltd')).toBeInTheDocument();
    const filtered = requests[requests.length - 1];
    expect(filtered?.get('status')).toBe('REFUNDED');
    expect(filtered?.get('currency')).toBe('EUR');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(list).findByText('Older Ltd')).toBeInTheDocument();
    expect(requests[requests.length - 1]?.get('status')).toBe('REFUNDED');
  });

  it('sends the date range as the first and the last moment of the chosen days', async () => {
    signedInAs(['admin']);
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(api('/payments'), ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
    );
    renderApp('/payments?from=2026-03-01&to=2026-03-31&method=CASH');

    expect(await screen.findByText('No payments match these filters.', undefined, PAGE_LOAD)).toBeInTheDocument();
    const params = requests[0];
    expect(params?.get('method')).toBe('CASH');
    expect(params?.get('from')).toBe(new Date('2026-03-01T00:00:00').toISOString());
    expect(params?.get('to')).toBe(new Date('2026-04-01T00:00:00').toISOString());
  });

  it('is in the navigation of managers and admins only', async () => {
    signedInAs(['sales']);
    const first = renderApp('/payments');
    expect(await screen.findByText("You don't have access to this page.", undefined, PAGE_LOAD)).toBeInTheDocument();
    // jsdom has no media queries: the navigation is a drawer
    await first.user.click(screen.getByRole('button', { name: 'Open navigation' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).not.toHaveTextContent('Payments');
    first.unmount();

    signedInAs(['manager']);
    const second = renderApp('/payments');
    await second.user.click(await screen.findByRole('button', { name: 'Open navigation' }, PAGE_LOAD));
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Payments' })).toHaveAttribute('href', '/payments');
  });
});
