import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import type { BUILT_IN } from './definitions';
import type { WidgetType } from './types';

interface Props {
  open: boolean;
  full: boolean;
  onClose: () => void;
  onAdd: (type: Exclude<WidgetType, 'custom'>) => void;
  onBuild: () => void;
  /** The built-in widgets this user may see. */
  offered: typeof BUILT_IN;
  /** The kinds of widget on the dashboard already: a built-in one shows the same twice. */
  added: ReadonlySet<WidgetType>;
}

/** The built-in widgets, and "Build your own" for the widget editor. */
export function WidgetGallery({ open, full, onClose, onAdd, onBuild, offered, added }: Props) {
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="widget-gallery-title">
      <DialogTitle id="widget-gallery-title">Add a widget</DialogTitle>
      {/* focusable: it scrolls on a phone, and every button in view may be an "Added" one, which takes no focus */}
      <DialogContent tabIndex={0}>
        <List aria-label="Widgets">
          {offered.map((item) => (
            <ListItem
              key={item.type}
              divider
              secondaryAction={
                added.has(item.type) ? (
                  <Button disabled aria-label={`${item.title} is on your dashboard`}>
                    Added
                  </Button>
                ) : (
                  <Button onClick={() => onAdd(item.type)} disabled={full} aria-label={`Add ${item.title}`}>
                    Add
                  </Button>
                )
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
