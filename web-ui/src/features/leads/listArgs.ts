import { searchable } from '../../lib/search';
import { LEAD_SOURCES, LEAD_STATUSES, type BoardArgs, type LeadListArgs, type LeadSort, type LeadSource, type LeadStatus } from './types';

const SORTS: readonly LeadSort[] = ['created', 'value', 'score'];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return values.find((candidate) => candidate === value) ?? '';
}

/** Whose leads: a sales user sees only their own ("my leads"); the others choose, everyone's by default. */
function assigneeFrom(params: URLSearchParams, ownOnly: boolean): string {
  return ownOnly ? 'me' : (params.get('assignee') ?? '').trim();
}

export function boardArgsFrom(params: URLSearchParams, ownOnly: boolean): BoardArgs {
  return {
    assignee: assigneeFrom(params, ownOnly),
    source: oneOf<LeadSource>(LEAD_SOURCES, params.get('source')),
    // too short to search: not sent (the search box says so)
    q: searchable(params.get('q') ?? ''),
  };
}

/** The list's filters, search and sort as the URL holds them (`?status=NEW&source=WEB&q=…&sort=value`). */
export function leadListArgsFrom(params: URLSearchParams, ownOnly: boolean): LeadListArgs {
  return {
    ...boardArgsFrom(params, ownOnly),
    status: oneOf<LeadStatus>(LEAD_STATUSES, params.get('status')),
    sort: oneOf(SORTS, params.get('sort')) || 'created',
  };
}
