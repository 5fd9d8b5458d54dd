import { baseApi } from '../../api/baseApi';
import type { CustomerImportReport } from './types';

/** The import's endpoint, injected with the dialog that uses it: nobody else's visit carries it. */
const importApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    // A repeat is safe (rows whose email exists are skipped, or updated to the same values): the network layer's retry
    // after a 429 creates nothing twice.
    importCustomers: build.mutation<CustomerImportReport, { file: File; dryRun: boolean; update: boolean }>({
      query: ({ file, dryRun, update }) => {
        const form = new FormData();
        form.append('file', file, file.name);
        const params = { dryRun: String(dryRun), existing: update ? 'update' : 'skip' };
        return { url: '/customers/import', method: 'POST', params, body: form };
      },
      // an update may change any customer the cache holds, a creation only the lists
      invalidatesTags: (result) =>
        !result || result.dryRun ? [] : result.updated > 0 ? ['Customer'] : result.accepted > 0 ? [{ type: 'Customer', id: 'LIST' }] : [],
    }),
  }),
});

export const { useImportCustomersMutation } = importApi;
