import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/renderApp';
import { api, server, signedInAs } from '../../test/server';
import type { DeletedCustomer } from './types';

function aDeletedCustomer(n: number): DeletedCustomer {
  return {
    id: `d-${n}`,
    name: `Deleted ${n}`,
    email: `deleted${n}@example.com`,
    company: null,
    ownerName: 'Sam Sales',
    deletedAt: '2026-11-30T10:00:00Z',
    deletedBy: 'u-9',
    deletedByName: 'Max Manager',
    purgeAt: '2026-12-30T10:00:00Z',
  };
}

describe('Recently deleted', () => {
  it('lists deleted customers for a manager and restores one', async () => {
    signedInAs(['manager']);
    let restored = false;
    server.use(
      http.get(api('/customers/deleted'), () =>
        HttpResponse.json({ items: restored ? [aDeletedCustomer(2)] : [aDeletedCustomer(1), aDeletedCustomer(2)], nextCursor: null }),
      ),
      http.post(api('/customers/d-1/restore'), () => {
        restored = true;
        return HttpResponse.json({});
      }),
    );
    const { user } = renderApp('/customers/deleted');
    const table = await screen.findByRole('table', { name: 'Deleted customers' });
    expect(within(table).getAllByText(/by Max Manager/, { selector: 'td' })).toHaveLength(2);

    await user.click(within(table).getByRole('button', { name: 'Restore Deleted 1' }));

    expect(await screen.findByText(/Deleted 1 is restored/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Restore Deleted 1' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Open Deleted 1' })).toHaveAttribute('href', '/customers/d-1');
  });

  it('is in the navigation of managers only', async () => {
    signedInAs(['manager']);
    server.use(http.get(api('/customers'), () => HttpResponse.json({ items: [], nextCursor: null })));
    const { user } = renderApp('/customers');
    // narrow by default in jsdom: the navigation sits in the drawer
    await user.click(await screen.findByRole('button', { name: 'Open navigation' }));
    expect(await screen.findByRole('link', { name: 'Recently deleted' })).toHaveAttribute('href', '/customers/deleted');
  });

  it('is not offered to sales', async () => {
    signedInAs(['sales']);
    server.use(http.get(api('/customers'), () => HttpResponse.json({ items: [], nextCursor: null })));
    renderApp('/customers');
    expect(await screen.findByRole('heading', { name: 'Customers' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Recently deleted' })).not.toBeInTheDocument();
  });
});
