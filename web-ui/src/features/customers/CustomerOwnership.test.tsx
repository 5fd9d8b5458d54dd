import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, server, signedInAs } from '../../test/server';

describe('Customer owners, company and tags', () => {
  it('shows company, tags and owner, and offers sales no edit of a customer they do not own', async () => {
    signedInAs(['sales']);
    server.use(
      http.get(api('/customers/c-1'), () =>
        HttpResponse.json(aCustomer(1, { ownerId: 'u-2', ownerName: 'Sara Seller', tags: ['vip', 'newsletter'] })),
      ),
    );
    renderApp('/customers/c-1');
    expect(await screen.findByRole('heading', { name: 'Customer 1' })).toBeInTheDocument();
    expect(screen.getByText('Northwind Traders')).toBeInTheDocument();
    expect(screen.getByText('newsletter')).toBeInTheDocument();
    expect(screen.getByText('Sara Seller')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('Only Sara Seller, a manager or an admin may change this customer.');
    expect(screen.queryByRole('combobox', { name: 'Owner' })).not.toBeInTheDocument();
  });

  it('lets a manager give the customer to another user', async () => {
    signedInAs(['manager']);
    let body: unknown = null;
    server.use(
      http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1))),
      http.put(api('/customers/c-1/owner'), async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(aCustomer(1, { ownerId: 'u-2', ownerName: 'Sara Seller' }));
      }),
    );
    const { user } = renderApp('/customers/c-1');
    await user.click(await screen.findByRole('combobox', { name: 'Owner' }));
    await user.click(await screen.findByRole('option', { name: 'Sara Seller' }));

    await waitFor(() => expect(body).toEqual({ owner: 'u-2' }));
  });

  it('filters the list by tag and by "My customers"', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(api('/customers'), ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [aCustomer(1)], nextCursor: null });
      }),
    );
    const { user } = renderApp('/customers');
    const table = await screen.findByRole('table', { name: 'Customers' });
    expect(within(table).getByRole('columnheader', { name: 'Owner' })).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Owner' }));
    await user.click(await screen.findByRole('option', { name: 'My customers' }));
    await waitFor(() => expect(requests.at(-1)?.get('owner')).toBe('me'));

    await user.type(screen.getByRole('searchbox', { name: 'Tag' }), 'VIP');
    await waitFor(() => expect(requests.at(-1)?.get('tag')).toBe('vip'));
    expect(requests.at(-1)?.get('owner')).toBe('me');
  });

  it('sends company and tags with a new customer', async () => {
    let body: Record<string, unknown> | null = null;
    server.use(
      http.post(api('/customers'), async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(aCustomer(7), { status: 201 });
      }),
      http.get(api('/customers/c-7'), () => HttpResponse.json(aCustomer(7))),
    );
    const { user } = renderApp('/customers/new');
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ada');
    await user.type(screen.getByRole('textbox', { name: /Email/ }), 'ada@example.com');
    await user.type(screen.getByRole('textbox', { name: /Company/ }), 'Initech');
    await user.type(screen.getByRole('combobox', { name: /Tags/ }), 'Key-Account{Enter}vip{Enter}');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(body).toMatchObject({ name: 'Ada', company: 'Initech', tags: ['key-account', 'vip'] }),
    );
  });
});
