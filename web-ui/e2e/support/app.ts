import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import path from 'node:path';
import { outputRoot } from './paths';

export const DEMO_PASSWORD = 'crm-demo';

/** Fills Keycloak's real login page; the browser then lands back in the app. */
export async function signInOnKeycloak(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await expect(page.locator('#kc-login')).toBeVisible();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Opens a page of the app signed out, signs in as the user and waits until the app shows that page again. */
export async function openAs(page: Page, username: string, url: string): Promise<void> {
  await page.goto(url);
  await signInOnKeycloak(page, username);
}

/** A short marker that makes the names and emails of one test run unique. */
export function uniqueTag(testInfo: TestInfo): string {
  return `${testInfo.project.name}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/**
 * Checks the page as it is now: no serious or critical axe-core violation (WCAG 2.1 A/AA rules), then a full-page
 * screenshot saved under screenshots/<project>/<name>.png and attached to the report.
 */
export async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(blocking, `axe-core violations on ${name}`).toEqual([]);

  const file = path.join(outputRoot, 'screenshots', testInfo.project.name, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** On narrow screens the navigation sits in a drawer behind the menu button. */
export async function openNavigation(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Open navigation' });
  if (await menu.isVisible()) await menu.click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}
