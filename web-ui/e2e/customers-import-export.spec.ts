import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { checkPage, openAs, uniqueTag } from './support/app';

test('manager imports customers from a CSV file, checked row by row first, exports what a search finds and updates them from the edited export', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const file = [
    'Name;E-mail;Phone;Company;Tags;Owner;Notes',
    `Imported One ${tag};one.${tag}@example.com;'+44 20 7946 0001;Importers ${tag};${tag}, vip;Sam Seller;met at the fair`,
    `Bad Row ${tag};not-an-email;;;;;`,
    `Imported Two ${tag};two.${tag}@example.com;;Importers ${tag};${tag};;`,
    `Again ${tag};ONE.${tag}@example.com;;;;;`,
  ].join('\r\n');

  await openAs(page, 'manager', '/customers');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import customers' });
  const template = page.waitForEvent('download');
  await dialog.getByRole('link', { name: 'Download a template' }).click();
  const templateFile = await template;
  expect(templateFile.suggestedFilename()).toBe('customers-template.csv');
  expect(await readFile((await templateFile.path())!, 'utf8')).toMatch(/^Name,Email,Phone,Company,Tags,Owner\r\n/);
  await dialog.getByLabel('CSV file of customers').setInputFiles({
    name: `customers-${tag}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(file, 'utf8'),
  });

  // the check: what would be imported, skipped and refused, nothing created yet
  await expect(dialog.getByText('4 rows read: 2 new customers ready to import.')).toBeVisible();
  await expect(dialog.getByText(/^1 row skipped: its email is already a customer’s or an earlier row’s \(rows 5\)/)).toBeVisible();
  await expect(dialog.getByText('Not imported: the column Notes.')).toBeVisible();
  const problems = dialog.getByRole('table', { name: 'Rows with problems' });
  await expect(problems.getByRole('row')).toHaveCount(2);
  await expect(problems.getByRole('row').nth(1)).toContainText('3email');
  await checkPage(page, testInfo, 'customers-import-check');

  await dialog.getByRole('button', { name: 'Import 2 customers' }).click();
  await expect(dialog.getByText('2 customers imported.')).toBeVisible();
  await checkPage(page, testInfo, 'customers-import-done');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // the list shows them at once; their company, phone and owner came from the file
  await page.getByLabel('Search customers').fill(`Importers ${tag}`);
  const rows = page.getByRole('table', { name: 'Customers' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 2 customers');
  await checkPage(page, testInfo, 'customers-export');

  // the export: every customer the search matches, in the columns an import reads back
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const exported = await download;
  expect(exported.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await exported.path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('Name,Email,Phone,Company,Tags,Owner,Created,Id');
  expect(lines).toHaveLength(3);
  expect(csv).toContain(`Imported One ${tag},one.${tag}@example.com,'+44 20 7946 0001,Importers ${tag},${tag}; vip,Sam Seller,`);
  expect(csv).toContain(`Imported Two ${tag},two.${tag}@example.com,,Importers ${tag},${tag},Max Manager,`);
  await expect(page.getByText(/^Downloaded customers-.*\.csv$/)).toBeVisible();

  // the export edited as in a spreadsheet and imported again: the customers it finds by email are updated
  const edited = csv.replace(`Imported Two ${tag},two.${tag}@example.com,,`, `Renamed Two ${tag},two.${tag}@example.com,+1 555 0100,`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByLabel('CSV file of customers').setInputFiles({ name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(edited, 'utf8') });
  await expect(dialog.getByText(/^2 rows read: nothing to import\./)).toBeVisible();
  await dialog.getByRole('checkbox', { name: /Update customers already in the CRM/ }).check();
  await expect(dialog.getByText('2 rows read: 1 customer to update. 1 customer is as in the file already.')).toBeVisible();
  await checkPage(page, testInfo, 'customers-import-update');
  await dialog.getByRole('button', { name: 'Update 1 customer' }).click();
  await expect(dialog.getByText(/^1 customer updated\./)).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('link', { name: `Renamed Two ${tag}` }).click();
  await expect(page.getByRole('main').getByText('+1 555 0100')).toBeVisible();
});

test('sales1 imports only customers they own and is offered no export', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  await openAs(page, 'sales1', '/customers');
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import customers' });
  await dialog.getByLabel('CSV file of customers').setInputFiles({
    name: 'mine.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`Name,Email,Owner\nMine ${tag},mine.${tag}@example.com,\nTheirs ${tag},theirs.${tag}@example.com,Max Manager\n`),
  });
  await expect(dialog.getByText('2 rows read: 1 new customer ready to import.')).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Rows with problems' })).toContainText('You can import only customers you own');
  await dialog.getByRole('button', { name: 'Import 1 customer' }).click();
  await expect(dialog.getByText('1 customer imported.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByLabel('Search customers').fill(tag);
  await expect(page.getByRole('table', { name: 'Customers' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: `Mine ${tag}` }).click();
  await expect(page.getByRole('main').getByText('Sam Seller', { exact: true })).toBeVisible();
});
