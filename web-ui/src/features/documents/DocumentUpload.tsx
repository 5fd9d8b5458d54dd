import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, useState, type DragEvent } from 'react';
import { useAppDispatch } from '../../app/hooks';
import { ownChangeMade } from '../activities/catchUp';
import { documentsChanged } from './documentsApi';
import { UploadIcon } from './icons';
import { describeUploadError, refuseBeforeUpload } from './messages';
import { formatBytes } from './format';
import { MAX_DOCUMENT_BYTES } from './types';
import { uploadDocument } from './uploadDocument';

interface Progress {
  name: string;
  fraction: number;
}

/**
 * Drag and drop, or the button (the keyboard and touch way), for one or more files; they go one after the other,
 * each with its progress. Files the server would refuse for their size are refused here, before any byte is sent.
 */
export function DocumentUpload({ customerId }: { customerId: string }) {
  const dispatch = useAppDispatch();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const uploadAll = async (files: File[]) => {
    if (files.length === 0 || progress) return;
    const failed: string[] = [];
    const stored: string[] = [];
    for (const file of files) {
      const refused = refuseBeforeUpload(file);
      if (refused) {
        failed.push(refused);
        continue;
      }
      setProgress({ name: file.name, fraction: 0 });
      try {
        await uploadDocument(customerId, file, (fraction) => setProgress({ name: file.name, fraction }));
        stored.push(file.name);
      } catch (error) {
        failed.push(describeUploadError(file, error));
      }
    }
    setProgress(null);
    setErrors(failed);
    setDone(stored.length > 0 ? `Uploaded ${stored.join(', ')}.` : null);
    if (stored.length > 0) {
      dispatch(documentsChanged(customerId));
      dispatch(ownChangeMade());
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    void uploadAll(Array.from(event.dataTransfer.files));
  };
  const onDragOver = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  return (
    <Stack spacing={1}>
      <Box
        data-testid="document-drop-zone"
        onDrop={onDrop}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: dragging ? 'primary.main' : 'divider',
          bgcolor: dragging ? 'action.hover' : 'transparent',
          borderRadius: 1,
          p: 2,
          display: 'flex',
          flexDirection: { xs: 'column', sm: 'row' },
          alignItems: { xs: 'stretch', sm: 'center' },
          gap: 2,
        }}
      >
        <Button
          variant="outlined"
          startIcon={<UploadIcon />}
          onClick={() => input.current?.click()}
          disabled={progress !== null}
        >
          Upload document
        </Button>
        <Typography variant="body2" color="text.secondary">
          or drop files here. PDF, images, text, e-mails and Office documents up to {formatBytes(MAX_DOCUMENT_BYTES)}.
        </Typography>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Choose documents to upload"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            void uploadAll(files);
          }}
        />
      </Box>
      {progress && (
        <Box>
          <Typography variant="body2" id="document-upload-progress" sx={{ wordBreak: 'break-word' }}>
            Uploading {progress.name}… {percent}%
          </Typography>
          <LinearProgress variant="determinate" value={percent} aria-labelledby="document-upload-progress" />
        </Box>
      )}
      {errors.length > 0 && (
        <Alert severity="error" role="alert" onClose={() => setErrors([])}>
          {errors.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </Alert>
      )}
      {done && (
        <Alert severity="success" role="status" onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
    </Stack>
  );
}
