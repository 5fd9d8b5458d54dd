import { expect, test } from './support/test';
import { checkPage, openAs, uniqueTag, widthOf } from './support/app';
import { choose, columnPitch, drag, saved, storedPlace, widgetTitles } from './support/dashboard';

test.describe.configure({ timeout: 300_000 });

test('a user builds a widget, moves and resizes it by keyboard (and on a desktop by dragging), downloads its CSV, finds it in place after a reload and removes it', async ({ page }, testInfo) => {
  const title = `Won value by source ${uniqueTag(testInfo)}`;

  // each width on a dashboard of its own: the two may run at the same time
  await openAs(page, widthOf(testInfo) === 'desktop' ? 'manager' : 'admin', '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('button', { name: 'Customize' }).click();
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
});
