import { expect, test } from '@playwright/test';
import { checkPage, uniqueTag } from './support/app';

test('a new user creates an account on Keycloak and lands in the app as sales', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  await page.goto('/customers');
  await page.getByRole('link', { name: 'Create account' }).click();

  await page.locator('#username').fill(`new-${tag}`);
  await page.locator('#email').fill(`new.${tag}@example.com`);
  await page.locator('#firstName').fill('Nina');
  await page.locator('#lastName').fill(`Newcomer ${tag}`);
  await page.locator('#password').fill('a-long-enough-Passw0rd');
  await page.locator('#password-confirm').fill('a-long-enough-Passw0rd');
  await page.locator('input[type=submit], button[type=submit]').click();

  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByLabel('Signed in as')).toHaveText(`Nina Newcomer ${tag}`);
  await expect(page.getByRole('banner').getByText('Sales', { exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'New customer' })).toBeVisible();
  await checkPage(page, testInfo, 'registered-user');
});
