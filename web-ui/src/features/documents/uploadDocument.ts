import { CSRF_HEADER, csrfToken } from '../../api/csrf';
import type { Problem } from '../../api/problem';
import { documentsPath, type CustomerDocument } from './types';

/** Why an upload failed, in the shape the UI's error messages read: a status and the server's problem, if any. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? `Upload failed (${status})`);
  }
}

/**
 * Uploads one file as multipart/form-data with XMLHttpRequest, the browser API that reports upload progress
 * (fetch does not). Same origin, session cookie and CSRF header as every other write of the UI.
 */
export function uploadDocument(
  customerId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<CustomerDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${documentsPath(customerId)}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status === 201) {
        onProgress(1);
        resolve(body as CustomerDocument);
      } else {
        reject(new UploadError(xhr.status, body as Problem | undefined));
      }
    };
    // a connection cut (often a proxy refusing a large body before reading it): status 0
    xhr.onerror = () => reject(new UploadError(0, undefined));
    xhr.onabort = () => reject(new UploadError(0, { detail: 'The upload was cancelled.' }));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
