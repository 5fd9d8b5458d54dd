import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';
import type { QueryDefinition, Widget } from './types';

async function openEditor() {
  const view = renderApp('/');
  const { user } = view;
  await user.click(await screen.findByRole('button', { name: 'Customize' }));
  await user.click(screen.getByRole('button', { name: 'Add widget' }));
  await user.click(within(screen.getByRole('dialog', { name: 'Add a widget' })).getByRole('button', { name: 'Build your own…' }));
  const editor = await screen.findByRole('dialog', { name: 'New widget' });
  return { ...view, editor };
}

async function choose(user: ReturnType<typeof renderApp>['user'], editor: HTMLElement, label: string, option: string) {
  await user.click(within(editor).getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('WidgetEditor', () => {
  const evaluated: QueryDefinition[] = [];
  const saved: Widget[][] = [];
  beforeEach(() => {
    evaluated.length = 0;
    saved.length = 0;
    signedInAs(['manager']);
    server.use(
      http.post(api('/reports/query'), async ({ request }) => {
        evaluated.push((await request.json()) as QueryDefinition);
        return HttpResponse.json({ groupBy: 'source', rows: [{ key: 'WEB', currency: 'EUR', value: '900.00' }] });
      }),
      http.put(api('/reports/dashboard/layout'), async ({ request }) => {
        const { widgets } = (await request.json()) as { widgets: Widget[] };
        saved.push(widgets);
        return HttpResponse.json({ widgets, source: 'user' });
      }),
    );
  });

  // eleven choices in menus: slow on a loaded machine
  it('builds "won value by source" as a bar chart: checked by the server, then saved in the layout', { timeout: 60_000 }, async () => {
    const { user, editor } = await openEditor();

    await user.type(within(editor).getByRole('textbox', { name: 'Title' }), 'Won value by source');
    await choose(user, editor, 'Dataset', 'Leads');
    await choose(user, editor, 'Metric', 'Sum');
    await choose(user, editor, 'Field', 'Value');
    await choose(user, editor, 'Group by', 'Source');
    await user.click(within(editor).getByRole('button', { name: 'Add filter' }));
    await choose(user, editor, 'Filter 1 field', 'Status');
    // a status by its name, sent as its code
    await choose(user, editor, 'Filter 1 value', 'Won');
    await choose(user, editor, 'Period', 'This quarter');
    await choose(user, editor, 'Chart', 'Bar chart');

    await user.click(within(editor).getByRole('button', { name: 'Preview' }));
    const preview = await within(editor).findByRole('region', { name: 'Preview' });
    expect(preview).toHaveTextContent('€900.00');

    await user.click(within(editor).getByRole('button', { name: 'Add widget' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const widget = saved[0]?.[0];
    expect(widget).toMatchObject({
      type: 'custom',
      title: 'Won value by source',
      settings: {
        chart: 'bar',
        period: 'this-quarter',
        query: {
          dataset: 'leads',
          metric: { function: 'sum', field: 'value' },
          groupBy: 'source',
          filters: [{ field: 'status', operator: 'eq', value: 'CLOSED_WON' }],
        },
      },
    });
    expect(evaluated.at(-1)?.from).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New widget' })).not.toBeInTheDocument());
    expect(await screen.findByRole('region', { name: 'Won value by source' })).toHaveTextContent('€900.00');
  });

  it('builds a number as one total: its grouping set aside while the chart is a number', { timeout: 60_000 }, async () => {
    const { user, editor } = await openEditor();
    await user.type(within(editor).getByRole('textbox', { name: 'Title' }), 'Won value');
    await choose(user, editor, 'Group by', 'Source');
    await choose(user, editor, 'Chart', 'Number');

    expect(within(editor).getByRole('combobox', { name: 'Group by' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(editor).getByText('A number shows one total')).toBeVisible();
    await user.click(within(editor).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(evaluated.at(-1)).toMatchObject({ groupBy: null }));
    await user.click(within(editor).getByRole('button', { name: 'Add widget' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.[0]).toMatchObject({ settings: { chart: 'number', query: { groupBy: null } } });
  });

  it('offers the values of a status or source by name, several for "is one of", and text for a tag', { timeout: 60_000 }, async () => {
    const { user, editor } = await openEditor();
    await user.type(within(editor).getByRole('textbox', { name: 'Title' }), 'Web and partner leads');
    await user.click(within(editor).getByRole('button', { name: 'Add filter' }));
    await choose(user, editor, 'Filter 1 field', 'Source');
    await choose(user, editor, 'Filter 1 operator', 'is one of');
    await user.click(within(editor).getByRole('combobox', { name: 'Filter 1 value' }));
    await user.click(await screen.findByRole('option', { name: 'Web' }));
    await user.click(screen.getByRole('option', { name: 'Partner' }));
    await user.keyboard('{Escape}');
    expect(within(editor).getByRole('combobox', { name: 'Filter 1 value' })).toHaveTextContent('Web, Partner');

    await user.click(within(editor).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(evaluated.at(-1)?.filters).toEqual([{ field: 'source', operator: 'in', value: ['WEB', 'PARTNER'] }]));

    // customers have no source: the filter goes with the dataset
    await choose(user, editor, 'Dataset', 'Customers');
    expect(within(editor).queryByRole('combobox', { name: 'Filter 1 field' })).not.toBeInTheDocument();
    await user.click(within(editor).getByRole('button', { name: 'Add filter' }));
    await choose(user, editor, 'Filter 1 field', 'Tag');
    await user.type(within(editor).getByRole('textbox', { name: 'Filter 1 value' }), 'vip');
    await user.click(within(editor).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(evaluated.at(-1)?.filters).toEqual([{ field: 'tag', operator: 'eq', value: 'vip' }]));
  });

  it("shows the server's 400 errors on the fields they name and saves nothing", async () => {
    server.use(
      http.post(api('/reports/query'), () =>
        problem(400, {
          title: 'Bad Request',
          detail: 'The widget definition is not valid',
          errors: [
            { field: 'groupBy', message: "leads have no dimension 'tag'" },
            { field: 'filters[0].field', message: "unknown field 'colour'" },
          ],
        }),
      ),
    );
    const { user, editor } = await openEditor();
    await user.type(within(editor).getByRole('textbox', { name: 'Title' }), 'Broken');
    await user.click(within(editor).getByRole('button', { name: 'Add filter' }));
    await user.click(within(editor).getByRole('button', { name: 'Add widget' }));

    expect(await within(editor).findByText("leads have no dimension 'tag'")).toBeVisible();
    expect(within(editor).getByRole('combobox', { name: 'Group by' })).toHaveAttribute('aria-invalid', 'true');
    expect(within(editor).getByText("unknown field 'colour'")).toBeVisible();
    expect(within(editor).getByRole('combobox', { name: 'Filter 1 field' })).toHaveAttribute('aria-invalid', 'true');
    expect(saved).toHaveLength(0);
  });

  it("maps a refused layout's errors (widgets[n].settings.query.…) onto the editor's fields", async () => {
    server.use(
      http.put(api('/reports/dashboard/layout'), () =>
        problem(400, { title: 'Bad Request', errors: [{ field: 'widgets[0].settings.query.metric.field', message: 'leads cannot sum amount' }] }),
      ),
    );
    const { user, editor } = await openEditor();
    await user.type(within(editor).getByRole('textbox', { name: 'Title' }), 'Sum');
    await user.click(within(editor).getByRole('button', { name: 'Add widget' }));

    expect(await within(editor).findByText('leads cannot sum amount')).toBeVisible();
    expect(screen.getByRole('dialog', { name: 'New widget' })).toBeVisible();
  });

  it('asks for a title before asking the server', async () => {
    const { user, editor } = await openEditor();
    await user.click(within(editor).getByRole('button', { name: 'Add widget' }));
    expect(await within(editor).findByText('Enter a title')).toBeVisible();
    expect(evaluated).toHaveLength(0);
  });
});
