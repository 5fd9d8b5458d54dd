import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer, aTimelineEntry } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, server } from '../../test/server';
import { notesApi } from '../notes/notesApi';
import { CATCH_UP_POLL_MS, QUIET_POLL_MS } from './catchUp';

describe('The customer’s timeline', () => {
  it('shows every kind newest first, narrows by the chosen kinds and loads older entries', async () => {
    const kinds: (string | null)[] = [];
    server.use(
      http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1))),
      http.get(api('/customers/c-1/timeline'), ({ request }) => {
        const params = new URL(request.url).searchParams;
        kinds.push(params.get('kind'));
        if (params.get('kind') === 'lead,follow-up') {
          return HttpResponse.json({
            items: [aTimelineEntry(3, 'c-1', { kind: 'lead', summary: 'Lead Renewal created' })],
            nextCursor: null,
          });
        }
        if (params.get('cursor') === 'next') {
          return HttpResponse.json({ items: [aTimelineEntry(9, 'c-1', { summary: 'Customer Acme created' })], nextCursor: null });
        }
        return HttpResponse.json({
          items: [
            aTimelineEntry(1, 'c-1', { kind: 'follow-up', summary: 'Follow-up Call back done', actorName: 'Sara Seller' }),
            aTimelineEntry(2, 'c-1', { kind: 'note', summary: 'Note added', actorId: 'system', actorName: 'system' }),
          ],
          nextCursor: 'next',
        });
      }),
    );
    const { user } = renderApp('/customers/c-1');

    const list = await screen.findByRole('list', { name: 'Activity' }, { timeout: 30000 });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Follow-up Call back done');
    expect(items[0]).toHaveTextContent(/Follow-ups · by Sara Seller$/);
    expect(items[1]).not.toHaveTextContent('by system');

    await user.click(screen.getByRole('button', { name: 'Older activity' }));
    expect(await within(list).findByText('Customer Acme created')).toBeInTheDocument();

    const filters = screen.getByRole('group', { name: 'Show only' });
    await user.click(within(filters).getByRole('button', { name: 'Follow-ups' }));
    await user.click(within(filters).getByRole('button', { name: 'Leads' }));
    expect(within(filters).getByRole('button', { name: 'Leads' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Activity' })).toHaveTextContent('Lead Renewal created'));
    expect(kinds).toContain('lead,follow-up');
  });

  it('shows the user’s own change as soon as its entry is in, then polls quietly again', async () => {
    const created = aTimelineEntry(1, 'c-1', { summary: 'Customer Acme created' });
    const noted = aTimelineEntry(2, 'c-1', { kind: 'note', summary: 'Note added: Call on Monday' });
    let notedAt: number | null = null;
    const timelineReads: number[] = [];
    server.use(
      http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1))),
      http.post(api('/customers/c-1/notes'), () => {
        notedAt = Date.now();
        return HttpResponse.json({ id: 'n-1', customerId: 'c-1', body: '<p>Call on Monday</p>' }, { status: 201 });
      }),
      http.get(api('/customers/c-1/timeline'), () => {
        timelineReads.push(Date.now());
        // the note's event reaches the timeline a moment after the note is stored
        const eventIn = notedAt !== null && Date.now() - notedAt >= 300;
        return HttpResponse.json({ items: eventIn ? [noted, created] : [created], nextCursor: null });
      }),
    );
    const { store } = renderApp('/customers/c-1');
    const list = await screen.findByRole('list', { name: 'Activity' }, { timeout: 30000 });
    expect(list).toHaveTextContent('Customer Acme created');

    await store.dispatch(notesApi.endpoints.addNote.initiate({ subject: { kind: 'customer', id: 'c-1' }, body: '<p>Call on Monday</p>' }));
    // well before the quiet poll would have read it
    await waitFor(() => expect(screen.getByRole('list', { name: 'Activity' })).toHaveTextContent('Note added: Call on Monday'), {
      timeout: QUIET_POLL_MS / 2,
    });

    const readsWhenIn = timelineReads.length;
    await new Promise((resolve) => setTimeout(resolve, 3 * CATCH_UP_POLL_MS));
    expect(timelineReads.length - readsWhenIn, 'reads once caught up').toBe(0);
  });
});
