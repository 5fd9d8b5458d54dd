import path from 'node:path';

/** Where the report, screenshots and failure traces go (the system test points this into its target/). */
export const outputRoot = path.resolve(process.env.CRM_E2E_OUTPUT ?? 'target/e2e');
