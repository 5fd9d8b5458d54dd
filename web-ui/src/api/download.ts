import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { CSRF_HEADER, csrfToken } from './csrf';
import { signInAgain } from './signIn';

export interface DownloadRequest {
  /** Under /api/v1, with its query string: "/reports/funnel/export?format=csv". */
  path: string;
  method?: 'GET' | 'POST';
  body?: unknown;
}

/** The file name a Content-Disposition header gives, else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a file through the session (cookie, CSRF header on a POST) and hands it to the browser as a download,
 * reporting progress: a fraction when the server sends a length, else null (the bytes so far are still counted). A
 * failure rejects with the shape of RTK Query's errors, so ErrorAlert describes it like any other API error.
 */
export async function download(
  request: DownloadRequest,
  fallbackName: string,
  onProgress: (fraction: number | null, bytes: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const headers = new Headers({ Accept: '*/*' });
  const token = csrfToken();
  if (request.method === 'POST') {
    headers.set('Content-Type', 'application/json');
    if (token) headers.set(CSRF_HEADER, token);
  }
  let response: Response;
  try {
    response = await fetch(`${globalThis.location?.origin ?? ''}/api/v1${request.path}`, {
      method: request.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    });
  } catch (cause) {
    throw { status: 'FETCH_ERROR', error: String(cause) } satisfies FetchBaseQueryError;
  }
  if (!response.ok) {
    if (response.status === 401) signInAgain();
    let data: unknown;
    try {
      data = await response.json();
    } catch {
      data = undefined;
    }
    throw { status: response.status, data } satisfies FetchBaseQueryError;
  }
  const total = Number(response.headers.get('Content-Length')) || 0;
  const parts: Uint8Array[] = [];
  let received = 0;
  onProgress(total ? 0 : null, 0);
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      received += value.length;
      onProgress(total ? Math.min(received / total, 1) : null, received);
    }
  } else {
    const buffer = new Uint8Array(await response.arrayBuffer());
    parts.push(buffer);
    received = buffer.length;
  }
  onProgress(1, received);
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  const blob = new Blob(parts as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/octet-stream' });
  saveBlob(blob, name);
  return name;
}

function saveBlob(blob: Blob, name: string): void {
  // jsdom has no object URLs: tests check what was fetched, not the browser's save
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
