import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';

/** The link protocols customer-service keeps. */
function isAllowedLink(href: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(href);
}

interface Props {
  initialHref: string;
  onApply: (href: string) => void;
  onClose: () => void;
}

/** Asks for a link's address; an empty address removes the link. */
export function LinkDialog({ initialHref, onApply, onClose }: Props) {
  const [href, setHref] = useState(initialHref);
  const [error, setError] = useState('');
  const apply = () => {
    const value = href.trim();
    if (value && !isAllowedLink(value)) {
      setError('Enter an address starting with https://, http:// or mailto:');
      return;
    }
    onApply(value);
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="link-dialog-title" fullWidth maxWidth="xs">
      <DialogTitle id="link-dialog-title">Link</DialogTitle>
      <DialogContent>
        <TextField
          id="link-address"
          label="Link address"
          value={href}
          onChange={(event) => {
            setHref(event.target.value);
            setError('');
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              apply();
            }
          }}
          error={!!error}
          helperText={error || 'Leave empty to remove the link'}
          fullWidth
          autoFocus
          margin="dense"
          slotProps={{ htmlInput: { inputMode: 'url' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={apply}>
          Apply
        </Button>
      </DialogActions>
    </Dialog>
  );
}
