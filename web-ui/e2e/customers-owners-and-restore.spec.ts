import { expect, test } from './support/test';
import { checkPage, createCustomer, openAs, openNavigation, uniqueTag } from './support/app';

test('sales1 gives a customer company and tags, filters by tag and "My customers", and cannot edit another’s', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const name = `Ada Lovelace ${tag}`;
  const label = `t${tag}`.toLowerCase().slice(0, 40);
  await openAs(page, 'sales1', '/customers');
  const detailUrl = await createCustomer(page, name, `ada.${tag}@example.com`, { company: `Analytical Engines ${tag}`, tags: [label, 'VIP'] });

  await expect(page.getByText(`Analytical Engines ${tag}`)).toBeVisible();
  await expect(page.getByText(label, { exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByText('Sam Seller', { exact: true })).toBeVisible();
  await checkPage(page, testInfo, 'customer-detail-owner');

  // the search also matches the company; the tag and owner filters narrow it
  await page.goto('/customers');
  await page.getByLabel('Search customers').fill(`Analytical Engines ${tag}`);
  const rows = page.getByRole('table', { name: 'Customers' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Search customers').fill('');
  await page.getByRole('searchbox', { name: 'Tag' }).fill(label);
  await expect(page).toHaveURL(new RegExp(`tag=${label}`));
  await expect(rows).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'My customers' }).click();
  await expect(page).toHaveURL(/owner=me/);
  await expect(rows).toHaveCount(2);
  await checkPage(page, testInfo, 'customers-filtered');

  // sales2 reads it but is offered no edit, and the edit page says why
  await openAs(page, 'sales2', detailUrl);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveText('Only Sam Seller, a manager or an admin may change this customer.');
  await page.goto(`${detailUrl}/edit`);
  await expect(page.getByText(/Only Sam Seller, a manager or an admin may edit/)).toBeVisible();
});

test('manager reassigns a customer, deletes it and restores it from Recently deleted', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const name = `Grace Hopper ${tag}`;
  await openAs(page, 'manager', '/customers');
  const detailUrl = await createCustomer(page, name, `grace.${tag}@example.com`, { company: `Navy ${tag}`, tags: ['cobol'] });

  // the owner picker: give it to Sara Seller
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'Sara Seller' }).click();
  await expect(page.getByRole('combobox', { name: 'Owner' })).toHaveText(/Sara Seller/);
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText('Owner changed to Sara Seller');
  await checkPage(page, testInfo, 'customer-owner-picker');

  // delete says it can be restored for 30 days
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
  await expect(dialog).toContainText('30 days');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/customers$/);

  // Recently deleted, from the navigation
  await openNavigation(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recently deleted' }).click();
  await expect(page.getByRole('heading', { name: 'Recently deleted' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await checkPage(page, testInfo, 'customers-recently-deleted');
  await row.getByRole('button', { name: `Restore ${name}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} is restored.` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);

  await page.goto(detailUrl);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText(`Customer ${name} restored`);
});

test('sales users are offered no "Recently deleted"', async ({ page }) => {
  await openAs(page, 'sales1', '/customers');
  await openNavigation(page);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recently deleted' })).toHaveCount(0);
  await page.goto('/customers/deleted');
  await expect(page.getByRole('alert')).toHaveText("You don't have access to this page.");
});
