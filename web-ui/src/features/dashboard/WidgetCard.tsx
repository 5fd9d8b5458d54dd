import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, useState, type ReactNode } from 'react';
import { COLUMNS, MAX_HEIGHT, MIN_HEIGHT, MIN_WIDTH } from './grid';
import type { Widget } from './types';

export const ROW_HEIGHT = 72;
export const GAP = 16;

export type WidgetAction = 'earlier' | 'later' | 'wider' | 'narrower' | 'taller' | 'shorter' | 'edit' | 'remove';

interface Props {
  widget: Widget;
  index: number;
  count: number;
  editing: boolean;
  /** Drag to move and the resize handle: a wide screen with a pointer; the menu works everywhere. */
  canDrag: boolean;
  onAction: (action: WidgetAction) => void;
  onDropOn: (draggedId: string) => void;
  onResize: (columns: number, rows: number) => void;
  /** A custom widget's data as a CSV file, offered in its menu whether customising or not. */
  onDownload?: () => void;
  children: ReactNode;
}

const DRAG_TYPE = 'application/x-crm-widget';

/** One widget on the grid: its title, its content, and while customising its menu, drag and resize handle. */
export function WidgetCard({ widget, index, count, editing, canDrag, onAction, onDropOn, onResize, onDownload, children }: Props) {
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [over, setOver] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  const headingId = `widget-${widget.id}-title`;
  const act = (action: WidgetAction) => {
    setMenu(null);
    onAction(action);
  };
  const downloadItem = onDownload && (
    <MenuItem
      onClick={() => {
        setMenu(null);
        onDownload();
      }}
    >
      Download CSV
    </MenuItem>
  );

  const startResize = (event: React.PointerEvent) => {
    const element = card.current?.parentElement;
    if (!element) return;
    event.preventDefault();
    const columnWidth = (element.clientWidth + GAP) / COLUMNS;
    const start = { x: event.clientX, y: event.clientY };
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture?.(event.pointerId);
    const finish = (end: PointerEvent) => {
      target.removeEventListener('pointerup', finish);
      const columns = Math.round((end.clientX - start.x) / columnWidth);
      const rows = Math.round((end.clientY - start.y) / (ROW_HEIGHT + GAP));
      if (columns || rows) onResize(columns, rows);
    };
    target.addEventListener('pointerup', finish);
  };

  return (
    <Paper
      ref={card}
      component="section"
      aria-labelledby={headingId}
      draggable={editing && canDrag}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, widget.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (!editing || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        const dragged = event.dataTransfer.getData(DRAG_TYPE);
        if (dragged && dragged !== widget.id) {
          event.preventDefault();
          onDropOn(dragged);
        }
      }}
      sx={{
        p: 2,
        position: 'relative',
        minWidth: 0,
        outline: editing ? '1px dashed' : undefined,
        outlineColor: over ? 'primary.main' : 'divider',
        cursor: editing && canDrag ? 'grab' : undefined,
        gridColumn: { xs: '1 / -1', md: `${widget.x + 1} / span ${widget.w}` },
        gridRow: { xs: 'auto', md: `${widget.y + 1} / span ${widget.h}` },
        minHeight: { xs: 'auto', md: 0 },
      }}
    >
      <Stack spacing={1} sx={{ height: '100%' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography id={headingId} variant="h6" component="h2" sx={{ flexGrow: 1, fontSize: '1rem' }}>
            {widget.title}
          </Typography>
          {editing && (
            <>
              <IconButton
                size="small"
                aria-label={`Change ${widget.title}`}
                aria-haspopup="menu"
                onClick={(event) => setMenu(event.currentTarget)}
              >
                ⋮
              </IconButton>
              <Menu anchorEl={menu} open={Boolean(menu)} onClose={() => setMenu(null)}>
                <MenuItem onClick={() => act('earlier')} disabled={index === 0}>
                  Move earlier
                </MenuItem>
                <MenuItem onClick={() => act('later')} disabled={index === count - 1}>
                  Move later
                </MenuItem>
                <MenuItem onClick={() => act('wider')} disabled={widget.w >= COLUMNS}>
                  Wider
                </MenuItem>
                <MenuItem onClick={() => act('narrower')} disabled={widget.w <= MIN_WIDTH}>
                  Narrower
                </MenuItem>
                <MenuItem onClick={() => act('taller')} disabled={widget.h >= MAX_HEIGHT}>
                  Taller
                </MenuItem>
                <MenuItem onClick={() => act('shorter')} disabled={widget.h <= MIN_HEIGHT}>
                  Shorter
                </MenuItem>
                {widget.type === 'custom' && <MenuItem onClick={() => act('edit')}>Edit…</MenuItem>}
                {downloadItem}
                <MenuItem onClick={() => act('remove')}>Remove</MenuItem>
              </Menu>
            </>
          )}
          {!editing && downloadItem && (
            <>
              <IconButton
                size="small"
                aria-label={`Options for ${widget.title}`}
                aria-haspopup="menu"
                onClick={(event) => setMenu(event.currentTarget)}
              >
                ⋮
              </IconButton>
              <Menu anchorEl={menu} open={Boolean(menu)} onClose={() => setMenu(null)}>
                {downloadItem}
              </Menu>
            </>
          )}
        </Box>
        <Box sx={{ flexGrow: 1, minHeight: 0 }}>{children}</Box>
      </Stack>
      {editing && canDrag && (
        <Box
          aria-hidden
          title="Drag to resize"
          onPointerDown={startResize}
          sx={{
            position: 'absolute',
            right: 2,
            bottom: 2,
            width: 16,
            height: 16,
            cursor: 'nwse-resize',
            borderRight: 3,
            borderBottom: 3,
            borderColor: 'text.secondary',
            touchAction: 'none',
          }}
        />
      )}
    </Paper>
  );
}
