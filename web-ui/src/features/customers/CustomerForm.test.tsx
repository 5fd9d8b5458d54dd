import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server } from '../../test/server';

async function fillIn(user: ReturnType<typeof renderApp>['user'], values: { name: string; email: string; phone?: string }) {
  await user.type(await screen.findByRole('textbox', { name: /Name/ }), values.name);
  await user.type(screen.getByRole('textbox', { name: /Email/ }), values.email);
  if (values.phone) await user.type(screen.getByRole('textbox', { name: /Phone/ }), values.phone);
}

describe('Create customer', () => {
  it('validates on the client before sending anything', async () => {
    let posted = false;
    server.use(http.post(api('/customers'), () => ((posted = true), HttpResponse.json({}))));
    const { user } = renderApp('/customers/new');
    await user.type(await screen.findByRole('textbox', { name: /Email/ }), 'not-an-email');
    await user.type(screen.getByRole('textbox', { name: /Phone/ }), 'call me');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Name is required')).toBeInTheDocument();
    expect(screen.getByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByText('Phone may contain digits, spaces and + ( ) . / -')).toBeInTheDocument();
    expect(posted).toBe(false);
  });

  it("shows the server's field errors on the right fields and sends the CSRF header", async () => {
    document.cookie = 'XSRF-TOKEN=csrf-123';
    let csrf: string | null = null;
    server.use(
      http.post(api('/customers'), ({ request }) => {
        csrf = request.headers.get('X-XSRF-TOKEN');
        return problem(400, {
          title: 'Bad Request',
          errors: [
            { field: 'name', message: 'name is reserved' },
            { field: 'phone', message: 'phone is not reachable' },
          ],
        });
      }),
    );
    const { user } = renderApp('/customers/new');
    await fillIn(user, { name: 'Admin', email: 'a@example.com', phone: '+1 555' });
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('name is reserved')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Name/ })).toHaveAccessibleDescription('name is reserved');
    expect(screen.getByRole('textbox', { name: /Phone/ })).toHaveAccessibleDescription('phone is not reachable');
    expect(csrf).toBe('csrf-123');
  });

  it('shows a duplicate email (409) on the email field', async () => {
    server.use(
      http.post(api('/customers'), () =>
        problem(409, { title: 'Conflict', detail: 'A customer with email taken@example.com already exists' }),
      ),
    );
    const { user } = renderApp('/customers/new');
    await fillIn(user, { name: 'Taken', email: 'taken@example.com' });
    await user.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /Email/ })).toHaveAccessibleDescription(
        'A customer with email taken@example.com already exists',
      ),
    );
    expect(screen.getByRole('textbox', { name: /Email/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('retries a rate-limited create once with the same Idempotency-Key', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(api('/customers'), ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return keys.length === 1
          ? problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '1' })
          : HttpResponse.json(aCustomer(5, { name: 'Ada' }), { status: 201 });
      }),
      http.get(api('/customers/c-5'), () => HttpResponse.json(aCustomer(5, { name: 'Ada' }))),
    );
    const { user } = renderApp('/customers/new');
    await fillIn(user, { name: 'Ada', email: 'ada@example.com' });
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Too many requests, retrying in 1 s')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Ada' })).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });
});

describe('Edit customer', () => {
  it('sends the version read and offers Reload when modified concurrently', async () => {
    let version = 3;
    let sentVersion: unknown;
    server.use(
      http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1, { version, name: `Customer v${version}` }))),
      http.put(api('/customers/c-1'), async ({ request }) => {
        sentVersion = ((await request.json()) as { version: unknown }).version;
        version = 4;
        return problem(409, { title: 'Modified concurrently', detail: 'The customer was changed by someone else' });
      }),
    );
    const { user } = renderApp('/customers/c-1/edit');
    const name = await screen.findByRole('textbox', { name: /Name/ });
    await user.clear(name);
    await user.type(name, 'Renamed');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await user.click(await screen.findByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(screen.getByRole('textbox', { name: /Name/ })).toHaveValue('Customer v4'));
    expect(sentVersion).toBe(3);
  });
});
