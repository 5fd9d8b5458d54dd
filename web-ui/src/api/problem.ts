import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { SerializedError } from '@reduxjs/toolkit';

/** RFC 9457 problem details as the CRM's services and gateway send them. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  /** Set by the gateway's circuit-breaker fallback: which part is unavailable. */
  service?: string;
}

export type ApiError = FetchBaseQueryError | SerializedError | undefined;

export function isFetchError(error: unknown): error is FetchBaseQueryError {
  return typeof error === 'object' && error !== null && 'status' in error;
}

export function httpStatus(error: unknown): number | undefined {
  return isFetchError(error) && typeof error.status === 'number' ? error.status : undefined;
}

export function problemOf(error: unknown): Problem | undefined {
  if (!isFetchError(error) || typeof error.data !== 'object' || error.data === null) return undefined;
  return error.data as Problem;
}

/** A sentence a user can act on; never a stack trace. */
export function describeError(error: unknown): string {
  const status = httpStatus(error);
  const problem = problemOf(error);
  switch (status) {
    case 401:
      return 'Your session has ended. Signing you in again…';
    case 403:
      return "You don't have access";
    case 404:
      return 'Not found';
    case 429:
      return 'Too many requests. Please try again in a moment.';
    case 503:
      return `${problem?.service ?? 'This part of the CRM'} is unavailable right now`;
  }
  if (isFetchError(error) && error.status === 'FETCH_ERROR') {
    return 'The CRM cannot be reached. Check your connection.';
  }
  return problem?.detail ?? problem?.title ?? 'Something went wrong';
}
