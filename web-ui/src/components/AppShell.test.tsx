import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { pages } from '../app/pages';
import { aCustomer } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { api, problem, server, signedInAs } from '../test/server';

describe('App shell', () => {
  it("shows the user's name and role and only the navigation the role can use", async () => {
    signedInAs(['support']);
    server.use(http.get(api('/customers'), () => HttpResponse.json({ items: [], nextCursor: null })));
    const { user } = renderApp('/customers');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    // jsdom has no media queries: the narrow layout, where the navigation is a drawer.
    await user.click(await screen.findByRole('button', { name: 'Open navigation' }));
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(screen.getByText('Sam Sales')).toBeInTheDocument();
    expect(screen.getByText('Support')).toBeInTheDocument();
    expect(nav).toHaveTextContent('Customers');
    expect(nav).not.toHaveTextContent('New customer');
  });

  it('keeps the navigation open beside the page at desktop widths', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: true,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
    }));
    signedInAs(['manager']);
    server.use(http.get(api('/customers'), () => HttpResponse.json({ items: [], nextCursor: null })));
    try {
      renderApp('/customers');
      const nav = await screen.findByRole('navigation', { name: 'Main' });
      expect(nav).toHaveTextContent('New customer');
      expect(screen.queryByRole('button', { name: 'Open navigation' })).not.toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Customers' })).toHaveAttribute('aria-current', 'page');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("loads the navigation's pages once idle, and the new-customer form only when the pointer or focus reaches it", async () => {
    const leadsList = vi.spyOn(pages.leadsList, 'preload');
    const createCustomer = vi.spyOn(pages.createCustomer, 'preload');
    signedInAs(['manager']);
    const { user } = renderApp('/activity');
    await user.click(await screen.findByRole('button', { name: 'Open navigation' }));
    await vi.waitFor(() => expect(leadsList).toHaveBeenCalled());
    expect(createCustomer).not.toHaveBeenCalled();
    await user.hover(screen.getByRole('link', { name: 'New customer' }));
    expect(createCustomer).toHaveBeenCalled();
  });

  it('shows a banner naming the unavailable part while the rest keeps working', async () => {
    // every call to customer-service fails alike (the list and its owner filter's choices)
    server.use(
      http.get(api('/customers'), () =>
        problem(503, { title: 'Service Unavailable', service: 'customer-service' }),
      ),
      http.get(api('/customers/owners'), () =>
        problem(503, { title: 'Service Unavailable', service: 'customer-service' }),
      ),
    );
    renderApp('/customers');
    expect(await screen.findByText(/customer-service is unavailable right now/)).toBeInTheDocument();
    expect(screen.getByText('Sam Sales')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open navigation' })).toBeInTheDocument();
  });

  it('says "Too many requests, retrying in N s" and retries once after Retry-After', async () => {
    let calls = 0;
    server.use(
      http.get(api('/customers'), () => {
        calls += 1;
        return calls === 1
          ? problem(429, { title: 'Too Many Requests' }, { 'Retry-After': '1' })
          : HttpResponse.json({ items: [aCustomer(1)], nextCursor: null });
      }),
    );
    renderApp('/customers');
    expect(await screen.findByText('Too many requests, retrying in 1 s')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Customer 1' })).toBeInTheDocument();
    expect(screen.queryByText(/Too many requests/)).not.toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('says "You don\'t have access" on a 403', async () => {
    server.use(http.get(api('/customers/c-9'), () => problem(403, { title: 'Forbidden' })));
    server.use(http.get(api('/activities'), () => HttpResponse.json({ items: [], nextCursor: null })));
    renderApp('/customers/c-9');
    expect(await screen.findByText("You don't have access")).toBeInTheDocument();
  });
});
