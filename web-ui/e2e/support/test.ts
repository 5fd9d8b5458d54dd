import { test as base, type Browser, type BrowserContext, type Page, type PlaywrightTestOptions } from '@playwright/test';

export { expect } from '@playwright/test';

/** A browser context as the project configures one: its base URL, and a phone's or a desktop's screen. */
function contextLikeTheProject(browser: Browser, use: Partial<PlaywrightTestOptions>): Promise<BrowserContext> {
  const { baseURL, viewport, isMobile, hasTouch, contextOptions } = use;
  return browser.newContext({ ...contextOptions, baseURL, viewport, isMobile, hasTouch });
}

/**
 * Playwright's test with one browser context per worker instead of one per test. Each test still gets a page of its
 * own and starts from no cookies; the app keeps nothing else but a tab's sessionStorage. What the tests share is the
 * HTTP cache and V8's code cache in it (a route turns the cache off for its page): the first page of a fresh context
 * took the renderer 0.9 s of its main thread, a later one 0.3-0.5 s, and the gateway served every script again.
 * `anotherBrowser()` opens a page in a browser of its own, for a second person in the test (closed after it).
 * (A fixture's second parameter is named provide here: the React Hooks lint rule takes a function called use for
 * React's.)
 */
export const test = base.extend<{ anotherBrowser: () => Promise<Page> }, { workerContext: BrowserContext }>({
  workerContext: [
    async ({ browser }, provide, workerInfo) => {
      const context = await contextLikeTheProject(browser, workerInfo.project.use);
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
  anotherBrowser: async ({ browser }, provide, testInfo) => {
    const opened: BrowserContext[] = [];
    await provide(async () => {
      const context = await contextLikeTheProject(browser, testInfo.project.use);
      opened.push(context);
      return context.newPage();
    });
    await Promise.all(opened.map((context) => context.close()));
  },
});
