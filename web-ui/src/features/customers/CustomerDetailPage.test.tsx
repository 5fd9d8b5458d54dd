import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer, aTimelineEntry } from '../../test/fixtures';
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
  });
});
