import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ROLES } from '../auth/permissionTable.generated';
import { roleLabel } from '../auth/permissions';
import { usePublishLayoutMutation } from './dashboardApi';
import type { Widget } from './types';

interface Props {
  widgets: Widget[];
  onClose: () => void;
  onPublished: (role: string) => void;
}

/** Admins: confirm making the widgets on screen the default dashboard of a role. */
export function PublishLayoutDialog({ widgets, onClose, onPublished }: Props) {
  const [role, setRole] = useState<string>('sales');
  const [publish, publishing] = usePublishLayoutMutation();
  const [failure, setFailure] = useState<unknown>();

  const confirm = async () => {
    setFailure(undefined);
    try {
      await publish({ role, widgets }).unwrap();
      onPublished(role);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="publish-layout-title" fullWidth maxWidth="xs">
      <DialogTitle id="publish-layout-title">Publish as default for a role</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Everyone with this role who has not arranged their own dashboard gets these {widgets.length} widgets.
        </DialogContentText>
        <TextField select fullWidth label="Role" value={role} onChange={(event) => setRole(event.target.value)}>
          {ROLES.map((candidate) => (
            <MenuItem key={candidate} value={candidate}>
              {roleLabel([candidate])}
            </MenuItem>
          ))}
        </TextField>
        {failure !== undefined && <ErrorAlert error={failure} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void confirm()} disabled={publishing.isLoading}>
          Publish for {roleLabel([role])}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
