import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useGetMeQuery } from '../auth/meApi';
import { ownLeadsOnly } from './access';

/** The filters of a leads page, in the URL (replaced, not pushed), and the search debounced. */
export function useLeadFilters() {
  const [params, setParams] = useSearchParams();
  const { data: me } = useGetMeQuery();
  const ownOnly = ownLeadsOnly(me?.roles);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search).trim();

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  // the URL holds the debounced search too, so that a reload or a shared link shows the same leads
  const searchParams = new URLSearchParams(params);
  if (q) searchParams.set('q', q);
  else searchParams.delete('q');

  return {
    params: searchParams,
    ownOnly,
    search,
    onSearchChange: (value: string) => {
      setSearch(value);
      setParam('q', value.trim());
    },
    setParam,
  };
}
