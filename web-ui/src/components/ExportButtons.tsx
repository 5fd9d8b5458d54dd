import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { download } from '../api/download';
import { ErrorAlert } from './ErrorAlert';

type Format = 'csv' | 'pdf';

interface Props {
  /** What the files are of, for the buttons' names: "funnel". */
  what: string;
  /** The export's path without its format: "/reports/funnel/export?from=…". */
  path: string;
  /** The files offered; one alone is named on its button: "Export CSV". */
  formats?: readonly Format[];
  disabled?: boolean;
}

const kb = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** CSV and PDF downloads through the session, with their progress while they run; one at a time. */
export function ExportButtons({ what, path, formats = ['csv', 'pdf'], disabled }: Props) {
  const [running, setRunning] = useState<Format>();
  const [progress, setProgress] = useState<{ fraction: number | null; bytes: number }>({ fraction: null, bytes: 0 });
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async (format: Format) => {
    abort.current = new AbortController();
    setRunning(format);
    setFailure(undefined);
    setSaved(undefined);
    setProgress({ fraction: null, bytes: 0 });
    const separator = path.includes('?') ? '&' : '?';
    try {
      const name = await download(
        { path: `${path}${separator}format=${format}` },
        `${what.replace(/\s+/g, '-')}.${format}`,
        (fraction, bytes) => setProgress({ fraction, bytes }),
        abort.current.signal,
      );
      setSaved(name);
    } catch (error) {
      if (!abort.current.signal.aborted) setFailure(error);
    } finally {
      setRunning(undefined);
    }
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        {formats.map((format) => (
          <Button
            key={format}
            size="small"
            variant="outlined"
            disabled={disabled || running !== undefined}
            onClick={() => void start(format)}
            aria-label={formats.length === 1 ? undefined : `Export ${what} as ${format.toUpperCase()}`}
          >
            {formats.length === 1 ? `Export ${format.toUpperCase()}` : format.toUpperCase()}
          </Button>
        ))}
        {running && (
          <Button size="small" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        )}
      </Box>
      <Box role="status" aria-live="polite">
        {running && (
          <Box>
            <LinearProgress
              variant={progress.fraction === null ? 'indeterminate' : 'determinate'}
              value={(progress.fraction ?? 0) * 100}
              aria-label={`Exporting ${what}`}
            />
            <Typography variant="caption">
              Downloading {running.toUpperCase()}
              {progress.fraction === null ? `… ${kb.format(progress.bytes / 1000)} kB` : ` ${Math.round(progress.fraction * 100)} %`}
            </Typography>
          </Box>
        )}
        {saved && !running && <Typography variant="caption">Downloaded {saved}</Typography>}
      </Box>
      {failure !== undefined && <ErrorAlert error={failure} />}
    </Box>
  );
}
