import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { anAdminUser } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';
import type { AdminUser } from './types';

/** A tiny Users API over a list the test can inspect. */
function usersBackend(initial: AdminUser[]) {
  const users = [...initial];
  const requests: { method: string; url: URL; body?: unknown }[] = [];
  server.use(
    http.get(api('/users'), ({ request }) => {
      const url = new URL(request.url);
      requests.push({ method: 'GET', url });
      const q = url.searchParams.get('q') ?? '';
      return HttpResponse.json({ items: users.filter((u) => u.username.includes(q) || u.name.includes(q)), nextCursor: null });
    }),
    http.put(api('/users/:id/role'), async ({ request, params }) => {
      const body = (await request.json()) as { role: 'sales' };
      requests.push({ method: 'PUT', url: new URL(request.url), body });
      const user = users.find((u) => u.id === params.id)!;
      Object.assign(user, { roles: [body.role], pending: false });
      return HttpResponse.json(user);
    }),
    http.put(api('/users/:id/enabled'), async ({ request, params }) => {
      const body = (await request.json()) as { enabled: boolean };
      requests.push({ method: 'PUT', url: new URL(request.url), body });
      const user = users.find((u) => u.id === params.id)!;
      user.enabled = body.enabled;
      return HttpResponse.json(user);
    }),
  );
  return { users, requests };
}

const newcomer = anAdminUser(7, { name: 'Nora Newcomer', username: 'nora', roles: [], pending: true });

describe('Users page', () => {
  it('offers Users in the navigation to admins only', async () => {
    signedInAs(['admin']);
    usersBackend([]);
    const { user } = renderApp('/users');
    await user.click(await screen.findByRole('button', { name: 'Open navigation' }));
    expect(await screen.findByRole('navigation', { name: 'Main' })).toHaveTextContent('Users');
  });

  it('refuses the page to a manager', async () => {
    signedInAs(['manager']);
    renderApp('/users');
    expect(await screen.findByText("You don't have access to this page.")).toBeInTheDocument();
  });

  it('lists users waiting for approval first, highlighted, and filters to them', async () => {
    signedInAs(['admin']);
    usersBackend([anAdminUser(1, { name: 'Alice Admin', roles: ['admin'] }), newcomer, anAdminUser(2)]);
    const { user } = renderApp('/users');

    const list = await screen.findByRole('list', { name: 'Users' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows[0]).toHaveAccessibleName('Nora Newcomer');
    expect(within(rows[0]!).getByText('Waiting for approval')).toBeInTheDocument();
    expect(screen.getByText(/1 user is waiting for approval/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Waiting for approval' }));

    expect(within(screen.getByRole('list', { name: 'Users' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('searches on the server', async () => {
    signedInAs(['admin']);
    const { requests } = usersBackend([newcomer, anAdminUser(2)]);
    const { user } = renderApp('/users');
    await screen.findByRole('list', { name: 'Users' });

    await user.type(screen.getByRole('searchbox', { name: 'Search users' }), 'nora');

    await waitFor(() => expect(requests.some((r) => r.url.searchParams.get('q') === 'nora')).toBe(true));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
  });

  it('approves a waiting user after confirmation', async () => {
    signedInAs(['admin']);
    const { requests } = usersBackend([newcomer]);
    const { user } = renderApp('/users');

    await user.click(await screen.findByRole('combobox', { name: 'Role Nora Newcomer' }));
    await user.click(await screen.findByRole('option', { name: 'Sales' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve Nora Newcomer as Sales?' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ role: 'sales' });
    expect(await screen.findByRole('combobox', { name: 'Role Nora Newcomer' })).toHaveTextContent('Sales');
    expect(screen.queryByText(/waiting for approval\./)).not.toBeInTheDocument();
  });

  it('cancelling the confirmation changes nothing', async () => {
    signedInAs(['admin']);
    const { requests } = usersBackend([anAdminUser(3, { name: 'Sam Seller' })]);
    const { user } = renderApp('/users');

    await user.click(await screen.findByRole('button', { name: 'Deactivate Sam Seller' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Sam Seller?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('deactivates and reactivates a user', async () => {
    signedInAs(['admin']);
    usersBackend([anAdminUser(3, { name: 'Sam Seller' })]);
    const { user } = renderApp('/users');

    await user.click(await screen.findByRole('button', { name: 'Deactivate Sam Seller' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Deactivate' }));

    expect(await screen.findByText('Deactivated')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reactivate Sam Seller' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reactivate' }));
    await waitFor(() => expect(screen.queryByText('Deactivated')).not.toBeInTheDocument());
  });

  it("shows the API's problem in the dialog and keeps it open", async () => {
    signedInAs(['admin']);
    usersBackend([anAdminUser(3, { name: 'Sam Seller' })]);
    server.use(
      http.put(api('/users/:id/enabled'), () =>
        problem(409, { title: 'Conflict', detail: 'You cannot deactivate yourself. Ask another admin to do it.' }),
      ),
    );
    const { user } = renderApp('/users');

    await user.click(await screen.findByRole('button', { name: 'Deactivate Sam Seller' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You cannot deactivate yourself');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it("does not let admins change their own role or deactivate themselves", async () => {
    signedInAs(['admin']);
    usersBackend([anAdminUser(1, { id: 'u-1', name: 'Sam Sales', roles: ['admin'] })]);
    renderApp('/users');

    expect(await screen.findByRole('button', { name: 'Deactivate Sam Sales' })).toBeDisabled();
    expect(screen.getByText('You')).toBeInTheDocument();
  });
});
