import { problemOf } from '../../api/problem';
import { LEAD_STATUSES, type LeadStatus } from './types';

/** lead-service's state machine, to offer only the moves it allows (it still decides: a refused move is a 409). */
const NEXT: Record<LeadStatus, readonly LeadStatus[]> = {
  NEW: ['IN_PROGRESS', 'CLOSED_LOST'],
  IN_PROGRESS: ['CLOSED_WON', 'CLOSED_LOST'],
  CLOSED_WON: ['IN_PROGRESS'],
  CLOSED_LOST: ['IN_PROGRESS'],
};

export function allowedFrom(status: LeadStatus): readonly LeadStatus[] {
  return NEXT[status];
}

/** The statuses a refused transition (409 problem) names as allowed, or undefined when it is another problem. */
export function allowedIn(error: unknown): LeadStatus[] | undefined {
  const allowed = (problemOf(error) as { allowed?: unknown } | undefined)?.allowed;
  if (!Array.isArray(allowed)) return undefined;
  return LEAD_STATUSES.filter((status) => allowed.includes(status));
}
