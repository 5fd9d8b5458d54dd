import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';
import { checkPage, openAs, openNavigation, uniqueTag, widthOf } from './support/app';

/** The titles of the dashboard's widgets in reading order (the order a phone shows them in). */
async function widgetTitles(page: Page): Promise<string[]> {
  return page.getByRole('main').getByRole('region').getByRole('heading', { level: 2 }).allTextContents();
}

async function choose(page: Page, editor: Locator, label: string, option: string): Promise<void> {
  await editor.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits until the layout the last change sent has been stored (the grid shows changes at once). */
async function saved(page: Page, change: () => Promise<void>): Promise<void> {
  const put = page.waitForResponse((response) => response.url().endsWith('/api/v1/reports/dashboard/layout') && response.request().method() === 'PUT');
  await change();
  expect((await put).ok()).toBe(true);
}

/** Where the stored layout puts a widget, as the next visit will show it. */
async function storedPlace(page: Page, title: string): Promise<{ x: number; y: number; w: number; h: number }> {
  const layout = await page.request.get('/api/v1/reports/dashboard/layout');
  expect(layout.ok()).toBe(true);
  const { widgets } = (await layout.json()) as { widgets: { title: string; x: number; y: number; w: number; h: number }[] };
  const { x, y, w, h } = widgets.find((widget) => widget.title === title)!;
  return { x, y, w, h };
}

/** A pointer drag as a person makes it: pressed where the pointer is, moved in steps, released; the layout stored. */
async function drag(page: Page, to: { x: number; y: number }, steps: number): Promise<void> {
  await saved(page, async () => {
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps });
    await page.mouse.up();
  });
}

/** The distance from one grid column to the next: a column and the gap after it, as the grid lays them out. */
async function columnPitch(widget: Locator): Promise<number> {
  return widget.evaluate((card) => {
    const grid = getComputedStyle(card.parentElement!);
    return parseFloat(grid.gridTemplateColumns) + parseFloat(grid.columnGap);
  });
}

test.describe.configure({ timeout: 300_000 });

test('a manager sees the headline figures, builds a widget, moves and resizes it by keyboard (and on a desktop by dragging), downloads its CSV, finds it in place after a reload, removes it, sees the new customer in the recent activity and exports a report as CSV and PDF; an admin publishes the default of a role', async ({ page }, testInfo) => {
  const title = `Won value by source ${uniqueTag(testInfo)}`;

  await openAs(page, 'manager', '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // the cards stand alone, or in the layout's headline widget (the built-in default has one)
  for (const name of ['Customers', 'Open leads', 'Pipeline value', 'Revenue this month', 'Conversion rate', 'Follow-ups due']) {
    const card = page.getByRole('main').getByRole('listitem', { name, exact: true }).first();
    await expect(card).toBeVisible();
    await expect(card).not.toContainText('…');
  }
  await expect(page.getByRole('button', { name: 'Customize' })).toBeVisible();
  await checkPage(page, testInfo, 'dashboard');

  // live: a customer created elsewhere counts on the open dashboard without a reload (server-sent events), within 2 s
  // of the write's answer (the system test recorded 356 and 366 ms); the page notes the moment its text changes
  const customers = page.getByRole('main').getByRole('listitem', { name: 'Customers', exact: true }).first();
  const newThisMonth = Number(/([\d,]+) new this month/.exec(await customers.innerText())?.[1].replace(/,/g, ''));
  expect(Number.isInteger(newThisMonth)).toBe(true);
  const expected = `${(newThisMonth + 1).toLocaleString('en-US')} new this month`;
  await page.evaluate((text) => {
    const live = window as unknown as { liveSeenAt?: number };
    delete live.liveSeenAt;
    const observer = new MutationObserver(() => {
      if (document.querySelector('main')?.textContent?.includes(text)) {
        live.liveSeenAt = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, expected);
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const created = await page.request.post('/api/v1/customers', {
    data: { name: `Live ${title}`, email: `live.${uniqueTag(testInfo)}@example.com` },
    headers: { 'X-XSRF-TOKEN': csrf },
  });
  const written = Date.now();
  expect(created.status()).toBe(201);
  await expect(customers).toContainText(expected, { timeout: 10_000 });
  const seenAt = await page.evaluate(() => (window as unknown as { liveSeenAt?: number }).liveSeenAt);
  expect(seenAt).toBeDefined();
  const live = Math.max(0, seenAt! - written);
  testInfo.annotations.push({ type: 'write to open dashboard', description: `${live} ms` });
  expect(live, 'from the write\'s answer to the open dashboard').toBeLessThanOrEqual(2_000);

  await page.getByRole('button', { name: 'Customize' }).click();
  const recentActivity = page.getByRole('region', { name: 'Recent activity', exact: true });
  if ((await recentActivity.count()) === 0) {
    // the built-in default has it; a layout without it gets it from the gallery (and so has a widget to move past)
    await page.getByRole('button', { name: 'Add widget' }).click();
    await saved(page, () => page.getByRole('dialog', { name: 'Add a widget' }).getByRole('button', { name: 'Add Recent activity' }).click());
  }
  // the feed names what just happened, the customer created above among it, and links to all of it
  await expect(recentActivity.getByRole('list', { name: 'Recent activity' })).toContainText(`Customer Live ${title} created`, { timeout: 15_000 });
  await expect(recentActivity.getByRole('link', { name: 'All activity' })).toBeVisible();
  const { id: createdId } = (await created.json()) as { id: string };
  await expect(recentActivity.getByRole('link', { name: `Customer Live ${title} created` })).toHaveAttribute('href', `/customers/${createdId}`);
  await page.getByRole('button', { name: 'Add widget' }).click();
  const gallery = page.getByRole('dialog', { name: 'Add a widget' });
  await expect(gallery).toBeVisible();
  await checkPage(page, testInfo, 'widget-gallery');
  await gallery.getByRole('button', { name: 'Build your own…' }).click();

  const editor = page.getByRole('dialog', { name: 'New widget' });
  await editor.getByRole('textbox', { name: 'Title' }).fill(title);
  await choose(page, editor, 'Dataset', 'Leads');
  await choose(page, editor, 'Metric', 'Sum');
  await choose(page, editor, 'Field', 'Value');
  await choose(page, editor, 'Group by', 'Source');
  await editor.getByRole('button', { name: 'Add filter' }).click();
  await choose(page, editor, 'Filter 1 field', 'Status');
  await choose(page, editor, 'Filter 1 operator', 'is');
  await choose(page, editor, 'Filter 1 value', 'Won');
  await choose(page, editor, 'Period', 'This quarter');
  await choose(page, editor, 'Chart', 'Bar chart');
  await editor.getByRole('button', { name: 'Preview' }).click();
  await expect(editor.getByRole('region', { name: 'Preview' })).toBeVisible();
  await checkPage(page, testInfo, 'widget-editor');
  await saved(page, () => editor.getByRole('button', { name: 'Add widget' }).click());
  await expect(editor).toBeHidden();

  const widget = page.getByRole('region', { name: title });
  await expect(widget).toBeVisible();
  // a chart (an image named by its values), or the words for no data
  await expect(widget.locator('[role="img"][aria-label^="Bar chart of"]').or(widget.getByText('No data for this period.'))).toBeVisible();
  const before = await widgetTitles(page);
  expect(before.at(-1)).toBe(title);

  // move it one place earlier and make it taller with its menu, by keyboard (the phone's way too; a desktop may drag)
  const byKeyboard = async (item: string) => {
    await widget.getByRole('button', { name: `Change ${title}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: item }).focus();
    await saved(page, () => page.keyboard.press('Enter'));
  };
  await byKeyboard('Move earlier');
  let moved = await widgetTitles(page);
  expect(moved.indexOf(title)).toBe(before.length - 2);
  await byKeyboard('Taller');
  if (widthOf(testInfo) === 'desktop') {
    // A wide screen with a pointer may drag as well: the widget onto the one before it takes that one's place, its
    // corner resizes it. The pointer moves as a person's would, both widgets on screen: a drag that scrolls the page
    // on its way picks up whatever is under the pointer once it moves.
    const index = moved.indexOf(title);
    await expect(page.getByRole('menu')).toBeHidden();
    await widget.evaluate((card) => card.scrollIntoView({ block: 'center' }));
    // hovering waits until the grid has settled after the last change
    await widget.getByRole('heading', { level: 2, name: title }).hover();
    const onto = (await page.getByRole('region', { name: moved[index - 1], exact: true }).boundingBox())!;
    await drag(page, { x: onto.x + onto.width / 2, y: onto.y + onto.height - 30 }, 10);
    moved = await widgetTitles(page);
    expect(moved.indexOf(title)).toBe(index - 1);

    const { w } = await storedPlace(page, title);
    const columns = w > 4 ? -2 : 2;
    const handle = widget.getByTitle('Drag to resize');
    await handle.scrollIntoViewIfNeeded();
    const corner = (await handle.boundingBox())!;
    const [x, y] = [corner.x + corner.width / 2, corner.y + corner.height / 2];
    await page.mouse.move(x, y);
    await drag(page, { x: x + columns * (await columnPitch(widget)), y }, 5);
    expect((await storedPlace(page, title)).w).toBe(w + columns);
  }
  const placed = await storedPlace(page, title);
  await checkPage(page, testInfo, 'dashboard-customizing');

  // its data as a file, from the same menu
  await widget.getByRole('button', { name: `Change ${title}` }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Download CSV' }).focus();
  const widgetCsv = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await widgetCsv).suggestedFilename()).toBe('leads.csv');
  await expect(page.getByText('Downloaded leads.csv')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('region', { name: title })).toBeVisible();
  expect(await widgetTitles(page)).toEqual(moved);
  expect(await storedPlace(page, title)).toEqual(placed);

  await page.getByRole('button', { name: 'Customize' }).click();
  await byKeyboard('Remove');
  await expect(page.getByRole('region', { name: title })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('region').first()).toBeVisible();
  await expect(page.getByRole('region', { name: title })).toHaveCount(0);

  await openNavigation(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sales performance' }).or(page.getByText('No leads in this period.'))).toBeVisible();
  // this month's funnel (the leads tests ran before) names each stage's count on the chart itself
  await expect(page.getByRole('region', { name: 'Funnel', exact: true })).toContainText(/Created: \d+/);
  // this month's revenue in one of the currencies money moved in (the Currency picker offers the others)
  const revenue = page.getByRole('region', { name: 'Revenue', exact: true });
  await expect(revenue.getByText(/^Total /)).toBeVisible();
  await expect(revenue.getByRole('combobox', { name: 'Currency' })).toBeVisible();
  await page.getByRole('button', { name: 'Last month' }).click();
  await expect(page).toHaveURL(/period=last-month/);
  await checkPage(page, testInfo, 'reports');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export sales performance as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  expect(await file.failure()).toBeNull();
  await expect(page.getByText(/^Downloaded .*\.csv$/)).toBeVisible();

  // the same report as a PDF, rendered by the server: a whole document
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export sales performance as PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfBytes = await readFile((await pdf.path())!);
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfBytes.subarray(-8).toString('latin1')).toContain('%%EOF');
  await expect(page.getByText(/^Downloaded .*\.pdf$/)).toBeVisible();

  // an admin publishes what they see as their role's default (the same widgets: nobody's dashboard changes)
  await openAs(page, 'admin', '/');
  await page.getByRole('button', { name: 'Customize' }).click();
  await page.getByRole('button', { name: 'Publish as default…' }).click();
  const publish = page.getByRole('dialog', { name: 'Publish as default for a role' });
  await choose(page, publish, 'Role', 'Admin');
  const put = page.waitForResponse((response) => response.url().endsWith('/api/v1/reports/dashboard/layouts/admin'));
  await publish.getByRole('button', { name: 'Publish for Admin' }).click();
  expect((await put).ok()).toBe(true);
  await expect(page.getByText('Published as the default dashboard for Admin')).toBeVisible();
  await expect(publish).toBeHidden();
});
