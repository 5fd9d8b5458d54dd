import { expect, test } from './support/test';
import { openAs, openNavigation } from './support/app';

test('a page whose code fails to load once reloads itself and shows, instead of an error', async ({ page }) => {
  // the dashboard's widgets come in a chunk of their own, fetched when the dashboard shows
  let failures = 0;
  await page.route(/\/assets\/DashboardWidgets-[\w-]+\.js$/, async (route) => {
    if (failures === 0) {
      failures++;
      await route.fulfill({ status: 503, body: '' });
    } else {
      await route.continue();
    }
  });
  await openAs(page, 'manager', '/activity');

  await openNavigation(page);
  await page.getByRole('link', { name: 'Dashboard' }).click();

  await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'Revenue' })).toBeVisible();
  expect(failures).toBe(1);
  await expect(page.getByText('Something went wrong on this page')).toHaveCount(0);
});
