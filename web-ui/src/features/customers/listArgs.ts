import type { CustomerListArgs, CustomerSort } from './types';

export function sortFrom(value: string | null): CustomerSort {
  return value === 'name' ? 'name' : 'created';
}

/** The list's search, filters and sort as the URL holds them (`?q=…&tag=vip&owner=me&sort=name`). */
export function listArgsFrom(params: URLSearchParams): CustomerListArgs {
  return {
    q: (params.get('q') ?? '').trim(),
    sort: sortFrom(params.get('sort')),
    tag: (params.get('tag') ?? '').trim().toLowerCase(),
    owner: (params.get('owner') ?? '').trim(),
  };
}
