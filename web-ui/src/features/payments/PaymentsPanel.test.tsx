import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer, aLead, aPayment } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, server, signedInAs } from '../../test/server';
import type { Payment } from './types';

// the customer page is a lazy chunk, transformed on first use: slow on a busy machine
const PAGE_LOAD = { timeout: 30000 };

function customerWith(payments: Payment[], owner = 'u-1') {
  server.use(
    http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1, { ownerId: owner }))),
    http.get(api('/payments'), ({ request }) => {
      const customerId = new URL(request.url).searchParams.get('customerId');
      return HttpResponse.json({ items: customerId === 'c-1' ? payments : [], nextCursor: null });
    }),
    http.get(api('/payments/totals'), () =>
      HttpResponse.json({ totals: [{ currency: 'EUR', paid: '120.00', refunded: '20.00', net: '100.00', count: 1 }] }),
    ),
  );
}

/** Every POST /payments: its body and Idempotency-Key. */
function recordedPayments(answers: (() => Response)[] = []) {
  const posts: { body: Record<string, unknown>; key: string | null }[] = [];
  server.use(
    http.post(api('/payments'), async ({ request }) => {
      posts.push({ body: (await request.json()) as Record<string, unknown>, key: request.headers.get('Idempotency-Key') });
      const answer = answers[posts.length - 1];
      return answer ? answer() : HttpResponse.json(aPayment(9), { status: 201 });
    }),
  );
  return posts;
}

async function openRecordDialog(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Record payment' }, PAGE_LOAD));
  return screen.findByRole('dialog', { name: 'Record payment' });
}

describe('Payments on the customer page', () => {
  it('shows totals per currency and the payments with their status', async () => {
    signedInAs(['manager']);
    customerWith([aPayment(1, { refundedAmount: '20.00', status: 'PARTIALLY_REFUNDED' })]);
    renderApp('/customers/c-1');

    const list = await screen.findByRole('list', { name: 'Payments' }, PAGE_LOAD);
    expect(within(list).getByText('Partly refunded')).toBeInTheDocument();
    expect(within(list).getByText(/€20\.00 refunded/)).toBeInTheDocument();
    expect(await screen.findByRole('list', { name: 'Payment totals' })).toHaveTextContent('€100.00 net');
  });

  it('records once on a double click: one request, one Idempotency-Key', async () => {
    signedInAs(['manager']);
    customerWith([]);
    const posts = recordedPayments();
    const { user } = renderApp('/customers/c-1');

    const dialog = await openRecordDialog(user);
    await user.type(within(dialog).getByLabelText(/Amount/), '120.5');
    await user.dblClick(within(dialog).getByRole('button', { name: 'Record' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ customerId: 'c-1', amount: '120.50', currency: 'EUR', method: 'CARD', status: 'COMPLETED' });
    expect(posts[0]?.key).toBeTruthy();
  });

  it('retries after a network error with the same key, and a new opening makes a new one', async () => {
    signedInAs(['manager']);
    customerWith([]);
    const posts = recordedPayments([() => HttpResponse.error()]);
    const { user } = renderApp('/customers/c-1');

    let dialog = await openRecordDialog(user);
    await user.type(within(dialog).getByLabelText(/Amount/), '7');
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('The CRM cannot be reached. Check your connection.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts).toHaveLength(2);
    expect(posts[1]?.key).toBe(posts[0]?.key);

    dialog = await openRecordDialog(user);
    await user.type(within(dialog).getByLabelText(/Amount/), '7');
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts).toHaveLength(3);
    expect(posts[2]?.key).not.toBe(posts[0]?.key);
  });

  it('checks the amount against the currency’s decimals before sending', async () => {
    signedInAs(['manager']);
    customerWith([]);
    const posts = recordedPayments();
    const { user } = renderApp('/customers/c-1');

    const dialog = await openRecordDialog(user);
    const amount = within(dialog).getByLabelText(/Amount/);
    await user.type(amount, '1.250');
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('At most 2 decimals for EUR')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('combobox', { name: 'Currency' }));
    await user.click(await screen.findByRole('option', { name: 'JPY' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('JPY has no decimals')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('combobox', { name: 'Currency' }));
    await user.click(await screen.findByRole('option', { name: 'KWD' }));
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ amount: '1.250', currency: 'KWD' });
  });

  it('refunds at most what is left, in part or in full', async () => {
    signedInAs(['manager']);
    const payment = aPayment(1, { refundedAmount: '20.00', status: 'PARTIALLY_REFUNDED', version: 3 });
    customerWith([payment]);
    const refunds: { body: Record<string, unknown>; key: string | null }[] = [];
    server.use(
      http.post(api('/payments/p-1/refunds'), async ({ request }) => {
        refunds.push({ body: (await request.json()) as Record<string, unknown>, key: request.headers.get('Idempotency-Key') });
        return HttpResponse.json({ refund: { id: 'r-1', amount: '100.00', reason: null, createdAt: '2026-01-03T00:00:00Z', createdBy: 'u-1' }, payment }, { status: 201 });
      }),
    );
    const { user } = renderApp('/customers/c-1');

    const list = await screen.findByRole('list', { name: 'Payments' }, PAGE_LOAD);
    await user.click(within(list).getByRole('button', { name: 'Refund' }));
    let dialog = await screen.findByRole('dialog', { name: 'Refund payment' });
    expect(dialog).toHaveTextContent('€100.00 left to refund');
    await user.click(within(dialog).getByRole('radio', { name: 'Part of it' }));
    await user.type(within(dialog).getByLabelText(/Amount/), '100.01');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    expect(await within(dialog).findByText('At most 100.00 EUR')).toBeInTheDocument();
    expect(refunds).toHaveLength(0);
    await user.clear(within(dialog).getByLabelText(/Amount/));
    await user.type(within(dialog).getByLabelText(/Amount/), '30');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(refunds[0]?.body).toMatchObject({ amount: '30.00' });

    await user.click(within(list).getByRole('button', { name: 'Refund' }));
    dialog = await screen.findByRole('dialog', { name: 'Refund payment' });
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(refunds[1]?.body).toMatchObject({ amount: '100.00' });
    expect(refunds[1]?.key).not.toBe(refunds[0]?.key);
  });

  it("tells a payment's refunds with their reasons and its history in the page's words", async () => {
    signedInAs(['manager']);
    customerWith([aPayment(1, { status: 'PARTIALLY_REFUNDED', refundedAmount: '50.00' })]);
    const change = (id: string, field: string, oldValue: string | null, newValue: string) => ({
      id, changedAt: '2026-01-03T10:00:00Z', actorId: 'u-2', actorName: 'Mia Manager', actorKind: 'user', traceId: null,
      field, oldValue, newValue,
    });
    server.use(
      http.get(api('/payments/p-1/refunds'), () =>
        HttpResponse.json([
          { id: 'r-1', amount: '50.00', reason: 'Damaged on arrival', createdAt: '2026-01-03T10:00:00Z', createdBy: 'u-2', createdByName: 'Mia Manager' },
        ]),
      ),
      http.get(api('/payments/p-1/history'), () =>
        HttpResponse.json({
          items: [change('h2', 'refundedAmount', '0.00', '50.00'), change('h1', 'status', 'COMPLETED', 'PARTIALLY_REFUNDED')],
          nextCursor: null,
        }),
      ),
    );
    const { user } = renderApp('/customers/c-1');
    const list = await screen.findByRole('list', { name: 'Payments' }, PAGE_LOAD);
    await user.click(within(list).getByRole('button', { name: 'History' }));

    const dialog = await screen.findByRole('dialog');
    // each refund with the reason given for it
    const refunds = await within(dialog).findByRole('list', { name: 'Refunds' });
    expect(within(refunds).getByRole('listitem')).toHaveTextContent('€50.00 · Damaged on arrival');
    expect(within(refunds).getByRole('listitem')).toHaveTextContent('by Mia Manager');
    const history = await within(dialog).findByRole('list', { name: 'History' });
    const entries = await within(history).findAllByRole('listitem');
    expect(entries[0]).toHaveTextContent('Refunded amount: €0.00 → €50.00');
    expect(entries[1]).toHaveTextContent('Status: Completed → Partly refunded');
  });

  it('offers support reading only, and a sales user recording only for their own customers', async () => {
    signedInAs(['support']);
    customerWith([aPayment(1)]);
    const { unmount } = renderApp('/customers/c-1');
    const list = await screen.findByRole('list', { name: 'Payments' }, PAGE_LOAD);
    expect(within(list).queryByRole('button', { name: 'Refund' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record payment' })).not.toBeInTheDocument();
    expect(within(list).getByRole('button', { name: 'History' })).toBeInTheDocument();
    unmount();

    signedInAs(['sales']);
    customerWith([aPayment(1)], 'someone-else');
    renderApp('/customers/c-1');
    await screen.findByRole('list', { name: 'Payments' }, PAGE_LOAD);
    expect(screen.queryByRole('button', { name: 'Record payment' })).not.toBeInTheDocument();
  });
});

describe('Payments on the lead page', () => {
  it('lists the lead’s payments and records new ones on the lead in its currency', async () => {
    signedInAs(['sales']);
    server.use(
      http.get(api('/leads/l-1'), () => HttpResponse.json(aLead(1, { currency: 'JPY', value: '300000' }))),
      http.get(api('/leads/l-1/score'), () => HttpResponse.json({ score: 10, ruleSetVersion: 'v', computedAt: '2026-01-02T03:04:05Z', factors: [] })),
      http.get(api('/leads/l-1/score/history'), () => HttpResponse.json([])),
      http.get(api('/payments'), ({ request }) =>
        HttpResponse.json({
          items: new URL(request.url).searchParams.get('leadId') === 'l-1' ? [aPayment(1, { leadId: 'l-1', leadTitle: 'Lead 1', amount: '1200', currency: 'JPY', refundedAmount: '0' })] : [],
          nextCursor: null,
        }),
      ),
    );
    const posts = recordedPayments();
    const { user } = renderApp('/leads/l-1');

    const list = await screen.findByRole('list', { name: 'Payments' }, PAGE_LOAD);
    expect(list).toHaveTextContent('¥1,200');
    const dialog = await openRecordDialog(user);
    await user.type(within(dialog).getByLabelText(/Amount/), '5000');
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts[0]?.body).toMatchObject({ customerId: 'c-1', leadId: 'l-1', amount: '5000', currency: 'JPY' });
  });
});
