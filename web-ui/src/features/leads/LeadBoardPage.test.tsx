import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aBoard, aLead } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';
import type { Lead, LeadStatus } from './types';

/** A board over these leads; a status change moves the lead (or answers what `answer` says). */
function boardOf(leads: Lead[], answer?: (lead: Lead, body: { status: LeadStatus; reason?: string }) => Response | undefined) {
  const changes: { id: string; status: LeadStatus; reason?: string }[] = [];
  server.use(
    http.get(api('/leads/board'), () => HttpResponse.json(aBoard(leads))),
    http.put(api('/leads/:id/status'), async ({ params, request }) => {
      const body = (await request.json()) as { status: LeadStatus; reason?: string };
      const index = leads.findIndex((lead) => lead.id === params.id);
      const lead = leads[index]!;
      const refused = answer?.(lead, body);
      if (refused) return refused;
      changes.push({ id: lead.id, ...body });
      leads[index] = { ...lead, status: body.status, lostReason: body.reason ?? null };
      return HttpResponse.json(leads[index]);
    }),
  );
  return changes;
}

const column = (name: RegExp) => screen.getByRole('region', { name });

/** What a browser does when a card is dragged onto a column (HTML5 drag and drop). */
function dragOnto(card: HTMLElement, target: HTMLElement) {
  const data = new Map<string, string>();
  const dataTransfer = {
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    get types() {
      return [...data.keys()];
    },
    effectAllowed: 'all',
    dropEffect: 'none',
  };
  fireEvent.dragStart(card, { dataTransfer });
  const over = createEvent.dragOver(target, { dataTransfer });
  fireEvent(target, over);
  expect(over.defaultPrevented).toBe(true); // the column accepts the card
  fireEvent.drop(target, { dataTransfer });
}

describe('Pipeline board', () => {
  it('searches with three characters or more, and says so for fewer', async () => {
    const asked: (string | null)[] = [];
    server.use(
      http.get(api('/leads/board'), ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('q'));
        return HttpResponse.json(aBoard([aLead(1)]));
      }),
    );
    const { user } = renderApp('/leads/board');
    await screen.findByRole('region', { name: /New/ });

    await user.type(screen.getByRole('searchbox', { name: 'Search leads' }), 'zz');
    expect(await screen.findByText('Type at least 3 characters to search the pipeline')).toBeVisible();
    await user.type(screen.getByRole('searchbox', { name: 'Search leads' }), 'z');
    await waitFor(() => expect(asked).toContain('zzz'));
    expect(screen.queryByText('Type at least 3 characters to search the pipeline')).not.toBeInTheDocument();
    expect(asked.filter((q) => q !== null && q.length < 3)).toEqual([]);
  });

  it('shows a column per status with its count and sums per currency', async () => {
    boardOf([
      aLead(1, { value: '1000.00' }),
      aLead(2, { value: '500.50' }),
      aLead(3, { value: '3000', currency: 'JPY', status: 'IN_PROGRESS' }),
      aLead(4, { status: 'CLOSED_WON', value: '10.00', currency: 'USD' }),
    ]);
    renderApp('/leads/board');
    const newColumn = await screen.findByRole('region', { name: /New/ });
    expect(within(newColumn).getByRole('heading')).toHaveTextContent('New (2)');
    expect(newColumn).toHaveTextContent(/1,500\.50/);
    expect(within(newColumn).getAllByRole('listitem')).toHaveLength(2);
    expect(column(/In progress/)).toHaveTextContent(/3,000/);
    expect(column(/Won/)).toHaveTextContent('$10.00');
    expect(within(column(/Lost/)).getByRole('heading')).toHaveTextContent('Lost (0)');
  });

  it('moves a card with its "Move to…" menu, offering only the allowed statuses', async () => {
    const changes = boardOf([aLead(1)]);
    const { user } = renderApp('/leads/board');
    await user.click(await screen.findByRole('button', { name: 'Move Lead 1 to…' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['In progress', 'Lost']);
    await user.click(within(menu).getByRole('menuitem', { name: 'In progress' }));

    await waitFor(() => expect(within(column(/In progress/)).getByRole('link', { name: 'Lead 1' })).toBeInTheDocument());
    expect(changes).toEqual([{ id: 'l-1', status: 'IN_PROGRESS' }]);
    expect(within(column(/New/)).queryByRole('link', { name: 'Lead 1' })).not.toBeInTheDocument();
  });

  it('explains a refused move: the 409 names the statuses allowed', async () => {
    const changes = boardOf([aLead(1)], () =>
      problem(409, { title: 'Conflict', detail: 'NEW cannot move to CLOSED_WON', allowed: ['IN_PROGRESS', 'CLOSED_LOST'] }),
    );
    renderApp('/leads/board');
    const card = (await screen.findByRole('link', { name: 'Lead 1' })).closest('li')!;
    expect(card).toHaveAttribute('draggable', 'true');

    dragOnto(card, column(/Won/));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“Lead 1” cannot move from New to Won. From New it can move to: In progress, Lost.',
    );
    expect(changes).toEqual([]);
    expect(within(column(/New/)).getByRole('link', { name: 'Lead 1' })).toBeInTheDocument();
  });

  it('asks why before moving a card to Lost, and sends the reason', async () => {
    const changes = boardOf([aLead(1, { status: 'IN_PROGRESS' })]);
    const { user } = renderApp('/leads/board');
    const card = (await screen.findByRole('link', { name: 'Lead 1' })).closest('li')!;

    dragOnto(card, column(/Lost/));
    const dialog = await screen.findByRole('dialog', { name: 'Mark “Lead 1” as lost' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    expect(within(dialog).getByRole('textbox', { name: /Reason/ })).toHaveAccessibleDescription('Say why the lead was lost');
    expect(changes).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Went with a competitor');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));

    await waitFor(() => expect(within(column(/Lost/)).getByRole('link', { name: 'Lead 1' })).toBeInTheDocument());
    expect(changes).toEqual([{ id: 'l-1', status: 'CLOSED_LOST', reason: 'Went with a competitor' }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('offers support no move: cards neither drag nor have a menu', async () => {
    signedInAs(['support']);
    boardOf([aLead(1)]);
    renderApp('/leads/board');
    const card = (await screen.findByRole('link', { name: 'Lead 1' })).closest('li')!;
    expect(card).toHaveAttribute('draggable', 'false');
    expect(screen.queryByRole('button', { name: /Move Lead 1/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New lead' })).not.toBeInTheDocument();
  });
});
