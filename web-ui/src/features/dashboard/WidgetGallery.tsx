import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { BUILT_IN } from './definitions';
import type { WidgetType } from './types';

interface Props {
  open: boolean;
  full: boolean;
  onClose: () => void;
  onAdd: (type: Exclude<WidgetType, 'custom'>) => void;
  onBuild: () => void;
}

/** The built-in widgets, and "Build your own" for the widget editor. */
export function WidgetGallery({ open, full, onClose, onAdd, onBuild }: Props) {
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="widget-gallery-title">
      <DialogTitle id="widget-gallery-title">Add a widget</DialogTitle>
      <DialogContent>
        <List aria-label="Widgets">
          {BUILT_IN.map((item) => (
            <ListItem
              key={item.type}
              divider
              secondaryAction={
                <Button onClick={() => onAdd(item.type)} disabled={full} aria-label={`Add ${item.title}`}>
                  Add
                </Button>
              }
            >
              <ListItemText primary={item.title} secondary={item.description} sx={{ pr: 8 }} />
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onBuild} disabled={full}>
          Build your own…
        </Button>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
