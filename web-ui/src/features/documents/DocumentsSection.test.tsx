import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { aCustomer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { api, problem, server, signedInAs } from '../../test/server';
import type { CustomerDocument } from './types';

function aDocument(n: number, overrides: Partial<CustomerDocument> = {}): CustomerDocument {
  return {
    id: `d-${n}`,
    customerId: 'c-1',
    filename: `Offer ${n}.pdf`,
    contentType: 'application/pdf',
    size: 1536,
    sha256: 'ab'.repeat(32),
    uploadedBy: 'u-2',
    uploadedByName: 'Mia Manager',
    uploadedAt: '2026-01-02T03:04:05Z',
    ...overrides,
  };
}

function customerWithDocuments(documents: CustomerDocument[]) {
  server.use(
    http.get(api('/customers/c-1'), () => HttpResponse.json(aCustomer(1))),
    http.get(api('/customers/c-1/documents'), () => HttpResponse.json({ items: documents, nextCursor: null })),
  );
}

const pdf = (name: string, size = 64) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('Customer documents', () => {
  it('lists each document with type, size, uploader and a download link', async () => {
    signedInAs(['support']);
    customerWithDocuments([aDocument(1)]);
    renderApp('/customers/c-1');

    const list = await screen.findByRole('list', { name: 'Documents' });
    const link = within(list).getByRole('link', { name: 'Offer 1.pdf' });
    expect(link).toHaveAttribute('href', '/api/v1/customers/c-1/documents/d-1/content');
    expect(link).toHaveAttribute('download', 'Offer 1.pdf');
    expect(within(list).getByText(/^PDF · 1\.5 KB · Mia Manager · /)).toBeInTheDocument();
    // support reads documents and changes none
    expect(screen.queryByRole('button', { name: 'Upload document' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete Offer 1.pdf' })).not.toBeInTheDocument();
  });

  it('uploads a dropped file and lists it', async () => {
    signedInAs(['sales']);
    const stored: CustomerDocument[] = [];
    let sent: string | null = null;
    customerWithDocuments([]);
    server.use(
      http.get(api('/customers/c-1/documents'), () => HttpResponse.json({ items: stored, nextCursor: null })),
      http.post(api('/customers/c-1/documents'), async ({ request }) => {
        sent = request.headers.get('content-type');
        const file = (await request.formData()).get('file') as File;
        // jsdom's FormData reaches the handler without the part's file name, so the stored name is the dropped file's
        const document = aDocument(7, { filename: 'Contract.pdf', size: file.size, uploadedByName: 'Sam Sales' });
        stored.push(document);
        return HttpResponse.json(document, { status: 201 });
      }),
    );
    renderApp('/customers/c-1');
    const zone = await screen.findByTestId('document-drop-zone');
    expect(await screen.findByText('No documents yet.')).toBeInTheDocument();

    fireEvent.drop(zone, { dataTransfer: { files: [pdf('Contract.pdf')], types: ['Files'] } });

    expect(await screen.findByRole('status')).toHaveTextContent('Uploaded Contract.pdf.');
    const list = await screen.findByRole('list', { name: 'Documents' });
    expect(within(list).getByRole('link', { name: 'Contract.pdf' })).toBeInTheDocument();
    expect(sent).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('refuses a file over the limit before sending it', async () => {
    signedInAs(['manager']);
    let posted = false;
    customerWithDocuments([]);
    server.use(http.post(api('/customers/c-1/documents'), () => ((posted = true), HttpResponse.json({}))));
    const { user } = renderApp('/customers/c-1');
    await screen.findByRole('button', { name: 'Upload document' });

    await user.upload(screen.getByLabelText('Choose documents to upload'), pdf('Huge.pdf', 20 * 1024 * 1024 + 1));

    expect(await screen.findByRole('alert')).toHaveTextContent('Huge.pdf is larger than 20 MB, the most a document may be.');
    expect(posted).toBe(false);
  });

  it("says why the server refused an upload (415, 413)", async () => {
    signedInAs(['manager']);
    let posts = 0;
    customerWithDocuments([]);
    server.use(
      // the files go one after the other; jsdom's FormData reaches the handler without the part's name or size
      http.post(api('/customers/c-1/documents'), () => {
        posts += 1;
        return posts === 1
          ? problem(415, { title: 'Document type not accepted', detail: 'Documents of type text/html are not accepted.' })
          : problem(413, { title: 'Document too large', detail: 'The document is larger than a document may be.' });
      }),
    );
    const { user } = renderApp('/customers/c-1');
    await screen.findByRole('button', { name: 'Upload document' });

    await user.upload(screen.getByLabelText('Choose documents to upload'), [pdf('page.html'), pdf('big.pdf')]);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'page.html is not an accepted type of document. Documents of type text/html are not accepted.',
    );
    expect(alert).toHaveTextContent('big.pdf is too large: documents may be at most 20 MB.');
  });

  it('deletes a document after confirming', async () => {
    signedInAs(['manager']);
    let documents = [aDocument(1), aDocument(2)];
    customerWithDocuments([]);
    server.use(
      http.get(api('/customers/c-1/documents'), () => HttpResponse.json({ items: documents, nextCursor: null })),
      http.delete(api('/customers/c-1/documents/d-1'), () => {
        documents = documents.filter((document) => document.id !== 'd-1');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/customers/c-1');

    await user.click(await screen.findByRole('button', { name: 'Delete Offer 1.pdf' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Offer 1.pdf?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(screen.queryByRole('link', { name: 'Offer 1.pdf' })).not.toBeInTheDocument());
    // found once the closing dialog no longer hides the page
    expect(await screen.findByRole('link', { name: 'Offer 2.pdf' })).toBeInTheDocument();
  });
});
