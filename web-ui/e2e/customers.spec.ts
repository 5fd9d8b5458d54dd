import { expect, test } from './support/test';
import { checkPage, createCustomer, expectRecordColumns, openAs, uniqueTag } from './support/app';

test('sales1 creates, finds, opens and edits a customer, and is not offered delete', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const name = `Grace Hopper ${tag}`;
  const email = `grace.${tag}@example.com`;

  await openAs(page, 'sales1', '/customers');
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(page.getByLabel('Signed in as')).toHaveText('Sam Seller');
  // hundreds of demo customers and those the tests add: a page of them, and how many in all
  await expect(page.getByRole('status').filter({ hasText: 'Showing' }))
    .toHaveText(/^Showing 50 of \d{1,3}(,\d{3})*\+? customers$/);
  await checkPage(page, testInfo, 'customers');

  // client-side validation before anything reaches the server
  await page.getByRole('main').getByRole('link', { name: 'New customer' }).click();
  await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByText('Email is required')).toBeVisible();
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await checkPage(page, testInfo, 'customer-new');
  await page.getByRole('button', { name: 'Cancel' }).click();

  const detailUrl = await createCustomer(page, name, email, { phone: '+1 555 0100' });
  await expect(page.getByText(email)).toBeVisible();
  // the activity service records the creation from the customer's event
  const timeline = page.getByRole('list', { name: 'Activity' });
  await expect(timeline).toContainText(`Customer ${name} created`);
  await expect(timeline).toContainText('by Sam Seller');
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expectRecordColumns(
    page.getByRole('region', { name: 'Leads', exact: true }),
    page.getByRole('region', { name: 'Activity', exact: true }),
    testInfo,
  );
  await checkPage(page, testInfo, 'customer-detail');

  // a second customer with the same email: the server's 409 shows on the email field
  await page.goto('/customers');
  await page.getByRole('main').getByRole('link', { name: 'New customer' }).click();
  await page.getByLabel('Name').fill(`Duplicate ${tag}`);
  await page.getByLabel('Email').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.locator('#customer-email-helper-text')).toContainText(/already/i);
  await page.getByRole('button', { name: 'Cancel' }).click();

  // search finds it, and only what matches
  await page.getByLabel('Search customers').fill(tag);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  const rows = page.getByRole('table', { name: 'Customers' }).getByRole('row');
  await expect(rows).toHaveCount(2); // header + the one customer
  await expect(page.getByRole('status')).toHaveText('Showing 1 customer');
  await checkPage(page, testInfo, 'customers-search');
  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(detailUrl);

  // edit
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: `Edit ${name}` })).toBeVisible();
  await checkPage(page, testInfo, 'customer-edit');
  const renamed = `Grace B. Hopper ${tag}`;
  await page.getByLabel('Name').fill(renamed);
  await page.getByLabel('Phone').fill('+1 555 0199');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(detailUrl);
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  // exact: the history section also shows the change ("Phone: +1 555 0100 → +1 555 0199")
  await expect(page.getByText('+1 555 0199', { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText(`Customer ${renamed} updated`);
});

test('manager deletes a customer after confirming', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const name = `Alan Turing ${tag}`;
  await openAs(page, 'manager', '/customers');
  await createCustomer(page, name, `alan.${tag}@example.com`);

  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
  await expect(dialog).toBeVisible();
  await checkPage(page, testInfo, 'customer-delete-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/customers$/);
  // the list says which customer went, with Undo (restoring is tried in customers-owners-and-restore)
  const deleted = page.getByRole('status').filter({ hasText: 'was deleted' });
  await expect(deleted).toContainText(`${name} was deleted.`);
  await expect(deleted.getByRole('button', { name: 'Undo' })).toBeVisible();
  await deleted.getByRole('button', { name: 'Dismiss' }).click();
  await expect(deleted).toHaveCount(0);
  await page.getByLabel('Search customers').fill(tag);
  // a manager's list also has the export's status (its progress)
  await expect(page.getByRole('status').filter({ hasText: 'customers' })).toHaveText(`No customers match “${tag}”.`);
});

test('support reads customers but cannot create them', async ({ page }, testInfo) => {
  await openAs(page, 'support', '/customers');
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New customer' })).toHaveCount(0);

  await page.goto('/customers/new');
  await expect(page.getByRole('alert')).toHaveText("You don't have access to this page.");
  await checkPage(page, testInfo, 'no-access');
});

test('an edit that crosses another one is reported and the form reloads the newer version', async ({ page, context }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const name = `Katherine Johnson ${tag}`;
  await openAs(page, 'sales1', '/customers');
  const detailUrl = await createCustomer(page, name, `katherine.${tag}@example.com`);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: `Edit ${name}` })).toBeVisible();

  // meanwhile, in another tab, the same customer is changed and saved
  const otherTab = await context.newPage();
  await otherTab.goto(`${detailUrl}/edit`);
  await otherTab.getByLabel('Phone').fill('+1 555 0111');
  await otherTab.getByRole('button', { name: 'Save' }).click();
  await expect(otherTab.getByText('+1 555 0111', { exact: true })).toBeVisible();
  await otherTab.close();

  await page.getByLabel('Phone').fill('+1 555 0222');
  await page.getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this customer' });
  await expect(conflict).toBeVisible();
  await checkPage(page, testInfo, 'customer-edit-conflict');
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Phone')).toHaveValue('+1 555 0111');
  await expect(conflict).toBeHidden();
});
