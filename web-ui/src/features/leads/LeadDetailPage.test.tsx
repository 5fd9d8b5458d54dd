import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { aCustomer, aFollowUp, aLead } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';
import type { Note } from '../notes/types';
import type { Lead } from './types';

// TipTap needs a real browser to type into (Playwright covers it); here a plain text area stands in for it.
vi.mock('../notes/RichTextEditor', () => ({
  default: ({ label, onChange }: { label: string; onChange: (html: string) => void }) => (
    <textarea aria-label={label} onChange={(event) => onChange(event.target.value)} />
  ),
}));

// the page's sections are lazy chunks, transformed on first use: slow on a busy machine
const PAGE_LOAD = { timeout: 30000 };

const SCORE = {
  score: 57,
  ruleSetVersion: '2026-12-01',
  computedAt: '2026-12-01T10:00:00Z',
  factors: [
    { name: 'value', points: 15, reason: 'Value 12,500 EUR is above 10,000' },
    { name: 'age', points: -5, reason: 'Open for more than 30 days' },
    { name: 'activity', points: 4, reason: 'Follow-ups: 2, the latest 20 days ago' },
  ],
};

const aLeadNote = (n: number, body: string, authorId = 'u-1'): Note => ({
  id: `ln-${n}`, authorId, authorName: 'Sam Sales', body, createdAt: '2026-02-03T04:05:06Z',
  updatedAt: '2026-02-03T04:05:06Z', version: 0,
});

function aLeadServed(lead: Lead, { scored = true, notes = [aLeadNote(1, '<p>Budget approved</p>')] } = {}) {
  let current = lead;
  server.use(
    http.get(api(`/leads/${lead.id}/notes`), () => HttpResponse.json({ items: notes, nextCursor: null })),
    http.get(api(`/customers/${lead.customerId}`), () => HttpResponse.json(aCustomer(1, { id: lead.customerId }))),
    http.get(api(`/customers/${lead.customerId}/notes`), () =>
      HttpResponse.json({
        items: [{ id: 'n-1', customerId: lead.customerId, authorId: 'u-1', authorName: 'Sam Sales', body: '<p>Wants a discount</p>',
          createdAt: '2026-01-02T03:04:05Z', updatedAt: '2026-01-02T03:04:05Z', version: 0 }],
        nextCursor: null,
      }),
    ),
    http.get(api(`/leads/${lead.id}`), () => HttpResponse.json(current)),
    http.get(api(`/leads/${lead.id}/score`), () =>
      scored ? HttpResponse.json(SCORE) : HttpResponse.json({ score: null, ruleSetVersion: null, computedAt: null, factors: [], pending: true }),
    ),
    http.get(api(`/leads/${lead.id}/score/history`), () =>
      HttpResponse.json([
        { score: 57, ruleSetVersion: '2026-12-01', computedAt: '2026-12-01T10:00:00Z' },
        { score: 40, ruleSetVersion: '2026-11-01', computedAt: '2026-11-20T10:00:00Z' },
        { score: 20, ruleSetVersion: '2026-11-01', computedAt: '2026-11-10T10:00:00Z' },
      ]),
    ),
    http.get(api('/leads/assignees'), () => HttpResponse.json([
      { id: 'u-1', username: 'sales1', name: 'Sam Sales' },
      { id: 'u-2', username: 'sales2', name: 'Sue Sales' },
    ])),
    http.put(api(`/leads/${lead.id}/assignee`), async ({ request }) => {
      const { assignee } = (await request.json()) as { assignee: string };
      current = { ...current, assignedTo: assignee, assigneeName: assignee === 'u-2' ? 'Sue Sales' : 'Sam Sales' };
      return HttpResponse.json(current);
    }),
  );
}

describe('Lead page', () => {
  it('shows the facts, the score with the reason for each factor and its history', async () => {
    aLeadServed(aLead(1, { title: 'Renewal 2027', status: 'IN_PROGRESS' }));
    renderApp('/leads/l-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Renewal 2027' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Customer 1' })).toHaveAttribute('href', '/customers/c-1');
    expect(screen.getByText('€12,500.00')).toBeInTheDocument();

    const factors = await screen.findByRole('table', { name: 'Score factors' });
    expect(within(factors).getByRole('row', { name: /Value \+15 Value 12,500 EUR is above 10,000/ })).toBeInTheDocument();
    expect(within(factors).getByRole('row', { name: /Age -5 Open for more than 30 days/ })).toBeInTheDocument();
    // a rule's kind under the name people use
    expect(within(factors).getByRole('row', { name: /^Follow-ups \+4 Follow-ups: 2/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Score 57 of 100')).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'Score history, oldest to newest: 20, 40, 57' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Activity of this lead' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Customer's timeline" })).toHaveAttribute('href', '/customers/c-1');
    // a lead's entries are of five kinds: the filter offers those
    const kinds = await screen.findByRole('group', { name: 'Show only' });
    expect(within(kinds).getAllByRole('button').map((chip) => chip.textContent)).toEqual(['Leads', 'Notes', 'Follow-ups', 'Payments', 'Scores']);
    // the status shows once, beside the title
    expect(screen.getAllByRole('term').map((term) => term.textContent)).not.toContain('Status');
  });

  it("shows the lead's own activity and follow-ups, and plans one about the lead", async () => {
    signedInAs(['sales']);
    aLeadServed(aLead(1));
    const activityAsked: URLSearchParams[] = [];
    const followUpsAsked: URLSearchParams[] = [];
    let sent: Record<string, unknown> | undefined;
    server.use(
      http.get(api('/activities'), ({ request }) => {
        activityAsked.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
      http.get(api('/follow-ups'), ({ request }) => {
        followUpsAsked.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
      http.post(api('/follow-ups'), async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json(aFollowUp(1), { status: 201 });
      }),
    );
    const { user } = renderApp('/leads/l-1');

    expect(await screen.findByText('No open follow-ups.', undefined, PAGE_LOAD)).toBeInTheDocument();
    await waitFor(() => expect(activityAsked.length).toBeGreaterThan(0));
    expect(activityAsked[0]?.get('leadId')).toBe('l-1');
    expect(activityAsked[0]?.get('customerId')).toBe('c-1');
    expect(followUpsAsked[0]?.get('leadId')).toBe('l-1');
    // the customer's notes, and (its owner) a new one
    const notes = await screen.findByRole('region', { name: 'Notes on Customer 1' }, PAGE_LOAD);
    expect(within(notes).getByText('Wants a discount')).toBeInTheDocument();
    // beside the lead's own notes, its editor says whose note it adds
    expect(await within(notes).findByRole('textbox', { name: 'New note on Customer 1' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New follow-up' }));
    const dialog = await screen.findByRole('dialog', { name: 'New follow-up' });
    // the lead's customer is known: no customer to choose
    expect(within(dialog).queryByRole('searchbox', { name: 'Customer' })).not.toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Title/), 'Send the contract');
    fireEvent.change(within(dialog).getByLabelText(/Due/), { target: { value: '2030-05-06T09:00' } });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).toMatchObject({ customerId: 'c-1', leadId: 'l-1', title: 'Send the contract' });
  });

  it("shows the lead's own notes and lets its seller add one there", async () => {
    signedInAs(['sales']);
    const notes = [aLeadNote(1, '<p>Budget approved</p>', 'someone-else')];
    aLeadServed(aLead(1), { notes });
    let posted: unknown;
    server.use(
      http.post(api('/leads/l-1/notes'), async ({ request }) => {
        posted = await request.json();
        notes.unshift(aLeadNote(2, '<p>Send the contract</p>'));
        return HttpResponse.json(notes[0], { status: 201 });
      }),
    );
    const { user } = renderApp('/leads/l-1');

    const section = await screen.findByRole('region', { name: 'Notes' }, PAGE_LOAD);
    const list = within(section).getByRole('list', { name: 'Notes' });
    expect(within(list).getByText('Budget approved')).toBeInTheDocument();
    // another's note: a seller reads it, changes none
    expect(within(list).queryByRole('button', { name: /Edit note/ })).not.toBeInTheDocument();
    await user.type(within(section).getByRole('textbox', { name: 'New note on this lead' }), '<p>Send the contract</p>');
    await user.click(within(section).getByRole('button', { name: 'Add note' }));

    expect(await within(list).findByText('Send the contract')).toBeInTheDocument();
    expect(posted).toEqual({ body: '<p>Send the contract</p>' });
    expect(within(list).getByRole('button', { name: 'Edit note by Sam Sales' })).toBeInTheDocument();
  });

  it("offers support the lead's notes to read, none to add", async () => {
    signedInAs(['support']);
    aLeadServed(aLead(1));
    renderApp('/leads/l-1');
    const section = await screen.findByRole('region', { name: 'Notes' }, PAGE_LOAD);
    expect(within(section).getByText('Budget approved')).toBeInTheDocument();
    expect(within(section).queryByRole('textbox', { name: /New note/ })).not.toBeInTheDocument();
  });

  it('says "not scored yet" until the score is computed, and shows it soon after it comes', async () => {
    aLeadServed(aLead(1), { scored: false });
    renderApp('/leads/l-1');
    expect(await screen.findByText('Not scored yet.')).toBeInTheDocument();

    // a new lead's score comes from events a moment after its creation: asked for again within seconds
    server.use(http.get(api('/leads/l-1/score'), () => HttpResponse.json(SCORE)));
    expect(await screen.findByLabelText('Score 57 of 100', undefined, { timeout: 5_000 })).toBeInTheDocument();
  });

  it('looks again every second while the score waits for a change, and says why the factors add up to more', async () => {
    aLeadServed(aLead(1));
    server.use(http.get(api('/leads/l-1/score'), () => HttpResponse.json({ ...SCORE, pending: true })));
    renderApp('/leads/l-1');
    expect(await screen.findByText('Updating after the latest change…', undefined, PAGE_LOAD)).toBeInTheDocument();

    const won = {
      score: 100, ruleSetVersion: '2026-12-01', computedAt: '2026-12-01T10:00:05Z', pending: false,
      factors: [
        { name: 'status', points: 100, reason: 'Status: closed won' },
        { name: 'value', points: 15, reason: 'Value 12,500 EUR is at least 10,000' },
      ],
    };
    server.use(http.get(api('/leads/l-1/score'), () => HttpResponse.json(won)));
    expect(await screen.findByLabelText('Score 100 of 100', undefined, { timeout: 3_000 })).toBeInTheDocument();
    expect(screen.queryByText('Updating after the latest change…')).not.toBeInTheDocument();
    expect(screen.getByText('The factors add up to 115; a score stays within 0–100.')).toBeInTheDocument();
  });

  it("offers a sales user the lead's next steps and edit, but no assignee picker", async () => {
    signedInAs(['sales']);
    aLeadServed(aLead(1));
    renderApp('/leads/l-1');
    await screen.findByRole('heading', { level: 1, name: 'Lead 1' });
    expect(screen.getByRole('button', { name: 'Start work' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark lost' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark won' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/leads/l-1/edit');
    expect(screen.queryByRole('combobox', { name: 'Assignee' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('definition').map((fact) => fact.textContent)).toContain('Sam Sales');
  });

  it('reopens a won lead: a win marked by mistake goes back to In progress', async () => {
    signedInAs(['sales']);
    aLeadServed(aLead(1, { status: 'CLOSED_WON', closedAt: '2026-12-01T10:00:00Z' }));
    let moved: unknown;
    server.use(
      http.put(api('/leads/l-1/status'), async ({ request }) => {
        moved = await request.json();
        return HttpResponse.json(aLead(1, { status: 'IN_PROGRESS' }));
      }),
    );
    const { user } = renderApp('/leads/l-1');
    await screen.findByRole('heading', { level: 1, name: 'Lead 1' });
    expect(screen.queryByRole('button', { name: 'Mark lost' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reopen' }));

    await waitFor(() => expect(moved).toMatchObject({ status: 'IN_PROGRESS' }));
  });

  it('lets a manager reassign the lead', async () => {
    signedInAs(['manager']);
    aLeadServed(aLead(1));
    const { user } = renderApp('/leads/l-1');
    const picker = await screen.findByRole('combobox', { name: 'Assignee' });
    await waitFor(() => expect(picker).toHaveTextContent('Sam Sales'));
    await user.click(picker);
    await user.click(await screen.findByRole('option', { name: 'Sue Sales' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveTextContent('Sue Sales'));
  });

  it('offers support nothing to change', async () => {
    signedInAs(['support']);
    aLeadServed(aLead(1, { status: 'CLOSED_LOST', lostReason: 'Budget cut' }));
    renderApp('/leads/l-1');
    await screen.findByRole('heading', { level: 1, name: 'Lead 1' });
    expect(screen.getByText('Budget cut')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reopen' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it("shows someone else's lead as not found (the service answers 404)", async () => {
    signedInAs(['sales']);
    server.use(http.get(api('/leads/l-9'), () => problem(404, { title: 'Not found' })));
    renderApp('/leads/l-9');
    expect(await screen.findByRole('alert')).toHaveTextContent('Not found');
  });

  it('edits with the version read and offers Reload on a stale version', async () => {
    let version = 3;
    let sent: Record<string, unknown> | undefined;
    server.use(
      http.get(api('/leads/l-1'), () => HttpResponse.json(aLead(1, { version, title: `Lead v${version}` }))),
      http.put(api('/leads/l-1'), async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        version = 4;
        return problem(409, { title: 'Modified concurrently' });
      }),
    );
    const { user } = renderApp('/leads/l-1/edit');
    const value = await screen.findByRole('textbox', { name: /Value/ });
    await user.clear(value);
    await user.type(value, '9900.5');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(screen.getByRole('textbox', { name: /Title/ })).toHaveValue('Lead v4'));
    expect(sent).toEqual({ title: 'Lead v3', source: 'WEB', value: '9900.5', currency: 'EUR', version: 3 });
  });
});
