import { baseApi } from '../../api/baseApi';
import type { CustomerImportReport } from './types';

/** The import's endpoint, injected with the dialog that uses it: nobody else's visit carries it. */
const importApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    // A repeat is safe (rows whose email exists are skipped): the network layer's retry after a 429 creates nothing twice.
    importCustomers: build.mutation<CustomerImportReport, { file: File; dryRun: boolean }>({
      query: ({ file, dryRun }) => {
        const form = new FormData();
        form.append('file', file, file.name);
        return { url: '/customers/import', method: 'POST', params: { dryRun: String(dryRun) }, body: form };
      },
      invalidatesTags: (result) => (result && !result.dryRun && result.accepted > 0 ? [{ type: 'Customer', id: 'LIST' }] : []),
    }),
  }),
});

export const { useImportCustomersMutation } = importApi;
