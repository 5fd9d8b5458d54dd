import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { aDashboard, aUser } from './fixtures';

/** Any origin: the app calls its own origin (jsdom's in tests). */
export const api = (path: string) => `*/api/v1${path}`;

export const problem = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    { status, ...body },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );

export const server = setupServer(
  http.get(api('/me'), () => HttpResponse.json(aUser())),
  http.get(api('/activities'), () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get(api('/customers/owners'), () =>
    HttpResponse.json([
      { id: 'u-1', username: 'sales1', name: 'Sam Sales' },
      { id: 'u-2', username: 'sales2', name: 'Sara Seller' },
    ]),
  ),
  http.get(api('/customers/:id/documents'), () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get(api('/:area/:id/history'), () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get(api('/customers/:id/timeline'), () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get(api('/follow-ups'), () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get(api('/follow-ups/assignees'), () => HttpResponse.json([])),
  http.get(api('/customers/:id/notes'), () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get(api('/customers/:id/communications'), () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get(api('/payments'), () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get(api('/payments/totals'), () => HttpResponse.json({ totals: [] })),
  http.get(api('/reports/dashboard'), () => HttpResponse.json(aDashboard())),
  http.get(api('/reports/dashboard/layout'), () => HttpResponse.json({ widgets: [], source: 'default' })),
  http.get(api('/leads'), () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get(api('/leads/assignees'), () => HttpResponse.json([])),
);

export function signedInAs(roles: string[]) {
  server.use(http.get(api('/me'), () => HttpResponse.json(aUser(roles))));
}
