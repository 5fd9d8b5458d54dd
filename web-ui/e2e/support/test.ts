import { test as base, type BrowserContext } from '@playwright/test';

export { expect } from '@playwright/test';

/**
 * Playwright's test with one browser context per worker instead of one per test. Each test still gets a page of its
 * own and starts from no cookies; the app keeps nothing else but a tab's sessionStorage. What the tests share is the
 * HTTP cache and V8's code cache in it (a route turns the cache off for its page): the first page of a fresh context
 * took the renderer 0.9 s of its main thread, a later one 0.3-0.5 s, and the gateway served every script again.
 * (A fixture's second parameter is named provide here: the React Hooks lint rule takes a function called use for
 * React's.)
 */
export const test = base.extend<object, { workerContext: BrowserContext }>({
  workerContext: [
    async ({ browser }, provide, workerInfo) => {
      const { baseURL, viewport, isMobile, hasTouch, contextOptions } = workerInfo.project.use;
      const context = await browser.newContext({ ...contextOptions, baseURL, viewport, isMobile, hasTouch });
      await provide(context);
      await context.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ workerContext }, provide) => {
    await provide(workerContext);
  },
  page: async ({ context }, provide) => {
    // no session of an earlier test's user, at the gateway or at Keycloak
    await context.clearCookies();
    await provide(await context.newPage());
    // the test's own and any other tab it opened (a failure leaves them open)
    await Promise.all(context.pages().map((page) => page.close()));
  },
});
