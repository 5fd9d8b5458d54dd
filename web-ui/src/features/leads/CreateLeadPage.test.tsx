import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer, aLead } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';

describe('New lead', () => {
  it("is offered on the customer page and starts with that customer", async () => {
    const posts: { body: Record<string, unknown>; key: string | null }[] = [];
    server.use(
      http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1))),
      http.post(api('/leads'), async ({ request }) => {
        posts.push({ body: (await request.json()) as Record<string, unknown>, key: request.headers.get('Idempotency-Key') });
        return HttpResponse.json(aLead(7, { title: 'Renewal' }), { status: 201 });
      }),
      http.get(api('/leads/l-7'), () => HttpResponse.json(aLead(7, { title: 'Renewal' }))),
      http.get(api('/leads/l-7/score'), () => HttpResponse.json({ score: null, ruleSetVersion: null, computedAt: null, factors: [], pending: true })),
    );
    const { user } = renderApp('/customers/c-1');
    await user.click(await screen.findByRole('link', { name: 'New lead' }));

    expect(await screen.findByRole('heading', { name: 'New lead' })).toBeInTheDocument();
    expect(screen.getByText('Customer 1')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /Title/ }), 'Renewal');
    // as people write large amounts: the form sends the plain decimal
    await user.type(screen.getByRole('textbox', { name: /Value/ }), '12,500');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Renewal' })).toBeInTheDocument();
    expect(posts).toEqual([
      {
        body: { customerId: 'c-1', title: 'Renewal', source: 'WEB', value: '12500', currency: 'EUR' },
        key: expect.stringMatching(/.{16,}/),
      },
    ]);
  });

  it('finds the customer by search and shows the server refusing it (422) on that field', async () => {
    signedInAs(['manager']);
    const searches: (string | null)[] = [];
    let posted: Record<string, unknown> | undefined;
    server.use(
      http.get(api('/customers'), ({ request }) => {
        searches.push(new URL(request.url).searchParams.get('q'));
        return HttpResponse.json({ items: [aCustomer(3, { name: 'Acme Ltd' })], nextCursor: null });
      }),
      http.get(api('/leads/assignees'), () => HttpResponse.json([{ id: 'u-2', username: 'sales2', name: 'Sue Sales' }])),
      http.post(api('/leads'), async ({ request }) => {
        posted = (await request.json()) as Record<string, unknown>;
        return problem(422, { title: 'Invalid request', errors: [{ field: 'customerId', message: 'The customer was deleted' }] });
      }),
    );
    const { user } = renderApp('/leads/new');
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Choose the customer')).toBeInTheDocument();
    expect(screen.getByText('Title is required')).toBeInTheDocument();
    expect(posted).toBeUndefined();

    await user.type(screen.getByRole('searchbox', { name: /Customer/ }), 'acme');
    await user.click(await screen.findByRole('button', { name: /Acme Ltd/ }));
    await user.type(screen.getByRole('textbox', { name: /Title/ }), 'Pilot');
    await user.type(screen.getByRole('textbox', { name: /Value/ }), '3000');
    const currency = screen.getByRole('textbox', { name: /Currency/ });
    await user.clear(currency);
    await user.type(currency, 'jpy');
    await user.click(screen.getByRole('combobox', { name: 'Assignee' }));
    await user.click(await screen.findByRole('option', { name: 'Sue Sales' }));
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('The customer was deleted')).toBeInTheDocument();
    expect(searches).toEqual(['acme']);
    await waitFor(() =>
      expect(posted).toEqual({ customerId: 'c-3', title: 'Pilot', source: 'WEB', value: '3000', currency: 'JPY', assignee: 'u-2' }),
    );
  });
});
