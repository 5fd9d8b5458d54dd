import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { pages } from '../../app/pages';
import { aLead } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { expectDebouncedSearches } from '../../test/searches';
import { api, server, signedInAs } from '../../test/server';

const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => aLead(from + i));

/** Answers list requests with `count` leads (a second page after cursor next-1); records each request's query. */
function recordListRequests(count = 3, more = false): URLSearchParams[] {
  const requests: URLSearchParams[] = [];
  server.use(
    http.get(api('/leads'), ({ request }) => {
      const params = new URL(request.url).searchParams;
      requests.push(params);
      return params.get('cursor') === 'next-1'
        ? HttpResponse.json({ items: page(51, 5), nextCursor: null })
        : HttpResponse.json({ items: page(1, count), nextCursor: more ? 'next-1' : null });
    }),
    http.get(api('/leads/assignees'), () =>
      HttpResponse.json([
        { id: 'u-2', username: 'sales2', name: 'Sue Sales' },
        { id: 'u-3', username: 'sales3', name: 'Sid Sales' },
      ]),
    ),
  );
  return requests;
}

describe('Leads list', () => {
  it("loads a lead's page once idle, and the new-lead form only when the pointer or focus reaches its button", async () => {
    recordListRequests();
    const leadDetail = vi.spyOn(pages.leadDetail, 'preload');
    const createLead = vi.spyOn(pages.createLead, 'preload');
    const { user } = renderApp('/leads');
    await screen.findByRole('link', { name: 'Lead 1' });

    await vi.waitFor(() => expect(leadDetail).toHaveBeenCalled());
    expect(createLead).not.toHaveBeenCalled();
    await user.hover(within(screen.getByRole('main')).getByRole('link', { name: 'New lead' }));
    expect(createLead).toHaveBeenCalled();
  });

  it("shows a sales user their own leads by default, without an assignee filter, and loads more by cursor", async () => {
    signedInAs(['sales']);
    const requests = recordListRequests(3, true);
    const counts: URLSearchParams[] = [];
    server.use(
      http.get(api('/leads/count'), ({ request }) => {
        counts.push(new URL(request.url).searchParams);
        return HttpResponse.json({ count: 1234 });
      }),
    );
    const { user } = renderApp('/leads');

    expect(await screen.findByRole('heading', { name: 'My leads' })).toBeInTheDocument();
    await screen.findByRole('link', { name: 'Lead 1' });
    // more than a page: how many in all, of the same filters (the sort changes no count)
    expect(await screen.findByText('Showing 3 of 1,234 leads')).toBeInTheDocument();
    expect(counts.map((params) => params.toString())).toEqual(['assignee=me']);
    expect(screen.getAllByRole('link', { name: 'Customer 1' })[0]).toHaveAttribute('href', '/customers/c-1');
    expect(requests[0]?.get('assignee')).toBe('me');
    expect(requests[0]?.get('size')).toBe('50');
    expect(screen.queryByRole('combobox', { name: 'Assignee' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New lead' })).toHaveAttribute('href', '/leads/new');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Lead 55' })).toBeInTheDocument();
    expect(requests.at(-1)?.get('cursor')).toBe('next-1');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Showing 8 leads');
  });

  it('filters by status, source and search on the server', async () => {
    signedInAs(['manager']);
    const requests = recordListRequests();
    const { user } = renderApp('/leads');
    await screen.findByRole('link', { name: 'Lead 1' });
    expect(requests[0]?.has('assignee')).toBe(false);
    // an empty filter says what it lets through rather than showing a blank box
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveTextContent('Any status');
    expect(screen.getByRole('combobox', { name: 'Source' })).toHaveTextContent('Any source');

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'In progress' }));
    await waitFor(() => expect(requests.at(-1)?.get('status')).toBe('IN_PROGRESS'));

    await user.click(screen.getByRole('combobox', { name: 'Source' }));
    await user.click(await screen.findByRole('option', { name: 'Referral' }));
    await waitFor(() => expect(requests.at(-1)?.get('source')).toBe('REFERRAL'));

    await user.type(screen.getByRole('searchbox', { name: 'Search leads' }), 'acme');
    await waitFor(() => expect(requests.at(-1)?.get('q')).toBe('acme'));
    expectDebouncedSearches(requests.filter((params) => params.has('q')).map((params) => params.get('q')), 'acme');
    expect(requests.at(-1)?.get('status')).toBe('IN_PROGRESS');
  });

  it("lets a manager pick an assignee and sort by value", async () => {
    signedInAs(['manager']);
    const requests = recordListRequests();
    const { user } = renderApp('/leads?sort=score');
    const table = await screen.findByRole('table', { name: 'Leads' });
    expect(requests[0]?.get('sort')).toBe('score');
    expect(within(table).getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'descending');
    expect(within(table).getAllByRole('cell', { name: 'Sam Sales' })).toHaveLength(3);

    await user.click(screen.getByRole('combobox', { name: 'Assignee' }));
    await user.click(await screen.findByRole('option', { name: 'Sue Sales' }));
    await waitFor(() => expect(requests.at(-1)?.get('assignee')).toBe('u-2'));

    await user.click(within(within(table).getByRole('columnheader', { name: /Value/ })).getByRole('button'));
    await waitFor(() => expect(requests.at(-1)?.get('sort')).toBe('value'));
  });

  it('offers support no new lead', async () => {
    signedInAs(['support']);
    recordListRequests();
    renderApp('/leads');
    await screen.findByRole('link', { name: 'Lead 1' });
    expect(screen.getByRole('heading', { name: 'Leads' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New lead' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Assignee' })).toBeInTheDocument();
  });
});
