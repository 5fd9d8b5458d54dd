import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { aCustomer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';
import type { Communication } from './types';

vi.mock('../notes/RichTextEditor', () => ({
  default: ({ label, onChange }: { label: string; onChange: (html: string) => void }) => (
    <textarea aria-label={label} onChange={(event) => onChange(event.target.value)} />
  ),
}));

function anEntry(n: number, overrides: Partial<Communication> = {}): Communication {
  return {
    id: `m-${n}`,
    customerId: 'c-1',
    type: 'CALL',
    direction: 'INBOUND',
    subject: `Subject ${n}`,
    body: '<p>We <em>talked</em></p>',
    occurredAt: '2026-01-02T03:04:05Z',
    participants: ['Ada Lovelace'],
    durationMinutes: 75,
    loggedBy: 'u-2',
    loggedByName: 'Sue Support',
    loggedAt: '2026-01-02T03:04:05Z',
    ...overrides,
  };
}

function customerWith(entries: Communication[], ownerId: string | null = 'someone-else') {
  server.use(
    http.get(api('/customers/c-1'), () => HttpResponse.json({ ...aCustomer(1), ownerId })),
    http.get(api('/customers/c-1/communications'), () => HttpResponse.json({ items: entries, nextCursor: null })),
  );
}

describe('Customer communications', () => {
  it('lists what was logged with its details', async () => {
    signedInAs(['sales']);
    customerWith([anEntry(1)]);
    renderApp('/customers/c-1');
    const list = await screen.findByRole('list', { name: 'Communications' });
    expect(within(list).getByRole('heading', { name: 'Inbound call: Subject 1' })).toBeInTheDocument();
    expect(within(list).getByText(/1 h 15 min · with Ada Lovelace · logged by Sue Support/)).toBeInTheDocument();
    expect(within(list).getByText('talked').tagName).toBe('EM');
    // a sales user who does not own the customer is not offered the form
    expect(screen.queryByRole('button', { name: 'Log communication' })).not.toBeInTheDocument();
  });

  it('lets support log a call, checked before it is sent', async () => {
    signedInAs(['support']);
    const entries: Communication[] = [];
    let posted: Record<string, unknown> = {};
    customerWith(entries);
    server.use(
      http.post(api('/customers/c-1/communications'), async ({ request }) => {
        posted = (await request.json()) as Record<string, unknown>;
        entries.unshift(anEntry(2, { subject: 'Renewal', direction: 'OUTBOUND' }));
        return HttpResponse.json(entries[0], { status: 201 });
      }),
    );
    const { user } = renderApp('/customers/c-1');
    await user.click(await screen.findByRole('button', { name: 'Log communication' }));
    const form = screen.getByRole('form', { name: 'Log a communication' });
    await user.click(within(form).getByRole('button', { name: 'Log it' }));
    expect(within(form).getByText('Subject is required')).toBeInTheDocument();

    await user.type(within(form).getByLabelText(/Subject/), 'Renewal');
    await user.type(within(form).getByLabelText('Participants'), 'Ada Lovelace, ada@example.com');
    await user.type(within(form).getByLabelText('Duration (minutes)'), '20');
    await user.type(await within(form).findByRole('textbox', { name: 'Details' }), '<p>Agreed</p>');
    await user.click(within(form).getByRole('button', { name: 'Log it' }));

    const list = await screen.findByRole('list', { name: 'Communications' });
    expect(await within(list).findByRole('heading', { name: 'Outbound call: Renewal' })).toBeInTheDocument();
    expect(posted).toMatchObject({
      type: 'CALL',
      direction: 'OUTBOUND',
      subject: 'Renewal',
      body: '<p>Agreed</p>',
      participants: ['Ada Lovelace', 'ada@example.com'],
      durationMinutes: 20,
    });
    expect(Number.isNaN(Date.parse(String(posted.occurredAt)))).toBe(false);
    expect(screen.queryByRole('form', { name: 'Log a communication' })).not.toBeInTheDocument();
  });

  it('shows the server’s field errors on the fields', async () => {
    signedInAs(['manager']);
    customerWith([]);
    server.use(
      http.post(api('/customers/c-1/communications'), () =>
        problem(400, { title: 'Invalid request', errors: [{ field: 'occurredAt', message: 'must not be in the future' }] }),
      ),
    );
    const { user } = renderApp('/customers/c-1');
    await user.click(await screen.findByRole('button', { name: 'Log communication' }));
    const form = screen.getByRole('form', { name: 'Log a communication' });
    await user.type(within(form).getByLabelText(/Subject/), 'Clock skew');
    await user.click(within(form).getByRole('button', { name: 'Log it' }));
    expect(await within(form).findByText('must not be in the future')).toBeInTheDocument();
  });

  it('offers a sales user the form on a customer they own', async () => {
    signedInAs(['sales']);
    customerWith([], 'u-1');
    renderApp('/customers/c-1');
    expect(await screen.findByRole('button', { name: 'Log communication' })).toBeInTheDocument();
  });
});
