import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { aCustomer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';
import type { Note } from './types';

// TipTap needs a real browser to type into (Playwright covers it); here a plain text area stands in for it.
vi.mock('./RichTextEditor', () => ({
  default: ({ label, initialHtml, onChange }: { label: string; initialHtml?: string; onChange: (html: string) => void }) => (
    <textarea aria-label={label} defaultValue={initialHtml} onChange={(event) => onChange(event.target.value)} />
  ),
}));

function aNote(n: number, overrides: Partial<Note> = {}): Note {
  return {
    id: `n-${n}`,
    authorId: 'u-1',
    authorName: 'Sam Sales',
    body: `<p>Note ${n}</p>`,
    createdAt: '2026-01-02T03:04:05Z',
    updatedAt: '2026-01-02T03:04:05Z',
    version: 0,
    ...overrides,
  };
}

function customerWithNotes(notes: Note[], ownerId: string | null = 'u-1') {
  server.use(
    http.get(api('/customers/c-1'), () => HttpResponse.json({ ...aCustomer(1), ownerId })),
    http.get(api('/customers/c-1/notes'), () => HttpResponse.json({ items: notes, nextCursor: null })),
  );
}

describe('Customer notes', () => {
  it('renders what the server sent through DOMPurify: formatting stays, scripts and javascript: links do not', async () => {
    customerWithNotes([
      aNote(1, {
        body: '<p>Hello <strong>there</strong><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">bad</a> '
          + '<a href="https://example.com">good</a></p>',
      }),
    ]);
    renderApp('/customers/c-1');
    const notes = await screen.findByRole('list', { name: 'Notes' });
    expect(within(notes).getByText('there').tagName).toBe('STRONG');
    expect(notes.querySelector('img')).toBeNull();
    expect(within(notes).getByText('bad').closest('a')?.getAttribute('href') ?? '').not.toMatch(/javascript/i);
    const good = within(notes).getByRole('link', { name: 'good' });
    expect(good).toHaveAttribute('href', 'https://example.com');
    expect(good).toHaveAttribute('rel', 'nofollow noopener noreferrer');
  });

  it('lets a sales user add a note to a customer they own', async () => {
    signedInAs(['sales']);
    const notes: Note[] = [];
    let posted: unknown;
    customerWithNotes(notes);
    server.use(
      http.post(api('/customers/c-1/notes'), async ({ request }) => {
        posted = await request.json();
        notes.unshift(aNote(9, { body: '<p>Called back</p>' }));
        return HttpResponse.json(notes[0], { status: 201 });
      }),
    );
    const { user } = renderApp('/customers/c-1');
    await user.type(await screen.findByRole('textbox', { name: 'New note' }), '<p>Called back</p>');
    await user.click(screen.getByRole('button', { name: 'Add note' }));

    expect(await within(await screen.findByRole('list', { name: 'Notes' })).findByText('Called back')).toBeInTheDocument();
    expect(posted).toEqual({ body: '<p>Called back</p>' });
  });

  it('offers a sales user no new note on a customer they do not own, and changes only to their own notes', async () => {
    signedInAs(['sales']);
    customerWithNotes([aNote(1), aNote(2, { authorId: 'someone-else', authorName: 'Other Seller' })], 'someone-else');
    renderApp('/customers/c-1');
    const notes = await screen.findByRole('list', { name: 'Notes' });
    expect(screen.queryByRole('textbox', { name: 'New note' })).not.toBeInTheDocument();
    expect(within(notes).getByRole('button', { name: 'Edit note by Sam Sales' })).toBeInTheDocument();
    expect(within(notes).queryByRole('button', { name: 'Edit note by Other Seller' })).not.toBeInTheDocument();
    expect(within(notes).queryByRole('button', { name: 'Delete note by Other Seller' })).not.toBeInTheDocument();
  });

  it('lets support read notes only', async () => {
    signedInAs(['support']);
    customerWithNotes([aNote(1)]);
    renderApp('/customers/c-1');
    const notes = await screen.findByRole('list', { name: 'Notes' });
    expect(within(notes).getByText('Note 1')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'New note' })).not.toBeInTheDocument();
    expect(within(notes).queryByRole('button', { name: /Edit note/ })).not.toBeInTheDocument();
  });

  it('lets a manager delete anyone’s note after confirming', async () => {
    signedInAs(['manager']);
    let deleted = '';
    customerWithNotes([aNote(1, { authorId: 'someone-else', authorName: 'Other Seller' })], 'someone-else');
    server.use(
      http.delete(api('/customers/c-1/notes/:id'), ({ params }) => {
        deleted = String(params.id);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/customers/c-1');
    expect(await screen.findByRole('textbox', { name: 'New note' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Delete note by Other Seller' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this note?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleted).toBe('n-1'));
  });

  it('reports an edit that crossed another one and reloads the newer version', async () => {
    signedInAs(['sales']);
    let version = 0;
    server.use(
      http.get(api('/customers/c-1'), () => HttpResponse.json({ ...aCustomer(1), ownerId: 'u-1' })),
      http.get(api('/customers/c-1/notes'), () =>
        HttpResponse.json({ items: [aNote(1, { version, body: `<p>Version ${version}</p>` })], nextCursor: null }),
      ),
      http.put(api('/customers/c-1/notes/n-1'), () => {
        version = 1;
        return problem(409, { title: 'Modified concurrently', detail: 'Someone else changed this record.' });
      }),
    );
    const { user } = renderApp('/customers/c-1');
    await user.click(await screen.findByRole('button', { name: 'Edit note by Sam Sales' }));
    const editor = await screen.findByRole('textbox', { name: 'Edit note' });
    await user.clear(editor);
    await user.type(editor, '<p>Mine</p>');
    await user.click(screen.getByRole('button', { name: 'Save note' }));

    const conflict = await screen.findByText(/Someone else changed this note/);
    await user.click(within(conflict.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Reload' }));
    expect(await screen.findByText('Version 1')).toBeInTheDocument();
  });

  it('shows the server’s reason when a note has nothing left once sanitised', async () => {
    signedInAs(['admin']);
    customerWithNotes([]);
    server.use(
      http.post(api('/customers/c-1/notes'), () =>
        problem(422, { title: 'Unprocessable content', errors: [{ field: 'body', message: 'has no text left once unsafe markup is removed' }] }),
      ),
    );
    const { user } = renderApp('/customers/c-1');
    await user.type(await screen.findByRole('textbox', { name: 'New note' }), '<script>x</script>');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByText('The note has no text left once unsafe markup is removed.')).toBeInTheDocument();
  });
});
