import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer, aPayment } from '../../test/fixtures';
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

  it('totals what the filtered payments brought in, per currency', async () => {
    signedInAs(['manager']);
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(api('/payments'), () => HttpResponse.json({ items: [aPayment(1)], nextCursor: null })),
      http.get(api('/payments/totals'), ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          totals: [{ currency: 'EUR', paid: '150.00', refunded: '20.00', net: '130.00', count: 3 }],
        });
      }),
    );
    renderApp('/payments?method=CASH&from=2026-03-01');

    const totals = await screen.findByRole('list', { name: 'Payment totals' }, PAGE_LOAD);
    expect(totals).toHaveTextContent('Received from every payment these filters select');
    expect(totals).toHaveTextContent('€130.00 net');
    expect(totals).toHaveTextContent('3 payments');
    expect(asked[0]?.get('method')).toBe('CASH');
    expect(asked[0]?.get('from')).toBe(new Date('2026-03-01T00:00:00').toISOString());
    expect(asked[0]?.has('size')).toBe(false);
  });

  it('records a payment for the customer found by search', async () => {
    signedInAs(['manager']);
    let sent: Record<string, unknown> | undefined;
    server.use(
      http.get(api('/customers'), ({ request }) => {
        const q = new URL(request.url).searchParams.get('q');
        return HttpResponse.json({ items: q === 'north' ? [aCustomer(7, { name: 'Northwind' })] : [], nextCursor: null });
      }),
      http.post(api('/payments'), async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(aPayment(9), { status: 201 });
      }),
    );
    const { user } = renderApp('/payments');

    await user.click(await screen.findByRole('button', { name: 'Record payment' }, PAGE_LOAD));
    const dialog = await screen.findByRole('dialog', { name: 'Record payment' });
    await user.type(within(dialog).getByLabelText(/Amount/), '25');
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('Choose the customer')).toBeInTheDocument();
    expect(sent).toBeUndefined();

    await user.type(within(dialog).getByRole('searchbox', { name: 'Customer' }), 'north');
    await user.click(await within(dialog).findByRole('button', { name: /Northwind/ }));
    expect(within(dialog).getByRole('button', { name: 'Change customer Northwind' })).toBeInTheDocument();
    expect(within(dialog).queryByText('Choose the customer')).not.toBeInTheDocument();
    // money that came on an earlier day: recorded as that day's; never a day to come
    const received = within(dialog).getByLabelText(/Received on/);
    fireEvent.change(received, { target: { value: '2099-01-01' } });
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('Not in the future')).toBeInTheDocument();
    fireEvent.change(received, { target: { value: '2026-11-02' } });
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toMatchObject({
      customerId: 'c-7',
      amount: '25.00',
      currency: 'EUR',
      method: 'CARD',
      paidAt: new Date('2026-11-02T12:00:00').toISOString(),
    });
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
