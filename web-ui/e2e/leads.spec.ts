import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { checkPage, createCustomer, expectRecordColumns, openAs, openNavigation, uniqueTag, widthOf } from './support/app';

/** From the customer page: "New lead", prefilled with the customer. Returns the new lead page's URL. */
async function createLeadFromCustomerPage(page: Page, customer: string, title: string, value: string): Promise<string> {
  await page.getByRole('link', { name: 'New lead' }).click();
  await expect(page.getByRole('heading', { name: 'New lead' })).toBeVisible();
  await expect(page.locator('#lead-customer')).toContainText(customer);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Value').fill(value);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return page.url();
}

// Each test walks a whole pipeline with several users: longer than one page's test.
test.describe.configure({ timeout: 300_000 });

const column = (page: Page, status: RegExp): Locator => page.getByRole('region', { name: status });
const card = (page: Page, title: string): Locator => page.getByRole('listitem').filter({ hasText: title });

/** Moves a card: by dragging it on wide screens, with its "Move to…" menu on phones (no drag and drop by touch). */
async function move(page: Page, title: string, to: 'In progress' | 'Won' | 'Lost', mobile: boolean): Promise<void> {
  const target = column(page, new RegExp(`^${to}`));
  if (mobile) {
    await page.getByRole('button', { name: `Move ${title} to…` }).click();
    await page.getByRole('menuitem', { name: to }).click();
  } else {
    await card(page, title).dragTo(target);
  }
}

test('sales1 creates a lead from a customer and works it through the pipeline to won, and another to lost', async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const mobile = widthOf(testInfo) === 'phone';
  const customer = `Ada Lovelace ${tag}`;
  const won = `Renewal ${tag}`;
  const lost = `Pilot ${tag}`;

  await openAs(page, 'sales1', '/customers');
  await createCustomer(page, customer, `ada.${tag}@example.com`, { onTimeline: true });
  const customerUrl = page.url();

  // typed as people write it, grouped: the lead is worth twelve and a half thousand
  const wonUrl = await createLeadFromCustomerPage(page, customer, won, '12,500');
  await expect(page.getByText('€12,500.00')).toBeVisible();
  // a sales user creating a lead gets it themself
  await expect(page.getByRole('definition').filter({ hasText: 'Sam Seller' })).toBeVisible();
  // the lead's own activity; the customer's whole timeline is a click away
  const leadActivity = page.getByRole('list', { name: 'Activity of this lead' });
  await expect(leadActivity).toContainText(`Lead ${won} created`);
  await expect(page.getByRole('link', { name: "Customer's timeline" })).toHaveAttribute('href', new URL(customerUrl).pathname);
  // a follow-up about the lead: on the lead's page, and in its activity
  const call = `Call about ${won}`;
  await page.getByRole('button', { name: 'New follow-up' }).click();
  const followUp = page.getByRole('dialog', { name: 'New follow-up' });
  await followUp.getByLabel('Title').fill(call);
  await followUp.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(followUp).toBeHidden();
  await expect(page.getByRole('list', { name: 'Open follow-ups' })).toContainText(call);
  await expect(leadActivity).toContainText(`Follow-up ${call} created for Sam Seller`);
  // the lead's own notes: on its page and in its activity
  const leadNotes = page.getByRole('region', { name: 'Notes', exact: true });
  // two note editors on one page, each named by whose note it adds
  await leadNotes.getByRole('textbox', { name: 'New note on this lead' }).click();
  await page.keyboard.type('Budget approved by the board');
  await leadNotes.getByRole('button', { name: 'Add note' }).click();
  await expect(leadNotes.getByRole('list', { name: 'Notes' })).toContainText('Budget approved by the board');
  await expect(leadActivity).toContainText(`Note on lead ${won} added: Budget approved by the board`);
  // the customer's notes, written from the lead's page too (sales1 owns the customer)
  const notes = page.getByRole('region', { name: `Notes on ${customer}` });
  await notes.getByRole('textbox', { name: `New note on ${customer}` }).click();
  await page.keyboard.type(`Wants a discount on ${won}`);
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByRole('list', { name: `Notes on ${customer}` })).toContainText(`Wants a discount on ${won}`);
  const payments = page.getByRole('region', { name: 'Payments', exact: true });
  await expectRecordColumns(payments, page.getByRole('region', { name: 'Activity of this lead' }), testInfo);
  await checkPage(page, testInfo, 'lead-detail');

  await page.goto(customerUrl);
  // the customer's page lists its leads
  await expect(page.getByRole('region', { name: 'Leads', exact: true }).getByRole('link', { name: won })).toBeVisible();
  await createLeadFromCustomerPage(page, customer, lost, '800');

  // one search, from any page, finds the customer and both leads (Ctrl+K on a desktop, the top bar's button on a phone)
  if (mobile) await page.getByRole('button', { name: 'Quick search' }).click();
  else await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Quick search' });
  await search.getByRole('combobox', { name: 'Search customers and leads' }).fill(tag);
  await expect(search.getByRole('group', { name: 'Customers' }).getByRole('option')).toHaveText([new RegExp(customer)]);
  await expect(search.getByRole('group', { name: 'Leads' }).getByRole('option')).toHaveCount(2);
  await checkPage(page, testInfo, 'quick-search');
  await search.getByRole('option', { name: new RegExp(won) }).click();
  await expect(page.getByRole('heading', { level: 1, name: won })).toBeVisible();

  // the board, narrowed to this run's leads by the search
  await openNavigation(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(page.getByRole('heading', { name: 'Pipeline' })).toBeVisible();
  await page.getByLabel('Search leads').fill(tag);
  await expect(column(page, /^New/).getByRole('link', { name: won })).toBeVisible();
  await expect(column(page, /^New/).getByRole('link', { name: lost })).toBeVisible();
  await expect(column(page, /^New/).getByRole('heading')).toHaveText('New (2)');
  await checkPage(page, testInfo, 'lead-board');

  await move(page, won, 'In progress', mobile);
  await expect(column(page, /^In progress/).getByRole('link', { name: won })).toBeVisible();

  if (!mobile) {
    // won straight from new is refused by lead-service, and the board says why
    await card(page, lost).dragTo(column(page, /^Won/));
    await expect(page.getByRole('alert')).toContainText(`“${lost}” cannot move from New to Won`);
    await expect(page.getByRole('alert')).toContainText('From New it can move to: In progress, Lost');
    await checkPage(page, testInfo, 'lead-board-refused');
    await expect(column(page, /^New/).getByRole('link', { name: lost })).toBeVisible();
  }

  await move(page, won, 'Won', mobile);
  await expect(column(page, /^Won/).getByRole('link', { name: won })).toBeVisible();

  await move(page, lost, 'Lost', mobile);
  const dialog = page.getByRole('dialog', { name: `Mark “${lost}” as lost` });
  await expect(dialog).toBeVisible();
  await checkPage(page, testInfo, 'lead-lost-reason');
  await dialog.getByLabel('Reason').fill('Chose a competitor');
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(dialog).toBeHidden();
  await expect(column(page, /^Lost/).getByRole('link', { name: lost })).toBeVisible();
  await expect(column(page, /^Lost/).getByRole('heading')).toHaveText('Lost (1)');

  await column(page, /^Lost/).getByRole('link', { name: lost }).click();
  await expect(page.getByRole('heading', { level: 1, name: lost })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Chose a competitor' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();

  await page.goto(wonUrl);
  await expect(page.getByRole('main').getByText('Won', { exact: true }).first()).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Activity of this lead' });
  await expect(timeline).toContainText(`Lead ${won} moved from In progress to Won`);
  // a win marked by mistake can be taken back
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // the list: my leads, searchable
  await page.goto(`/leads?q=${tag}`);
  await expect(page.getByRole('heading', { name: 'My leads' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Showing 2 leads');
  await checkPage(page, testInfo, 'leads');

  // and the customer's page, each lead where it ended
  await page.goto(customerUrl);
  const leads = page.getByRole('region', { name: 'Leads', exact: true });
  await expect(leads.getByRole('listitem').filter({ hasText: won })).toContainText('Won');
  await expect(leads.getByRole('listitem').filter({ hasText: lost })).toContainText('Lost');
  await checkPage(page, testInfo, 'customer-leads');
});

test("a sales user sees only their own leads; the manager assigns and sees them all; support only reads", async ({ page }, testInfo) => {
  const tag = uniqueTag(testInfo);
  const customer = `Grace Hopper ${tag}`;
  const title = `Expansion ${tag}`;

  const manager = page;
  await openAs(manager, 'manager', '/customers');
  await createCustomer(manager, customer, `grace.${tag}@example.com`, { onTimeline: true });
  await manager.getByRole('link', { name: 'New lead' }).click();
  await manager.getByLabel('Title').fill(title);
  await manager.getByLabel('Value').fill('5000');
  await manager.getByRole('combobox', { name: 'Assignee' }).click();
  await manager.getByRole('option', { name: 'Sara Seller' }).click();
  await manager.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(manager.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const leadUrl = manager.url();
  await expect(manager.getByRole('combobox', { name: 'Assignee' })).toHaveText('Sara Seller');
  await checkPage(manager, testInfo, 'lead-detail-manager');
  await manager.goto('/leads');
  await expect(manager.getByRole('heading', { name: 'Leads' })).toBeVisible();
  // the demo's and the tests' leads: a page of them, and how many in all
  await expect(manager.getByRole('status')).toHaveText(/^Showing 50 of \d{1,3}(,\d{3})* leads$/);
  await manager.getByLabel('Search leads').fill(tag);
  await expect(manager.getByRole('status')).toHaveText('Showing 1 lead');
  // another user (openAs starts from no cookies: no CRM or Keycloak session is left)
  const sales = page;
  await openAs(sales, 'sales1', `/leads?q=${tag}`);
  await expect(sales.getByRole('status')).toHaveText('No leads match these filters.');
  await sales.goto(leadUrl);
  await expect(sales.getByRole('alert')).toHaveText('Not found');
  const support = page;
  await openAs(support, 'support', leadUrl);
  await expect(support.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(support.getByRole('button', { name: 'Start work' })).toHaveCount(0);
  await expect(support.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await support.goto('/leads/new');
  await expect(support.getByRole('alert')).toHaveText("You don't have access to this page.");
});
