import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { baseApi } from '../api/baseApi';
import { customersApi } from '../features/customers/customersApi';
import { aCustomer } from '../test/fixtures';
import { api, server } from '../test/server';
import { pages } from './pages';
import { preloadPage } from './preloadPage';
import { makeStore } from './store';

describe('preloadPage', () => {
  // the list page's code, which preloadPage starts loading, arrives before the test environment goes
  afterEach(() => pages.customersList.preload());

  it('starts the customer list request with the arguments in the URL, before the page renders', async () => {
    const requests: URL[] = [];
    server.use(
      http.get(api('/customers'), ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json({ items: [aCustomer(1)], nextCursor: null });
      }),
    );
    const store = makeStore();

    preloadPage('/customers?q=%20ada%20&sort=name', store.dispatch);

    await expect.poll(() => requests.length).toBe(1);
    expect(requests[0]?.searchParams.get('q')).toBe('ada');
    expect(requests[0]?.searchParams.get('sort')).toBe('name');
    // the page's own query, with the same arguments, finds the data in the cache
    await expect
      .poll(() => customersApi.endpoints.listCustomers.select({ q: 'ada', sort: 'name', tag: '', owner: '' })(store.getState()).data?.pages)
      .toHaveLength(1);
  });

  it('starts no query for pages without first data to preload', () => {
    server.use(http.get(api('/customers'), () => HttpResponse.json({ items: [], nextCursor: null })));
    const store = makeStore();

    preloadPage('/customers/new', store.dispatch);
    preloadPage('/customers', store.dispatch);

    // a started query is in the cache at once (pending): only the list's is there
    expect(Object.keys(store.getState()[baseApi.reducerPath].queries)).toEqual([
      expect.stringMatching(/^listCustomers\(/),
    ]);
  });

  it('loads a page chunk once however often it is preloaded', async () => {
    const first = pages.activityFeed.preload();
    expect(pages.activityFeed.preload()).toBe(first);
    await expect(first).resolves.toHaveProperty('default');
  });
});
