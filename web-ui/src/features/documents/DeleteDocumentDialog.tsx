import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { describeError } from '../../api/problem';
import { useRemoveDocumentMutation } from './documentsApi';
import type { CustomerDocument } from './types';

interface Props {
  document: CustomerDocument | null;
  onClose: () => void;
}

/** Asks before a document is removed for everyone; a failure stays in the dialog. */
export function DeleteDocumentDialog({ document, onClose }: Props) {
  const [removeDocument, { isLoading, error, reset }] = useRemoveDocumentMutation();
  const close = () => {
    reset();
    onClose();
  };
  const confirm = async () => {
    if (!document) return;
    try {
      await removeDocument(document).unwrap();
      close();
    } catch {
      // Shown in the dialog.
    }
  };
  return (
    <Dialog open={document !== null} onClose={close} aria-labelledby="delete-document-title">
      <DialogTitle id="delete-document-title" sx={{ wordBreak: 'break-word' }}>
        Delete {document?.filename}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>The document is removed for everyone. This cannot be undone.</DialogContentText>
        {error && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {describeError(error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} autoFocus>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={() => void confirm()} disabled={isLoading}>
          {isLoading ? 'Deleting…' : 'Delete'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
