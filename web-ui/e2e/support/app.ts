import { expect, type Cookie, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { outputRoot } from './paths';

export const DEMO_PASSWORD = 'crm-demo';

export interface NewCustomer {
  phone?: string;
  company?: string;
  tags?: string[];
  /** wait until activity-service knows the customer: its creation is on the timeline */
  onTimeline?: boolean;
}

/** Creates a customer through the new-customer form and returns the URL of its page, which the browser then shows. */
export async function createCustomer(page: Page, name: string, email: string, more: NewCustomer = {}): Promise<string> {
  await page.goto('/customers/new');
  await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  if (more.phone) await page.getByLabel('Phone').fill(more.phone);
  if (more.company) await page.getByLabel('Company').fill(more.company);
  for (const tag of more.tags ?? []) {
    await page.getByLabel('Tags').fill(tag);
    await page.getByLabel('Tags').press('Enter');
  }
  // exact: the customers list's "Created" sort button would match too
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  if (more.onTimeline) {
    await expect(page.getByRole('list', { name: 'Activity' })).toContainText(`Customer ${name} created`);
  }
  return page.url();
}

/** Fills Keycloak's real login page; the browser then lands back in the app. */
export async function signInOnKeycloak(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await expect(page.locator('#kc-login')).toBeVisible();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** The gateway's cookies of each user's last sign-in in this worker: a session is reused until something ends it. */
const gatewaySessions = new Map<string, Cookie[]>();
const GATEWAY_COOKIES = new Set(['SESSION', 'XSRF-TOKEN']);

/**
 * Opens a page of the app as the user, starting from no cookies at all (no other user's CRM or Keycloak session). The
 * user's gateway session from an earlier test is reused while it is valid; else the browser signs in on Keycloak's
 * page. Either way it waits until the app shows the page.
 */
export async function openAs(page: Page, username: string, url: string): Promise<void> {
  const context = page.context();
  // leave the app first: a page still open as the previous user, its cookies gone, meets a 401 on its next call and
  // navigates to the login itself, which aborted the goto below (net::ERR_ABORTED)
  await page.goto('about:blank');
  await context.clearCookies();
  const saved = gatewaySessions.get(username);
  if (saved) await context.addCookies(saved);
  await page.goto(url);
  const signedIn = page.getByRole('button', { name: 'Sign out' });
  const loginPage = page.locator('#kc-login');
  await expect(signedIn.or(loginPage)).toBeVisible();
  if (await loginPage.isVisible()) await signInOnKeycloak(page, username);
  // The shell fetches every page's code once idle. A navigation while those first downloads are in flight left
  // Chromium waiting on its cache for the same file (a page stuck loading for 15 s): let them finish first.
  await page.waitForLoadState('networkidle');
  gatewaySessions.set(username, (await context.cookies()).filter((cookie) => GATEWAY_COOKIES.has(cookie.name)));
}

/** The width a test runs at, whichever project runs it: what screenshots are filed under. */
export function widthOf(testInfo: TestInfo): 'phone' | 'desktop' {
  return testInfo.project.use.isMobile ? 'phone' : 'desktop';
}

/** A short marker that makes the names and emails of one test run unique. */
export function uniqueTag(testInfo: TestInfo): string {
  return `${widthOf(testInfo)}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core run in the page itself, injected once per document and reporting violations only: a third of the time of
 * @axe-core/playwright's analyze(), which opens a page of its own for every scan (2.5 s against 0.9 s here).
 */
async function runAxe(page: Page, colourContrast: boolean): Promise<AxeResults> {
  // a dialog fading in has, for a moment, the contrast of a half-transparent one
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity) // not a spinner
    .map((animation) => animation.finished.catch(() => undefined)))); // a cancelled one rejects
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    ({ tags, colourContrast }) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'color-contrast': { enabled: colourContrast } },
      resultTypes: ['violations'],
      // the app has no frames of its own; without this axe waits up to a minute for an answer from any frame
      iframes: false,
    }),
    { tags: WCAG_21_AA, colourContrast },
  );
}

/**
 * Colour contrast depends on the colours, which are the same at both widths, and is 80-90 % of axe's time on a page
 * (0.5-1 s on a desktop, 0.2-0.5 s on a phone): each page has it checked at one width, chosen by the page's name, so
 * that about half of the pages (31 of 58) check it on a phone (its drawer, cards, full-screen dialogs) and the others
 * on a desktop. Every other rule runs at both widths.
 */
function checksColourContrast(testInfo: TestInfo, name: string): boolean {
  const nameSum = [...name].reduce((sum, char) => sum + char.charCodeAt(0), 0);
  return widthOf(testInfo) === (nameSum % 2 === 0 ? 'desktop' : 'phone');
}

/**
 * Checks the page as it is now: no serious or critical axe-core violation (WCAG 2.1 A/AA rules, colour contrast at one
 * of the two widths), then a full-page screenshot saved under screenshots/<phone|desktop>/<name>.jpg and attached to
 * the report. JPEG: Chromium encoded a full page as PNG in 160-525 ms, as JPEG in a third less (~120 a run, for people
 * to look at: no test compares pixels).
 */
export async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await runAxe(page, checksColourContrast(testInfo, name));
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(blocking, `axe-core violations on ${name}`).toEqual([]);

  const file = path.join(outputRoot, 'screenshots', widthOf(testInfo), `${name}.jpg`);
  await page.screenshot({ path: file, fullPage: true, type: 'jpeg', quality: 85 });
  await testInfo.attach(name, { path: file, contentType: 'image/jpeg' });
}

/**
 * On narrow screens the navigation sits in a drawer behind the menu button. While a dialog is still closing the page
 * behind it is aria-hidden, so neither shows for a moment: wait for one of them first.
 */
export async function openNavigation(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Open navigation' });
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(menu.or(navigation)).toBeVisible();
  if (await menu.isVisible()) await menu.click();
  await expect(navigation).toBeVisible();
}

/**
 * A record's page at this width: on a desktop `main` (its notes, timeline…) stands beside `side` (its facts and what
 * belongs to it), on a phone below it. Measured in one go in the page, again until it holds: sections still loading
 * move what follows them.
 */
export async function expectRecordColumns(side: Locator, main: Locator, testInfo: TestInfo): Promise<void> {
  const sideElement = await side.elementHandle();
  await expect(async () => {
    const boxes = await main.evaluate((mainElement, sideElement) => {
      const [a, b] = [sideElement, mainElement].map((element) => element!.getBoundingClientRect());
      return { side: { x: a.x, right: a.right, bottom: a.bottom }, main: { x: b.x, y: b.y } };
    }, sideElement);
    if (widthOf(testInfo) === 'desktop') {
      expect(boxes.main.x, 'beside the record').toBeGreaterThanOrEqual(boxes.side.right);
    } else {
      expect(boxes.main.y, 'below the record').toBeGreaterThanOrEqual(boxes.side.bottom);
      expect(boxes.main.x).toBe(boxes.side.x);
    }
  }).toPass({ timeout: 15_000 });
}
