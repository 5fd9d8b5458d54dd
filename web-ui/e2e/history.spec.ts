import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { checkPage, createCustomer, openAs, uniqueTag } from './support/app';

/** Renames the customer of this page `times` times through the API, as the browser would (session and CSRF). */
async function renameRepeatedly(page: Page, times: number, prefix: string): Promise<void> {
  const id = new URL(page.url()).pathname.split('/').pop();
  const failed = await page.evaluate(
    async ({ id, times, prefix }) => {
      const csrf = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
      for (let i = 1; i <= times; i++) {
        const customer = await (await fetch(`/api/v1/customers/${id}`)).json();
        const answer = await fetch(`/api/v1/customers/${id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrf },
          body: JSON.stringify({ ...customer, name: `${prefix} ${i}` }),
        });
        if (!answer.ok) return `PUT ${i}: ${answer.status}`;
      }
      return null;
    },
    { id, times, prefix },
  );
  expect(failed).toBeNull();
}

test('the customer page shows who changed which field, from what to what, and older changes on demand', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const name = `Hedy Lamarr ${tag}`;
  await openAs(page, 'sales1', '/customers');
  await createCustomer(page, name, `hedy.${tag}@example.com`);
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem').first()).toContainText('Created');
  await expect(history.getByRole('listitem').first()).toContainText('by Sam Seller');

  await page.getByRole('link', { name: 'Edit' }).click();
  const renamed = `Hedy K. Lamarr ${tag}`;
  await page.getByLabel('Name').fill(renamed);
  await page.getByLabel('Phone').fill('+1 555 0199');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(history.getByRole('listitem').nth(0)).toContainText(`Name: ${name} → ${renamed}`);
  await expect(history.getByRole('listitem').nth(1)).toContainText('Phone: — → +1 555 0199');
  await expect(history.getByRole('listitem').nth(1)).toContainText('by Sam Seller');
  await checkPage(page, testInfo, 'customer-history');

  // more than a page: 20 entries first, the rest on demand
  await renameRepeatedly(page, 20, `Renamed ${tag}`);
  await page.reload();
  await expect(history.getByRole('listitem')).toHaveCount(20);
  await expect(history.getByRole('listitem').first()).toContainText(`→ Renamed ${tag} 20`);
  await page.getByRole('button', { name: 'Older changes' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(23);
  await expect(history.getByRole('listitem').last()).toContainText('Created');
  await expect(page.getByRole('button', { name: 'Older changes' })).toHaveCount(0);
});

test("a lead's history shows its moves; another sales user sees neither the lead nor its history", async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const customer = `Margaret Hamilton ${tag}`;
  const title = `Guidance ${tag}`;
  await openAs(page, 'sales1', '/customers');
  await createCustomer(page, customer, `margaret.${tag}@example.com`);
  // lead-service learns of the customer from its event
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText(`Customer ${customer} created`);
  await page.getByRole('link', { name: 'New lead' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Value').fill('5000');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const leadUrl = page.url();

  await page.getByRole('button', { name: 'Start work' }).click();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText('Status: New → In progress');
  await expect(history.getByRole('listitem').first()).toContainText('by Sam Seller');
  await expect(history.getByRole('listitem').last()).toContainText('Created');
  await checkPage(page, testInfo, 'lead-history');

  // another sales user (openAs starts from no cookies: no CRM or Keycloak session of sales1 is left)
  await openAs(page, 'sales2', leadUrl);
  await expect(page.getByRole('alert')).toHaveText('Not found');
  await expect(page.getByRole('list', { name: 'History' })).toHaveCount(0);
  await openAs(page, 'support', leadUrl);
  await expect(page.getByRole('list', { name: 'History' }).getByRole('listitem').first())
    .toContainText('Status: New → In progress');
});
