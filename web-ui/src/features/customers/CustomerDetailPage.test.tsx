import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer, aLead, aTimelineEntry } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, server, signedInAs } from '../../test/server';

function customerWithActivity() {
  server.use(
    http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1))),
    http.get(api('/customers/c-1/timeline'), () =>
      HttpResponse.json({ items: [aTimelineEntry(1, 'c-1')], nextCursor: null }),
    ),
  );
}

describe('Customer detail', () => {
  it('shows the facts and the activity timeline', async () => {
    customerWithActivity();
    renderApp('/customers/c-1');
    expect(await screen.findByRole('heading', { name: 'Customer 1' })).toBeInTheDocument();
    expect(screen.getByText('customer1@example.com')).toBeInTheDocument();
    const timeline = await screen.findByRole('list', { name: 'Activity' });
    expect(within(timeline).getByText('Created customer c-1')).toBeInTheDocument();
    expect(within(timeline).getByText(/by Sam Seller$/)).toBeInTheDocument();
  });

  it("lists the customer's leads, page by page, and starts a new one for this customer", async () => {
    customerWithActivity();
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(api('/leads'), ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        return params.get('cursor') === 'next'
          ? HttpResponse.json({ items: [aLead(1, { title: 'Pilot', status: 'CLOSED_WON', score: null })], nextCursor: null })
          : HttpResponse.json({ items: [aLead(2, { title: 'Renewal', assigneeName: null, assignedTo: null })], nextCursor: 'next' });
      }),
    );
    const { user } = renderApp('/customers/c-1');

    const section = await screen.findByRole('region', { name: 'Leads' });
    const renewal = await within(section).findByRole('listitem');
    expect(within(renewal).getByRole('link', { name: 'Renewal' })).toHaveAttribute('href', '/leads/l-2');
    expect(renewal).toHaveTextContent('New');
    expect(renewal).toHaveTextContent('€12,500.00 · Score 42');
    expect(renewal).toHaveTextContent('Unassigned');
    // the customer's own page does not name the customer again
    expect(renewal).not.toHaveTextContent('Customer 1');
    expect(asked[0]?.get('customerId')).toBe('c-1');

    await user.click(within(section).getByRole('button', { name: 'More leads' }));
    expect(await within(section).findByRole('link', { name: 'Pilot' })).toBeVisible();
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
    expect(asked.at(-1)?.get('customerId')).toBe('c-1');
    expect(within(section).getByRole('link', { name: 'New lead' })).toHaveAttribute('href', '/leads/new?customerId=c-1');
  });

  it('says when the customer has no leads, and offers none to support, who may not create them', async () => {
    signedInAs(['support']);
    customerWithActivity();
    renderApp('/customers/c-1');

    const section = await screen.findByRole('region', { name: 'Leads' });
    expect(await within(section).findByText('No leads yet.')).toBeVisible();
    expect(within(section).queryByRole('link', { name: 'New lead' })).not.toBeInTheDocument();
  });

  it('offers no delete to sales', async () => {
    signedInAs(['sales']);
    customerWithActivity();
    renderApp('/customers/c-1');
    expect(await screen.findByRole('link', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('lets a manager delete after confirming', async () => {
    signedInAs(['manager']);
    customerWithActivity();
    let deleted = false;
    server.use(
      http.delete(api('/customers/c-1'), () => ((deleted = true), new HttpResponse(null, { status: 204 }))),
      http.get(api('/customers'), () => HttpResponse.json({ items: [], nextCursor: null })),
    );
    const { user } = renderApp('/customers/c-1');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Customer 1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByRole('heading', { name: 'Customers' })).toBeInTheDocument();
    expect(deleted).toBe(true);
    // announced as a status, beside the list's own ("No customers yet." once it has loaded)
    expect(screen.getByText('Customer 1 was deleted.').closest('[role="status"]')).not.toBeNull();

    // Undo restores it and opens it again
    let restored = false;
    server.use(
      http.post(api('/customers/c-1/restore'), () => ((restored = true), HttpResponse.json(aCustomer(1)))),
    );
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(restored).toBe(true));
    expect(await screen.findByRole('heading', { level: 1, name: 'Customer 1' })).toBeInTheDocument();
  });

  it('dismisses the deletion notice', async () => {
    signedInAs(['manager']);
    customerWithActivity();
    server.use(
      http.delete(api('/customers/c-1'), () => new HttpResponse(null, { status: 204 })),
      http.get(api('/customers'), () => HttpResponse.json({ items: [], nextCursor: null })),
    );
    const { user } = renderApp('/customers/c-1');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete Customer 1?' })).getByRole('button', { name: 'Delete' }));
    await screen.findByText('Customer 1 was deleted.');

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('Customer 1 was deleted.')).not.toBeInTheDocument());
  });
});
