// The customers list's import dialog and export button, one chunk loaded on demand: as two, each split the chunks
// the pages share anew and every first visit grew by a kilobyte.
export { default as ImportCustomersDialog } from './ImportCustomersDialog';
export { ExportButtons } from '../../components/ExportButtons';
