import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useMemo, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useImportCustomersMutation } from './importApi';
import type { CustomerImportReport } from './types';

/** The server's limits (customer-service: CustomerCsvReader, crm.web.limits). */
const MAX_ROWS = 10_000;
const MAX_BYTES = 5 * 1024 * 1024;
/** Problems listed one by one; the rest are counted. */
const LISTED = 50;

const TEMPLATE =
  'Name,Email,Phone,Company,Tags,Owner\r\n' +
  'Ada Lovelace,ada@example.com,+44 20 7946 0000,Analytical Engines,vip; newsletter,\r\n';

const count = new Intl.NumberFormat();

function plural(n: number, one: string, many = `${one}s`) {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}

/** "Import 3 customers", "Update 2 customers", "Import 3 and update 2 customers". */
function importLabel({ accepted, updated }: CustomerImportReport) {
  if (accepted > 0 && updated > 0) return `Import ${count.format(accepted)} and update ${plural(updated, 'customer')}`;
  return updated > 0 ? `Update ${plural(updated, 'customer')}` : `Import ${plural(accepted, 'customer')}`;
}

/**
 * Customers from a CSV file in two steps: the chosen file is checked at once (a dry run: what would be imported,
 * updated, skipped and refused, row by row), then imported on confirmation. Rendered only while open.
 */
export default function ImportCustomersDialog({ onClose }: { onClose: () => void }) {
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [tooLarge, setTooLarge] = useState(false);
  const [update, setUpdate] = useState(false);
  const [check, checking] = useImportCustomersMutation();
  const [run, importing] = useImportCustomersMutation();
  const busy = checking.isLoading || importing.isLoading;
  const imported = importing.data;
  const report = imported ?? checking.data;
  const error = importing.error ?? checking.error;
  const template = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`, []);

  const checkFile = (chosen: File | undefined, updating: boolean) => {
    if (!chosen) return;
    checking.reset();
    importing.reset();
    setFile(chosen);
    setTooLarge(chosen.size > MAX_BYTES);
    if (chosen.size <= MAX_BYTES) void check({ file: chosen, dryRun: true, update: updating });
  };
  // the check's report when it found something to import or update
  const ready = checking.data && checking.data.accepted + checking.data.updated > 0 ? checking.data : undefined;

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="import-customers-title"
      fullScreen={phone}
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id="import-customers-title">Import customers</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          A CSV file from a spreadsheet or another CRM: a header row, then one customer per row, up to{' '}
          {count.format(MAX_ROWS)} rows. <strong>Name</strong> and <strong>Email</strong> are required;{' '}
          <strong>Phone</strong>, <strong>Company</strong>, <strong>Tags</strong> (separated by ; or ,) and{' '}
          <strong>Owner</strong> (a username or name; empty: you) are read when present. A row whose email a customer
          already has is skipped, so importing a file again creates nobody twice, unless you choose to update those
          customers.{' '}
          <Link href={template} download="customers-template.csv">
            Download a template
          </Link>
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
          <Button variant="outlined" onClick={() => input.current?.click()} disabled={busy || Boolean(imported)}>
            {file ? 'Choose another file' : 'Choose CSV file'}
          </Button>
          {file && (
            <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
              {file.name}
            </Typography>
          )}
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv,text/plain"
            hidden
            aria-label="CSV file of customers"
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              event.target.value = '';
              checkFile(chosen, update);
            }}
          />
        </Box>
        <FormControlLabel
          sx={{ mb: 2, alignItems: 'flex-start' }}
          disabled={busy || Boolean(imported)}
          control={
            <Checkbox
              sx={{ pt: 0 }}
              checked={update}
              onChange={(event) => {
                setUpdate(event.target.checked);
                checkFile(file, event.target.checked);
              }}
            />
          }
          label={
            <>
              Update customers already in the CRM
              <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
                Found by email: the row’s filled cells replace their fields, empty cells keep them.
              </Typography>
            </>
          }
        />
        <Box role="status" aria-live="polite">
          {checking.isLoading && <Typography>Checking the file…</Typography>}
          {importing.isLoading && <Typography>{checking.data ? `${importLabel(checking.data)}…` : 'Importing…'}</Typography>}
        </Box>
        {tooLarge && (
          <Alert severity="error" role="alert">
            The file is larger than 5 MB: split it into smaller files.
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
        {report && !busy && <ImportReport report={report} updating={update} />}
      </DialogContent>
      <DialogActions>
        {imported ? (
          <Button variant="contained" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button
              variant="contained"
              disabled={busy || !file || !ready}
              onClick={() => file && void run({ file, dryRun: false, update })}
            >
              {ready ? importLabel(ready) : 'Import'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

function ImportReport({ report, updating }: { report: CustomerImportReport; updating: boolean }) {
  const { dryRun, rows, accepted, updated, unchanged, skipped, errors, ignoredColumns, encoding } = report;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Alert severity={accepted + updated > 0 ? 'success' : 'warning'}>
        {dryRun ? `${plural(rows, 'row')} read: ${outcome(report)}.` : `${done(report)}.`}
        {unchanged > 0 && ` ${plural(unchanged, 'customer is', 'customers are')} as in the file already.`}
        {encoding !== 'UTF-8' && ` The file was read as ${encoding === 'windows-1252' ? 'Windows-1252' : encoding}.`}
      </Alert>
      {skipped.length > 0 && (
        <Typography variant="body2">
          {plural(skipped.length, 'row')} skipped: {skipped.length === 1 ? 'its email is' : 'their emails are'}{' '}
          {updating ? 'an earlier row’s' : 'already a customer’s or an earlier row’s'} (rows{' '}
          {rowList(skipped.map((row) => row.row))}).
        </Typography>
      )}
      {ignoredColumns.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          Not imported: the {ignoredColumns.length === 1 ? 'column' : 'columns'} {ignoredColumns.join(', ')}.
        </Typography>
      )}
      {errors.length > 0 && (
        <>
          <Typography variant="body2" color="error">
            {plural(new Set(errors.map((error) => error.row)).size, 'row has', 'rows have')} problems and{' '}
            {dryRun ? 'will not be' : 'were not'} imported: fix them in the file and import it again.
          </Typography>
          <Table size="small" aria-label="Rows with problems">
            <TableHead>
              <TableRow>
                <TableCell>Row</TableCell>
                <TableCell>Column</TableCell>
                <TableCell>Problem</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {errors.slice(0, LISTED).map((error, index) => (
                <TableRow key={index}>
                  <TableCell>{error.row}</TableCell>
                  <TableCell>{error.field}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{error.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {errors.length > LISTED && (
            <Typography variant="body2" color="text.secondary">
              and {plural(errors.length - LISTED, 'more problem')}.
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}

/** What a dry run found: "3 new customers ready to import, 2 to update" or "nothing to import". */
function outcome({ accepted, updated }: CustomerImportReport) {
  const parts = [
    accepted > 0 && `${plural(accepted, 'new customer')} ready to import`,
    updated > 0 && `${plural(updated, 'customer')} to update`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing to import';
}

/** What the import did: "3 customers imported, 2 updated". */
function done({ accepted, updated }: CustomerImportReport) {
  if (accepted > 0 && updated > 0) return `${plural(accepted, 'customer')} imported, ${count.format(updated)} updated`;
  return updated > 0 ? `${plural(updated, 'customer')} updated` : `${plural(accepted, 'customer')} imported`;
}

/** "2, 5, 6 and 9 more". */
function rowList(rows: number[]) {
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? `${shown} and ${count.format(rows.length - 10)} more` : shown;
}
