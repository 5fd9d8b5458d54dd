import type { Locator, Page, TestInfo } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from './test';

/** The titles of the dashboard's widgets in reading order (the order a phone shows them in). */
export async function widgetTitles(page: Page): Promise<string[]> {
  return page.getByRole('main').getByRole('region').getByRole('heading', { level: 2 }).allTextContents();
}

export async function choose(page: Page, editor: Locator, label: string, option: string): Promise<void> {
  await editor.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits until the layout the last change sent has been stored (the grid shows changes at once). */
export async function saved(page: Page, change: () => Promise<void>): Promise<void> {
  const put = page.waitForResponse((response) => response.url().endsWith('/api/v1/reports/dashboard/layout') && response.request().method() === 'PUT');
  await change();
  expect((await put).ok()).toBe(true);
}

/** Where the stored layout puts a widget, as the next visit will show it. */
export async function storedPlace(page: Page, title: string): Promise<{ x: number; y: number; w: number; h: number }> {
  const layout = await page.request.get('/api/v1/reports/dashboard/layout');
  expect(layout.ok()).toBe(true);
  const { widgets } = (await layout.json()) as { widgets: { title: string; x: number; y: number; w: number; h: number }[] };
  const { x, y, w, h } = widgets.find((widget) => widget.title === title)!;
  return { x, y, w, h };
}

/** A pointer drag as a person makes it: pressed where the pointer is, moved in steps, released; the layout stored. */
export async function drag(page: Page, to: { x: number; y: number }, steps: number): Promise<void> {
  await saved(page, async () => {
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps });
    await page.mouse.up();
  });
}

/** The distance from one grid column to the next: a column and the gap after it, as the grid lays them out. */
export async function columnPitch(widget: Locator): Promise<number> {
  return widget.evaluate((card) => {
    const grid = getComputedStyle(card.parentElement!);
    return parseFloat(grid.gridTemplateColumns) + parseFloat(grid.columnGap);
  });
}

/**
 * Runs `section` while no other worker of this run is in a section of the same name: a directory as the lock, as
 * creating one is atomic. It lives in the run's output directory, which Playwright empties before each run.
 */
export async function alone<T>(testInfo: TestInfo, name: string, section: () => Promise<T>): Promise<T> {
  const lock = path.join(testInfo.project.outputDir, `${name}.lock`);
  mkdirSync(testInfo.project.outputDir, { recursive: true });
  await expect.poll(() => {
    try {
      mkdirSync(lock);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }, { message: `the lock ${lock}`, timeout: 60_000 }).toBe(true);
  try {
    return await section();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
