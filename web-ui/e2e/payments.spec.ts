import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { checkPage, createCustomer, openAs, openNavigation, uniqueTag } from './support/app';

/** Creates a customer and waits until its creation is on the timeline (its event has travelled to the others). */
/** Fills the "Record payment" dialog; `submit` presses its button as a person might (a click, a double click). */
async function fillPayment(page: Page, amount: string, method: string) {
  await page.getByRole('button', { name: 'Record payment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record payment' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Amount').fill(amount);
  await dialog.getByRole('combobox', { name: 'Method' }).click();
  await page.getByRole('option', { name: method }).click();
  return dialog;
}

test.describe.configure({ timeout: 300_000 });

test('a manager records a payment on a customer (a double click records once), refunds part of it and finds it on the Payments page', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const customer = `Ada Lovelace ${tag}`;

  await openAs(page, 'manager', '/customers');
  await createCustomer(page, customer, `ada.${tag}@example.com`, { onTimeline: true });
  const payments = page.getByRole('list', { name: 'Payments' });
  const timeline = page.getByRole('list', { name: 'Activity' });
  await expect(page.getByText('No payments yet.')).toBeVisible();

  let dialog = await fillPayment(page, '120.5', 'Bank transfer');
  await dialog.getByLabel('Amount').fill('120.505');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog.getByText('At most 2 decimals for EUR')).toBeVisible();
  await checkPage(page, testInfo, 'payment-record');
  await dialog.getByLabel('Amount').fill('120.5');
  await dialog.getByRole('button', { name: 'Record' }).dblclick();
  await expect(dialog).toBeHidden();

  await expect(payments.getByRole('listitem')).toHaveCount(1);
  await expect(payments).toContainText('€120.50');
  await expect(payments).toContainText('Completed');
  await expect(page.getByRole('list', { name: 'Payment totals' })).toContainText('€120.50 net');
  await expect(timeline).toContainText('Payment of EUR 120.50 recorded (bank transfer)');
  // once: a reload shows the one payment still, and the timeline one entry for it
  await page.reload();
  await expect(timeline).toContainText('Payment of EUR 120.50 recorded (bank transfer)');
  await expect(payments.getByRole('listitem')).toHaveCount(1);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Payment of EUR 120.50 recorded' })).toHaveCount(1);
  await checkPage(page, testInfo, 'customer-payments');

  await payments.getByRole('button', { name: 'Refund' }).click();
  dialog = page.getByRole('dialog', { name: 'Refund payment' });
  await expect(dialog).toContainText('€120.50 left to refund');
  await dialog.getByRole('radio', { name: 'Part of it' }).check();
  await dialog.getByLabel(/Amount/).fill('200');
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await expect(dialog.getByText('At most 120.50 EUR')).toBeVisible();
  await checkPage(page, testInfo, 'payment-refund');
  await dialog.getByLabel(/Amount/).fill('20');
  await dialog.getByLabel(/Reason/).fill('Scratched on delivery');
  await dialog.getByRole('button', { name: 'Refund' }).click();
  await expect(dialog).toBeHidden();
  await expect(payments).toContainText('Partly refunded');
  await expect(payments).toContainText('€20.00 refunded');
  await expect(page.getByRole('list', { name: 'Payment totals' })).toContainText('€100.50 net');
  await expect(timeline).toContainText('EUR 20.00 refunded of EUR 120.50');

  await payments.getByRole('button', { name: 'History' }).click();
  dialog = page.getByRole('dialog', { name: /^Payment/ });
  await expect(dialog.getByRole('heading', { name: 'History' })).toBeVisible();
  // the refund with the reason given for it
  await expect(dialog.getByRole('list', { name: 'Refunds' })).toContainText('€20.00 · Scratched on delivery');
  await expect(dialog.getByRole('list', { name: 'History' }).or(dialog.getByText('No changes recorded yet.'))).toBeVisible();
  await checkPage(page, testInfo, 'payment-history');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openNavigation(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Payment totals' })).toContainText('Received from every payment');
  // recorded from here: the dialog asks for the customer first; the newest payment comes first
  dialog = await fillPayment(page, '42', 'Cash');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog.getByText('Choose the customer')).toBeVisible();
  await dialog.getByRole('searchbox', { name: 'Customer' }).fill(customer);
  await dialog.getByRole('button', { name: new RegExp(customer) }).click();
  await expect(dialog.getByText('Choose the customer')).toBeHidden();
  await checkPage(page, testInfo, 'payments-record');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Payments' }).getByRole('listitem').first()).toContainText(customer);
  await expect(page.getByRole('list', { name: 'Payments' }).getByRole('listitem').first()).toContainText('€42.00');

  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Partly refunded' }).click();
  await expect(page).toHaveURL(/status=PARTIALLY_REFUNDED/);
  await expect(page.getByRole('list', { name: 'Payments' })).toContainText(customer);
  await expect(page.getByRole('list', { name: 'Payment totals' })).toContainText('Received from every payment these filters select');
  await checkPage(page, testInfo, 'payments-list');
  await page.getByRole('combobox', { name: 'Currency' }).click();
  await page.getByRole('option', { name: 'JPY' }).click();
  await expect(page.getByText('No payments match these filters.')).toBeVisible();

  // the recent-activity feed narrowed to payments: the refund among them, nobody's other doings
  await openNavigation(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recent activity' }).click();
  await page.getByRole('group', { name: 'Show only' }).getByRole('button', { name: 'Payments' }).click();
  const feed = page.getByRole('list', { name: 'All activity' });
  // each entry names its customer: the refund and the payment recorded on the Payments page are this customer's
  const theirs = feed.getByRole('listitem').filter({ hasText: customer });
  await expect(theirs.filter({ hasText: 'EUR 20.00 refunded of EUR 120.50' })).toHaveCount(1);
  await expect(theirs.filter({ hasText: 'Payment of EUR 42.00 recorded (cash)' })).toHaveCount(1);
  await expect(feed.getByRole('listitem').filter({ hasNotText: 'Payments' })).toHaveCount(0);
  await checkPage(page, testInfo, 'activity-payments');
});

test('a sales user retries after a lost answer and still records once; they are offered no refund', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const customer = `Grace Hopper ${tag}`;

  await openAs(page, 'sales1', '/customers');
  await createCustomer(page, customer, `grace.${tag}@example.com`, { onTimeline: true });

  // the first answer is lost on its way back: payment-service has recorded the payment, the browser saw no answer
  let lost = false;
  await page.route('**/api/v1/payments', async (route) => {
    if (route.request().method() === 'POST' && !lost) {
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
      return;
    }
    await route.fallback();
  });
  const dialog = await fillPayment(page, '35', 'Cash');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog.getByText('The CRM cannot be reached. Check your connection.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog).toBeHidden();
  await page.unroute('**/api/v1/payments');

  const payments = page.getByRole('list', { name: 'Payments' });
  await expect(payments.getByRole('listitem')).toHaveCount(1);
  await expect(payments).toContainText('€35.00');
  await expect(payments.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Activity' })).toContainText('Payment of EUR 35.00 recorded (cash)');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Payments' }).getByRole('listitem')).toHaveCount(1);
  await checkPage(page, testInfo, 'customer-payments-sales');

  await openNavigation(page);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payments' })).toHaveCount(0);
});
