import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer, aLead } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server } from '../../test/server';
import { fieldLabel } from './describeChange';
import type { FieldChange } from './historyApi';

function aChange(n: number, overrides: Partial<FieldChange> = {}): FieldChange {
  return {
    id: `h-${n}`,
    changedAt: '2026-12-01T10:00:00Z',
    actorId: 'u-1',
    actorName: 'Sam Sales',
    actorKind: 'user',
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    field: 'name',
    oldValue: `Name ${n - 1}`,
    newValue: `Name ${n}`,
    ...overrides,
  };
}

describe('Field history', () => {
  it("shows who changed which customer field, when, from what to what, and loads older changes", async () => {
    const cursors: (string | null)[] = [];
    server.use(
      http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1))),
      http.get(api('/customers/c-1/history'), ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        cursors.push(cursor);
        return cursor === 'page-2'
          ? HttpResponse.json({
              items: [aChange(1, { field: 'created', oldValue: null, newValue: null, actorKind: 'system', actorName: 'system' })],
              nextCursor: null,
            })
          : HttpResponse.json({
              items: [
                aChange(3, { field: 'phone', oldValue: null, newValue: '+1 555 0100' }),
                aChange(2, { actorKind: 'client', actorName: 'crm-partner-demo' }),
              ],
              nextCursor: 'page-2',
            });
      }),
    );
    const { user } = renderApp('/customers/c-1');

    const history = await screen.findByRole('list', { name: 'History' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries[0]).toHaveTextContent('Phone: — → +1 555 0100');
    expect(entries[0]).toHaveTextContent('by Sam Sales');
    expect(entries[1]).toHaveTextContent('Name: Name 1 → Name 2');
    expect(entries[1]).toHaveTextContent('by partner client crm-partner-demo');

    await user.click(screen.getByRole('button', { name: 'Older changes' }));

    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(3));
    const created = within(history).getAllByRole('listitem')[2];
    expect(created).toHaveTextContent(/^Created/);
    expect(created).toHaveTextContent('by the system');
    expect(screen.queryByRole('button', { name: 'Older changes' })).not.toBeInTheDocument();
    expect(cursors[0]).toBeNull();
    expect(cursors).toContain('page-2');
  });

  it('shows the lead history and reads it again when the lead changes on the page', async () => {
    let lead = aLead(1, { status: 'NEW' });
    let changes = [aChange(1, { field: 'created', oldValue: null, newValue: null })];
    server.use(
      http.get(api('/leads/l-1'), () => HttpResponse.json(lead)),
      http.get(api('/leads/l-1/score'), () => HttpResponse.json({ score: null, ruleSetVersion: null, computedAt: null, factors: [], pending: true })),
      http.get(api('/leads/l-1/history'), () => HttpResponse.json({ items: changes, nextCursor: null })),
      http.put(api('/leads/l-1/status'), () => {
        lead = { ...lead, status: 'IN_PROGRESS', version: lead.version + 1 };
        changes = [aChange(2, { field: 'status', oldValue: 'NEW', newValue: 'IN_PROGRESS' }), ...changes];
        return HttpResponse.json(lead);
      }),
    );
    const { user } = renderApp('/leads/l-1');
    const entries = () => within(screen.getByRole('list', { name: 'History' })).getAllByRole('listitem');
    await screen.findByRole('list', { name: 'History' });
    expect(entries()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Start work' }));

    await waitFor(() => expect(entries()).toHaveLength(2));
    expect(entries()[0]).toHaveTextContent('Status: New → In progress');
  });

  it('says so when nothing was recorded', async () => {
    server.use(http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1))));
    renderApp('/customers/c-1');
    expect(await screen.findByText('No changes recorded yet.')).toBeInTheDocument();
  });

  it('shows a failure in the section, the rest of the page stays', async () => {
    server.use(
      http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1))),
      http.get(api('/customers/c-1/history'), () => problem(500, { title: 'History unavailable' })),
    );
    renderApp('/customers/c-1');
    expect(await screen.findByRole('alert')).toHaveTextContent('History unavailable');
    expect(screen.getByRole('heading', { level: 1, name: 'Customer 1' })).toBeInTheDocument();
  });

  it('names fields in words', () => {
    expect(fieldLabel('lostReason')).toBe('Lost reason');
    expect(fieldLabel('ownerId')).toBe('Owner');
    expect(fieldLabel('title')).toBe('Title');
  });
});
