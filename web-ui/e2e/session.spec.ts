import { expect, test } from './support/test';
import { checkPage, openAs, openNavigation, signInOnKeycloak } from './support/app';

test('signing out ends the session and returns to the login page', async ({ page }, testInfo) => {
  await openAs(page, 'sales2', '/customers');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await expect(page.locator('#kc-login')).toBeVisible();
  await checkPage(page, testInfo, 'signed-out');
  // the session is gone at the gateway too, not only in this tab
  const me = await page.request.get('/api/v1/me', { maxRedirects: 0 });
  expect(me.status()).toBe(401);
});

test('a signed-out visit to a deep link returns there after login', async ({ page }) => {
  const deepLink = '/customers?sort=name&q=a';
  await page.goto(deepLink);
  await expect(page).toHaveURL(/\/realms\/crm\/protocol\/openid-connect\/auth/);

  await signInOnKeycloak(page, 'sales1');
  await expect(page).toHaveURL(deepLink);
  await expect(page.getByLabel('Search customers')).toHaveValue('a');
});

test('navigation shows only what the role can use', async ({ page }, testInfo) => {
  await openAs(page, 'support', '/activity');
  await expect(page.getByRole('heading', { name: /activity/i, level: 1 })).toBeVisible();
  await openNavigation(page);
  const navigation = page.getByRole('navigation', { name: 'Main' });
  await expect(navigation.getByRole('link')).toHaveText([
    'Dashboard',
    'Customers',
    'Leads',
    'Pipeline',
    'Recent activity',
    'My follow-ups',
    'Reports',
  ]);
  await checkPage(page, testInfo, 'activity-navigation');

  await navigation.getByRole('link', { name: 'Customers' }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
});
