import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/renderApp';
import { api, server, signedInAs } from '../../test/server';

describe('Waiting for approval', () => {
  it('greets a user without a CRM role by name and explains what happens next', async () => {
    signedInAs([]);
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Waiting for approval' })).toBeInTheDocument();
    expect(screen.getByText('Sam Sales')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'What happens next' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open navigation' })).not.toBeInTheDocument();
  });

  it('shows the waiting page instead of a deep-linked CRM page, without loading its data', async () => {
    signedInAs([]);
    let customerRequests = 0;
    server.use(
      http.get(api('/customers'), () => {
        customerRequests += 1;
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
    );
    renderApp('/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Waiting for approval' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Users' })).not.toBeInTheDocument();
    expect(customerRequests).toBe(0);
  });
});
