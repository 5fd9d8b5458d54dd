import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer, aFollowUp } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';
import type { FollowUp } from './types';

// the customer page is a lazy chunk, transformed on first use: slow on a busy machine
const PAGE_LOAD = { timeout: 30000 };

function customerWith(followUps: FollowUp[]) {
  server.use(
    http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1))),
    http.get(api('/follow-ups'), ({ request }) => {
      const params = new URL(request.url).searchParams;
      const matching = params.get('customerId') === 'c-1' && params.get('status') === 'OPEN' ? followUps : [];
      return HttpResponse.json({ items: matching, nextCursor: null });
    }),
  );
}

describe('Follow-ups on the customer page', () => {
  it('lists the open follow-ups and creates one for someone else with due date and time', async () => {
    signedInAs(['manager']);
    customerWith([aFollowUp(1, { title: 'Send the offer', notes: 'Mention <b>the discount</b>' })]);
    server.use(
      http.get(api('/follow-ups/assignees'), () =>
        HttpResponse.json([
          { id: 'u-1', name: 'Sam Sales' },
          { id: 'u-2', name: 'Sara Seller' },
        ]),
      ),
    );
    let sent: Record<string, unknown> | undefined;
    let key: string | null = null;
    server.use(
      http.post(api('/follow-ups'), async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        key = request.headers.get('Idempotency-Key');
        return HttpResponse.json(aFollowUp(2, { title: 'Call back' }), { status: 201 });
      }),
    );
    const { user } = renderApp('/customers/c-1');

    const list = await screen.findByRole('list', { name: 'Open follow-ups' }, PAGE_LOAD);
    expect(within(list).getByText('Send the offer')).toBeInTheDocument();
    // notes are plain text: markup shows as typed, never as HTML
    expect(within(list).getByText('Mention <b>the discount</b>')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New follow-up' }));
    const dialog = await screen.findByRole('dialog', { name: 'New follow-up' });
    await user.type(within(dialog).getByLabelText(/Title/), 'Call back');
    // jsdom keeps only complete datetime-local values: set it at once, as a picker does
    fireEvent.change(within(dialog).getByLabelText(/Due/), { target: { value: '2030-05-06T14:30' } });
    await user.click(within(dialog).getByRole('combobox', { name: 'Assignee' }));
    await user.click(await screen.findByRole('option', { name: 'Sara Seller' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toMatchObject({ customerId: 'c-1', title: 'Call back', assignee: 'u-2', notes: null });
    expect(sent?.dueAt).toBe(new Date('2030-05-06T14:30').toISOString());
    expect(key).toBeTruthy();
  });

  it('shows the server’s refusal on the field it names', async () => {
    signedInAs(['manager']);
    customerWith([]);
    server.use(
      http.post(api('/follow-ups'), () =>
        problem(422, { title: 'Unknown reference', errors: [{ field: 'customerId', message: 'gone' }, { field: 'dueAt', message: 'must be between the years 1970 and 9999' }] }),
      ),
    );
    const { user } = renderApp('/customers/c-1');
    await user.click(await screen.findByRole('button', { name: 'New follow-up' }, PAGE_LOAD));
    const dialog = await screen.findByRole('dialog', { name: 'New follow-up' });
    await user.type(within(dialog).getByLabelText(/Title/), 'Call back');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await within(dialog).findByText('must be between the years 1970 and 9999')).toBeInTheDocument();
  });

  it('marks a follow-up done', async () => {
    signedInAs(['sales']);
    customerWith([aFollowUp(1)]);
    let completed = false;
    server.use(
      http.post(api('/follow-ups/f-1/complete'), () => {
        completed = true;
        return HttpResponse.json(aFollowUp(1, { status: 'DONE' }));
      }),
    );
    const { user } = renderApp('/customers/c-1');
    await user.click(await screen.findByRole('button', { name: 'Mark “Follow-up 1” done' }, PAGE_LOAD));
    await waitFor(() => expect(completed).toBe(true));
  });

  it('lets support create but close only what is assigned to them, and gives sales no assignee choice', async () => {
    signedInAs(['support']);
    customerWith([aFollowUp(1, { assignee: 'u-1' }), aFollowUp(2, { assignee: 'someone-else', assigneeName: 'Sara Seller' })]);
    renderApp('/customers/c-1');
    expect(await screen.findByRole('button', { name: 'Mark “Follow-up 1” done' }, PAGE_LOAD)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark “Follow-up 2” done' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New follow-up' })).toBeInTheDocument();
  });

  it('offers sales the dialog without an assignee picker', async () => {
    signedInAs(['sales']);
    customerWith([]);
    const { user } = renderApp('/customers/c-1');
    await user.click(await screen.findByRole('button', { name: 'New follow-up' }, PAGE_LOAD));
    const dialog = await screen.findByRole('dialog', { name: 'New follow-up' });
    expect(within(dialog).queryByRole('combobox', { name: 'Assignee' })).not.toBeInTheDocument();
  });
});
