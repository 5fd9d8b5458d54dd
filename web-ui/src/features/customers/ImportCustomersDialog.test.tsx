import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, server, signedInAs } from '../../test/server';
import type { CustomerImportReport } from './types';

const report = (dryRun: boolean, updating: boolean): CustomerImportReport => ({
  dryRun,
  encoding: 'windows-1252',
  rows: 4,
  accepted: 2,
  updated: updating ? 1 : 0,
  unchanged: updating ? 1 : 0,
  skipped: [{ row: 5, email: 'ada@example.com', reason: 'Same email as row 2.' }],
  errors: [{ row: 3, field: 'email', message: 'must be a well-formed email address' }],
  ignoredColumns: ['Notes'],
});

/**
 * Answers imports with the report above (one customer to update and one as it is when asked to update); returns each
 * request's dryRun, existing and whether it sent a file, in order.
 */
function recordImports(): string[] {
  const requests: string[] = [];
  server.use(
    http.get(api('/customers'), () => HttpResponse.json({ items: [aCustomer(1)], nextCursor: null })),
    http.post(api('/customers/import'), async ({ request }) => {
      const params = new URL(request.url).searchParams;
      const file = (await request.formData()).get('file');
      requests.push(`dryRun=${params.get('dryRun')} existing=${params.get('existing')}${file === null ? '' : ' with a file'}`);
      return HttpResponse.json(report(params.get('dryRun') === 'true', params.get('existing') === 'update'));
    }),
  );
  return requests;
}

describe('Import customers', () => {
  it('checks the chosen file first, shows every row it would skip or refuse, and imports it on confirmation', async () => {
    signedInAs(['manager']);
    const requests = recordImports();
    const { user } = renderApp('/customers');
    await screen.findByRole('table', { name: 'Customers' });

    await user.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import customers' });
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled();
    await user.upload(within(dialog).getByLabelText('CSV file of customers'), new File(['Name,Email\n'], 'people.csv'));

    expect(await within(dialog).findByText(/4 rows read: 2 new customers ready to import\./)).toBeInTheDocument();
    expect(within(dialog).getByText(/The file was read as Windows-1252\./)).toBeInTheDocument();
    expect(within(dialog).getByText(/1 row skipped: its email is already a customer’s or an earlier row’s \(rows 5\)/)).toBeInTheDocument();
    expect(within(dialog).getByText('Not imported: the column Notes.')).toBeInTheDocument();
    const problems = within(dialog).getByRole('table', { name: 'Rows with problems' });
    expect(within(problems).getAllByRole('row')[1]).toHaveTextContent('3emailmust be a well-formed email address');
    expect(requests).toEqual(['dryRun=true existing=skip with a file']);

    await user.click(within(dialog).getByRole('button', { name: 'Import 2 customers' }));
    expect(await within(dialog).findByText(/^2 customers imported\./)).toBeInTheDocument();
    expect(requests).toEqual(['dryRun=true existing=skip with a file', 'dryRun=false existing=skip with a file']);
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('checks the file again when asked to update the customers it finds, and imports and updates on confirmation', async () => {
    signedInAs(['sales']);
    const requests = recordImports();
    const { user } = renderApp('/customers');
    await screen.findByRole('table', { name: 'Customers' });
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import customers' });
    await user.upload(within(dialog).getByLabelText('CSV file of customers'), new File(['Name,Email\n'], 'people.csv'));
    await within(dialog).findByRole('button', { name: 'Import 2 customers' });

    await user.click(within(dialog).getByRole('checkbox', { name: /Update customers already in the CRM/ }));
    expect(await within(dialog).findByText(/4 rows read: 2 new customers ready to import, 1 customer to update\. 1 customer is as in the file already\./)).toBeInTheDocument();
    expect(within(dialog).getByText(/1 row skipped: its email is an earlier row’s \(rows 5\)/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 and update 1 customer' }));
    expect(await within(dialog).findByText(/^2 customers imported, 1 updated\./)).toBeInTheDocument();
    expect(requests).toEqual([
      'dryRun=true existing=skip with a file',
      'dryRun=true existing=update with a file',
      'dryRun=false existing=update with a file',
    ]);
  });

  it("shows a file's problem and sends no file larger than the server takes", async () => {
    signedInAs(['sales']);
    const requests = recordImports();
    server.use(
      http.post(api('/customers/import'), () =>
        HttpResponse.json(
          { status: 422, title: 'Unprocessable content', detail: 'The file has no email column.', errors: [{ field: 'file', message: 'The file has no email column.' }] },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = renderApp('/customers');
    await screen.findByRole('table', { name: 'Customers' });
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import customers' });
    const input = within(dialog).getByLabelText('CSV file of customers');
    await user.upload(input, new File(['Name\n'], 'names.csv'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The file has no email column.');

    await user.upload(input, new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.csv'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('larger than 5 MB');
    expect(requests).toEqual([]);
  });

  it('exports what the list shows for managers', async () => {
    signedInAs(['manager']);
    recordImports();
    renderApp('/customers?q=ada&tag=vip');
    expect(await screen.findByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });
});
