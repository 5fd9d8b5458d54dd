import {
  createApi,
  fetchBaseQuery,
  type BaseQueryFn,
  type FetchArgs,
  type FetchBaseQueryError,
  type FetchBaseQueryMeta,
} from '@reduxjs/toolkit/query/react';
import { CSRF_HEADER, csrfToken, isStateChanging } from './csrf';
import { rateLimitOver, rateLimited, serviceAvailable, serviceUnavailable } from './noticesSlice';
import { problemOf } from './problem';
import { signInAgain } from './signIn';

const API_ROOT = '/api/v1';
const DEFAULT_RETRY_AFTER_S = 5;
const MAX_RETRY_AFTER_S = 60;

// An absolute URL: the same origin in the browser, and it lets tests run fetch outside a browser.
const rawBaseQuery = fetchBaseQuery({
  baseUrl: `${globalThis.location?.origin ?? ''}${API_ROOT}`,
  credentials: 'same-origin',
  prepareHeaders: (headers) => {
    headers.set('Accept', 'application/json, application/problem+json');
    return headers;
  },
});

type BaseQuery = BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError, object, FetchBaseQueryMeta>;

function withCsrf(args: string | FetchArgs): string | FetchArgs {
  if (typeof args === 'string' || !isStateChanging(args.method)) return args;
  const token = csrfToken();
  if (!token) return args;
  const headers = new Headers(args.headers as HeadersInit | undefined);
  headers.set(CSRF_HEADER, token);
  return { ...args, headers };
}

/** The first path segment after /api/v1: the API area (customers, activities, me …). */
function areaOf(args: string | FetchArgs): string {
  const url = typeof args === 'string' ? args : args.url;
  return url.replace(/^\//, '').split(/[/?]/)[0] ?? '';
}

export function retryAfterSeconds(header: string | null | undefined): number {
  if (!header) return DEFAULT_RETRY_AFTER_S;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(Math.max(Math.ceil(seconds), 0), MAX_RETRY_AFTER_S);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return DEFAULT_RETRY_AFTER_S;
  return Math.min(Math.max(Math.ceil((date - Date.now()) / 1000), 0), MAX_RETRY_AFTER_S);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One wrapper for every API call: CSRF header on writes; 401 → sign in again; 429 → say so, wait for
 * Retry-After and retry once; 503 with a `service` → banner for that part while the rest keeps working.
 * 403 and the rest go back to the caller, which shows them where they happened.
 */
export const baseQuery: BaseQuery = async (args, api, extraOptions) => {
  const request = withCsrf(args);
  const area = areaOf(args);
  let result = await rawBaseQuery(request, api, extraOptions);

  if (result.error?.status === 429) {
    const seconds = retryAfterSeconds(result.meta?.response?.headers.get('Retry-After'));
    api.dispatch(rateLimited({ seconds }));
    await sleep(seconds * 1000);
    api.dispatch(rateLimitOver());
    result = await rawBaseQuery(request, api, extraOptions);
  }

  const status = result.error?.status;
  if (status === 401) {
    signInAgain();
  } else if (status === 503) {
    const service = problemOf(result.error)?.service;
    if (service) api.dispatch(serviceUnavailable({ area, service }));
  } else if (!result.error) {
    api.dispatch(serviceAvailable({ area }));
  }
  return result;
};

export const baseApi = createApi({
  reducerPath: 'api',
  baseQuery,
  tagTypes: ['Customer', 'Activity', 'Me', 'User', 'Lead', 'LeadScore', 'FollowUp', 'Timeline', 'Payment'],
  endpoints: () => ({}),
});
