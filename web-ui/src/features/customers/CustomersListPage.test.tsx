import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { pages } from '../../app/pages';
import { aCustomer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { expectDebouncedSearches } from '../../test/searches';
import { api, problem, server } from '../../test/server';

const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => aCustomer(from + i));

/** Answers every list request with `count` customers; returns the `sort` each request asked for, in order. */
function recordSorts(count: number): (string | null)[] {
  const sorts: (string | null)[] = [];
  server.use(
    http.get(api('/customers'), ({ request }) => {
      sorts.push(new URL(request.url).searchParams.get('sort'));
      return HttpResponse.json({ items: page(1, count), nextCursor: null });
    }),
  );
  return sorts;
}

describe('Customers list', () => {
  it("loads a customer's page once idle, and the new-customer form only when the pointer or focus reaches its button", async () => {
    recordSorts(3);
    const customerDetail = vi.spyOn(pages.customerDetail, 'preload');
    const createCustomer = vi.spyOn(pages.createCustomer, 'preload');
    const { user } = renderApp('/customers');
    await screen.findByRole('table', { name: 'Customers' });

    await vi.waitFor(() => expect(customerDetail).toHaveBeenCalled());
    expect(createCustomer).not.toHaveBeenCalled();
    await user.hover(within(screen.getByRole('main')).getByRole('link', { name: 'New customer' }));
    expect(createCustomer).toHaveBeenCalled();
  });

  it('sorts by name from the column header, on the server', async () => {
    const sorts = recordSorts(3);
    const { user } = renderApp('/customers');
    const table = await screen.findByRole('table', { name: 'Customers' });
    expect(within(table).getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(within(table).getByRole('columnheader', { name: /Name/ })).getByRole('button'));

    await waitFor(() => expect(sorts).toEqual(['created', 'name']));
    expect(within(table).getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveTextContent('Name');
  });

  it('renders the first page and loads the next one with the cursor', async () => {
    const requests: URL[] = [];
    server.use(
      http.get(api('/customers'), ({ request }) => {
        const url = new URL(request.url);
        requests.push(url);
        return url.searchParams.get('cursor') === 'next-1'
          ? HttpResponse.json({ items: page(51, 10), nextCursor: null })
          : HttpResponse.json({ items: page(1, 50), nextCursor: 'next-1' });
      }),
      http.get(api('/customers/count'), ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json({ count: 1234, capped: false });
      }),
    );
    const { user } = renderApp('/customers');

    const table = await screen.findByRole('table', { name: 'Customers' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    // more than a page: how many in all, asked of the server for the same filters (no sort: it changes no count)
    expect(await screen.findByText('Showing 50 of 1,234 customers')).toBeInTheDocument();
    expect(requests[1]?.pathname).toMatch(/\/customers\/count$/);
    expect(requests[1]?.search).toBe('');
    expect(screen.getByRole('link', { name: 'Customer 1' })).toHaveAttribute('href', '/customers/c-1');
    expect(requests[0]?.searchParams.get('size')).toBe('50');
    expect(requests[0]?.searchParams.get('sort')).toBe('created');
    expect(requests[0]?.searchParams.has('cursor')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: 'Customer 60' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(61);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Showing 60 customers');
    expect(requests).toHaveLength(3);
  });

  it('counts a search beyond ten thousand as the server caps it, and a list of one page not at all', async () => {
    const counts: URL[] = [];
    server.use(
      http.get(api('/customers'), ({ request }) => {
        const tag = new URL(request.url).searchParams.get('tag');
        return HttpResponse.json(tag ? { items: page(1, 2), nextCursor: null } : { items: page(1, 50), nextCursor: 'n' });
      }),
      http.get(api('/customers/count'), ({ request }) => {
        counts.push(new URL(request.url));
        return HttpResponse.json({ count: 10000, capped: true });
      }),
    );
    const { user } = renderApp('/customers?q=acme');

    expect(await screen.findByText('Showing 50 of 10,000+ customers')).toBeInTheDocument();
    expect(counts.map((url) => url.searchParams.get('q'))).toEqual(['acme']);

    await user.type(screen.getByRole('searchbox', { name: 'Tag' }), 'vip');
    expect(await screen.findByText('Showing 2 customers')).toBeInTheDocument();
    expect(counts).toHaveLength(1);
  });

  it('sends the search as q, debounced', async () => {
    const queries: (string | null)[] = [];
    server.use(
      http.get(api('/customers'), ({ request }) => {
        const q = new URL(request.url).searchParams.get('q');
        queries.push(q);
        return HttpResponse.json({ items: q ? [aCustomer(7, { name: 'Acme Ltd' })] : page(1, 3), nextCursor: null });
      }),
    );
    const { user } = renderApp('/customers');
    await screen.findByRole('link', { name: 'Customer 1' });

    await user.type(screen.getByRole('searchbox', { name: 'Search customers' }), 'acme');

    expect(await screen.findByRole('link', { name: 'Acme Ltd' })).toBeInTheDocument();
    expect(queries[0]).toBeNull();
    expectDebouncedSearches(queries.slice(1), 'acme');
  });

  it('searches from three characters on, and shows a failed search without the rows of the one before', async () => {
    const queries: (string | null)[] = [];
    server.use(
      http.get(api('/customers'), ({ request }) => {
        const q = new URL(request.url).searchParams.get('q');
        queries.push(q);
        if (q === 'zyq') return problem(503, { title: 'Service unavailable', detail: 'The service is busy.' });
        return HttpResponse.json({ items: q ? [aCustomer(7, { name: 'Acme Ltd' })] : page(1, 3), nextCursor: null });
      }),
    );
    const { user } = renderApp('/customers');
    await screen.findByRole('link', { name: 'Customer 1' });
    const search = screen.getByRole('searchbox', { name: 'Search customers' });

    await user.type(search, 'zy');
    expect(await screen.findByText('Type at least 3 characters to search customers')).toBeVisible();
    expect(queries).toEqual([null]);
    expect(screen.getByRole('link', { name: 'Customer 1' })).toBeInTheDocument();

    await user.type(search, 'q');
    expect(await screen.findByRole('alert')).toHaveTextContent('unavailable right now');
    expect(screen.queryByRole('link', { name: 'Customer 1' })).not.toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(queries.at(-1)).toBe('zyq');
  });

  it('sorts by name', async () => {
    const sorts = recordSorts(2);
    const { user } = renderApp('/customers');
    await screen.findByRole('link', { name: 'Customer 1' });

    await user.click(screen.getByRole('combobox', { name: 'Sort by' }));
    await user.click(await screen.findByRole('option', { name: 'Name' }));

    await waitFor(() => expect(sorts).toEqual(['created', 'name']));
  });
});
