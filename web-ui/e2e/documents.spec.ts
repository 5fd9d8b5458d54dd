import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { checkPage, createCustomer, openAs, uniqueTag } from './support/app';

test('sales1 uploads a document, sees it listed, downloads it and deletes it; support only reads', async ({
  page,
  anotherBrowser,
}, testInfo) => {
  const tag = uniqueTag(testInfo);
  const filename = `offer-${tag}.txt`;
  const content = `Our offer for ${tag}: 12 licences.\n`;
  await openAs(page, 'sales1', '/customers');
  const detailUrl = await createCustomer(page, `Ada Documents ${tag}`, `ada.docs.${tag}@example.com`);

  const section = page.getByRole('region', { name: 'Documents' });
  await expect(section.getByText('No documents yet.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Upload document' })).toBeVisible();
  await checkPage(page, testInfo, 'customer-documents-empty');

  // the button's file chooser (drag and drop lands in the same upload)
  await section.locator('input[type=file]').setInputFiles({
    name: filename,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(content),
  });
  await expect(section.getByRole('status')).toHaveText(`Uploaded ${filename}.`);
  const list = section.getByRole('list', { name: 'Documents' });
  const link = list.getByRole('link', { name: filename });
  await expect(link).toBeVisible();
  // the type comes from the bytes, not from what the browser said
  await expect(list).toContainText(/Text · \d+ bytes · Sam Seller · /);
  await checkPage(page, testInfo, 'customer-documents');

  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(filename);
  expect(await readFile(await download.path())).toEqual(Buffer.from(content));

  await expect(page.getByRole('list', { name: 'Activity' })).toContainText(`Document ${filename} attached`);

  // a type the CRM does not accept, whatever its name says, is refused with the server's reason
  await section.locator('input[type=file]').setInputFiles({
    name: `script-${tag}.pdf`,
    mimeType: 'application/pdf',
    buffer: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
  });
  await expect(section.getByRole('alert')).toContainText(`script-${tag}.pdf is not an accepted type of document`);
  await checkPage(page, testInfo, 'customer-documents-refused');

  // support sees and downloads it, and is offered neither upload nor delete
  const support = await anotherBrowser();
  await openAs(support, 'support', detailUrl);
  const supportSection = support.getByRole('region', { name: 'Documents' });
  await expect(supportSection.getByRole('link', { name: filename })).toBeVisible();
  await expect(supportSection.getByRole('button', { name: 'Upload document' })).toHaveCount(0);
  await expect(supportSection.getByRole('button', { name: `Delete ${filename}` })).toHaveCount(0);

  await section.getByRole('button', { name: `Delete ${filename}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${filename}?` });
  await expect(dialog).toBeVisible();
  await checkPage(page, testInfo, 'customer-document-delete-dialog');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(link).toHaveCount(0);
  await expect(section.getByText('No documents yet.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText(`Document ${filename} removed`);
});
