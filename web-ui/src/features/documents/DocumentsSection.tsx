import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { PageLoading } from '../../components/PageLoading';
import { Section } from '../../components/Section';
import { useGetMeQuery } from '../auth/meApi';
import { useCan } from '../auth/useMe';
import { mayChangeDocuments } from './access';
import { DeleteDocumentDialog } from './DeleteDocumentDialog';
import { DocumentList } from './DocumentList';
import { DocumentUpload } from './DocumentUpload';
import { useListDocumentsInfiniteQuery } from './documentsApi';
import type { CustomerDocument } from './types';

interface Props {
  customerId: string;
  /** The customer's owner, when the customer has one: a sales user changes documents only of their own customers. */
  ownerId?: string | null;
}

/** The customer's documents: upload (drag and drop or button, with progress), download, delete after confirming. */
export function DocumentsSection({ customerId, ownerId }: Props) {
  const canView = useCan('viewDocuments');
  const { data: me } = useGetMeQuery();
  const { attach, remove } = mayChangeDocuments(me?.roles, me?.id, ownerId);
  const { data, error, isLoading, hasNextPage, isFetchingNextPage, fetchNextPage } = useListDocumentsInfiniteQuery(
    customerId,
    { skip: !canView },
  );
  const [removing, setRemoving] = useState<CustomerDocument | null>(null);
  if (!canView) return null;
  const documents = data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Section title="Documents">
      {attach && <DocumentUpload customerId={customerId} />}
      {error && <ErrorAlert error={error} />}
      {isLoading && <PageLoading label="Loading documents" />}
      {!isLoading && !error && documents.length === 0 && (
        <Typography color="text.secondary">No documents yet.</Typography>
      )}
      {documents.length > 0 && <DocumentList documents={documents} canRemove={remove} onRemove={setRemoving} />}
      <LoadMoreButton
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        onClick={() => void fetchNextPage()}
        label="More documents"
      />
      <DeleteDocumentDialog document={removing} onClose={() => setRemoving(null)} />
    </Section>
  );
}
