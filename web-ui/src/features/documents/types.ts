/** A customer document as customer-service describes it; its bytes: {@link contentUrl}. */
export interface CustomerDocument {
  id: string;
  customerId: string;
  filename: string;
  /** Detected from the bytes by the server, not taken from the browser. */
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
}

/** Mirrors customer-service's crm.documents.max-size (20 MB): larger files are refused before any upload. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export function documentsPath(customerId: string): string {
  return `/customers/${encodeURIComponent(customerId)}/documents`;
}

/** A plain link: the browser downloads it with the session cookie, streamed, as the server's attachment. */
export function contentUrl(document: CustomerDocument): string {
  return `/api/v1${documentsPath(document.customerId)}/${encodeURIComponent(document.id)}/content`;
}
