import { UploadError } from './uploadDocument';
import { MAX_DOCUMENT_BYTES } from './types';
import { formatBytes } from './format';

/** A check before any byte is sent; null when the file may go. */
export function refuseBeforeUpload(file: File): string | null {
  if (file.size > MAX_DOCUMENT_BYTES) {
    return `${file.name} is larger than ${formatBytes(MAX_DOCUMENT_BYTES)}, the most a document may be.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}

/** What a failed upload means for the user, naming the file. */
export function describeUploadError(file: File, error: unknown): string {
  if (!(error instanceof UploadError)) return `${file.name} could not be uploaded.`;
  switch (error.status) {
    case 0:
      return `${file.name} could not be uploaded: the connection was lost. Check your connection and try again.`;
    case 401:
      return 'Your session has ended. Sign in again and retry the upload.';
    case 403:
      return `You may not attach documents to this customer.`;
    case 409:
      return `${file.name} is already attached to this customer.`;
    case 413:
      return `${file.name} is too large: documents may be at most ${formatBytes(MAX_DOCUMENT_BYTES)}.`;
    case 415:
      return `${file.name} is not an accepted type of document. ${error.problem?.detail ?? ''}`.trim();
    case 429:
      return 'Too many requests. Please try again in a moment.';
    case 503:
      return `${file.name} could not be stored right now. Please try again in a moment.`;
    default:
      return `${file.name} could not be uploaded: ${error.problem?.detail ?? `error ${error.status}`}`;
  }
}
