import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer, aLead } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { expectDebouncedSearches } from '../../test/searches';
import { api, problem, server, signedInAs } from '../../test/server';

/** What the quick search asked of each list (its searches are the requests of size 5). */
function searchServer(customers = [aCustomer(1, { name: 'Acme Ltd', company: 'Acme' })], leads = [aLead(2, { title: 'Acme renewal', customerName: 'Acme Ltd' })]) {
  const asked = { customers: [] as (string | null)[], leads: [] as (string | null)[] };
  server.use(
    http.get(api('/customers'), ({ request }) => {
      const params = new URL(request.url).searchParams;
      if (params.get('size') !== '5') return HttpResponse.json({ items: [], nextCursor: null });
      asked.customers.push(params.get('q'));
      return HttpResponse.json({ items: customers, nextCursor: null });
    }),
    http.get(api('/leads'), ({ request }) => {
      const params = new URL(request.url).searchParams;
      asked.leads.push(params.get('q'));
      return HttpResponse.json({ items: leads, nextCursor: null });
    }),
    http.get(api('/customers/c-1'), () => HttpResponse.json(customers[0])),
  );
  return asked;
}

describe('QuickSearch', () => {
  it('opens with Ctrl+K, finds customers and leads by one term, and opens the chosen one with the keyboard', async () => {
    signedInAs(['manager']);
    const asked = searchServer();
    const { user } = renderApp('/customers');
    await screen.findByRole('button', { name: 'Quick search' });

    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Quick search' });
    const box = within(dialog).getByRole('combobox', { name: 'Search customers and leads' });
    expect(box).toHaveFocus();
    await user.type(box, 'acme');

    // a slow machine may have searched a prefix first: wait for the whole term's answers
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('2 found'));
    const customers = within(dialog).getByRole('group', { name: 'Customers' });
    expect(within(customers).getByRole('option', { name: /Acme Ltd/ })).toHaveAttribute('aria-selected', 'true');
    const leads = within(dialog).getByRole('group', { name: 'Leads' });
    expect(within(leads).getByRole('option', { name: /Acme renewal/ })).toHaveTextContent('Acme Ltd · New · €12,500.00');
    expectDebouncedSearches(asked.customers, 'acme');
    expectDebouncedSearches(asked.leads, 'acme');

    // down to the lead, round to the customer, and open it
    await user.keyboard('{ArrowDown}');
    expect(within(leads).getByRole('option', { name: /Acme renewal/ })).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', within(leads).getByRole('option').id);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme Ltd' })).toBeVisible();
    expect(screen.queryByRole('dialog', { name: 'Quick search' })).not.toBeInTheDocument();
  });

  it('waits for three characters before it searches, and says so', async () => {
    signedInAs(['sales']);
    const asked = searchServer();
    const { user } = renderApp('/customers');
    await user.click(await screen.findByRole('button', { name: 'Quick search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Quick search' });
    await user.type(within(dialog).getByRole('combobox'), 'ac');
    expect(await within(dialog).findByText('Type at least 3 characters to search')).toBeVisible();
    expect(asked).toEqual({ customers: [], leads: [] });

    await user.type(within(dialog).getByRole('combobox'), 'm');
    expect(await within(dialog).findByRole('option', { name: /^Acme Ltd/ })).toBeVisible();
    expect(asked.customers).toEqual(['acm']);
  });

  it('says when nothing matches, and shows a failed search as a problem', async () => {
    signedInAs(['sales']);
    searchServer([], []);
    const { user } = renderApp('/customers');
    await user.click(await screen.findByRole('button', { name: 'Quick search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Quick search' });
    await user.type(within(dialog).getByRole('combobox'), 'zzz');
    expect(await within(dialog).findByText('Nothing matches “zzz”.')).toBeVisible();
    expect(within(dialog).queryByRole('option')).not.toBeInTheDocument();

    server.use(http.get(api('/leads'), () => problem(503, { title: 'Service unavailable', service: 'lead-service' })));
    await user.type(within(dialog).getByRole('combobox'), 'q');
    expect(await within(dialog).findByRole('alert')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Quick search' })).not.toBeInTheDocument();
    // opened again, it starts afresh; Escape closes it too
    await user.click(screen.getByRole('button', { name: 'Quick search' }));
    expect(await screen.findByRole('combobox', { name: 'Search customers and leads' })).toHaveValue('');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Quick search' })).not.toBeInTheDocument();
  });
});
