import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer, aFollowUp } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, server, signedInAs } from '../../test/server';

describe('My follow-ups', () => {
  it('shows my overdue, today’s and this week’s follow-ups, asking in my time zone', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(api('/follow-ups'), ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        const due = params.get('due');
        const items =
          due === 'overdue'
            ? [aFollowUp(1, { title: 'Late call', dueAt: '2020-01-01T09:00:00Z', leadId: 'l-7', leadTitle: 'Renewal' })]
            : due === 'week'
              ? [aFollowUp(2, { title: 'Visit' }), aFollowUp(3, { title: 'Offer' })]
              : [];
        return HttpResponse.json({ items, nextCursor: null });
      }),
    );
    renderApp('/follow-ups');

    expect(await screen.findByRole('heading', { level: 1, name: 'My follow-ups' })).toBeInTheDocument();
    const overdue = await screen.findByRole('list', { name: 'Overdue' });
    expect(within(overdue).getByText('Late call')).toBeInTheDocument();
    expect(within(overdue).getByText('Overdue')).toBeInTheDocument();
    expect(within(overdue).getByRole('link', { name: 'Customer 1' })).toHaveAttribute('href', '/customers/c-1');
    expect(within(overdue).getByRole('link', { name: 'Renewal' })).toHaveAttribute('href', '/leads/l-7');
    expect(await screen.findByText('Nothing more due today.')).toBeInTheDocument();
    const week = await screen.findByRole('list', { name: 'This week' });
    expect(within(week).getAllByRole('listitem')).toHaveLength(2);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(asked.every((params) => params.get('assignee') === 'me' && params.get('zone') === zone)).toBe(true);
    expect(asked.map((params) => params.get('due')).sort()).toEqual(['overdue', 'today', 'week']);
  });

  it('creates a follow-up for the customer found by search', async () => {
    signedInAs(['sales']);
    let sent: Record<string, unknown> | undefined;
    server.use(
      http.get(api('/customers'), ({ request }) => {
        const q = new URL(request.url).searchParams.get('q');
        return HttpResponse.json({ items: q === 'ada' ? [aCustomer(4, { name: 'Ada Ltd' })] : [], nextCursor: null });
      }),
      http.post(api('/follow-ups'), async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(aFollowUp(5, { title: 'Call Ada' }), { status: 201 });
      }),
    );
    const { user } = renderApp('/follow-ups');

    await user.click(await screen.findByRole('button', { name: 'New follow-up' }));
    const dialog = await screen.findByRole('dialog', { name: 'New follow-up' });
    // a sales user's follow-ups are their own: no assignee to choose
    expect(within(dialog).queryByRole('combobox', { name: 'Assignee' })).not.toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Title/), 'Call Ada');
    fireEvent.change(within(dialog).getByLabelText(/Due/), { target: { value: '2030-05-06T09:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Choose the customer')).toBeInTheDocument();
    expect(sent).toBeUndefined();

    await user.type(within(dialog).getByRole('searchbox', { name: 'Customer' }), 'ada');
    await user.click(await within(dialog).findByRole('button', { name: /Ada Ltd/ }));
    expect(within(dialog).queryByText('Choose the customer')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toMatchObject({ customerId: 'c-4', title: 'Call Ada', dueAt: new Date('2030-05-06T09:00').toISOString() });
  });

  it('is in the navigation', async () => {
    const { user } = renderApp('/follow-ups');
    await user.click(await screen.findByRole('button', { name: 'Open navigation' }));
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'My follow-ups' })).toHaveAttribute('href', '/follow-ups');
  });
});
