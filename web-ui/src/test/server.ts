import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { aUser } from './fixtures';

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
  http.get(api('/customers/:id/notes'), () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get(api('/customers/:id/communications'), () => HttpResponse.json({ items: [], nextCursor: null })),
);

export function signedInAs(roles: string[]) {
  server.use(http.get(api('/me'), () => HttpResponse.json(aUser(roles))));
}
