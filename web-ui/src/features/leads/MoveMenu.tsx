import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useId, useState } from 'react';
import { STATUS_LABELS } from './labels';
import { allowedFrom } from './transitions';
import type { Lead, LeadStatus } from './types';

/** The keyboard and touch way to move a card: the statuses the lead may move to from where it is. */
export function MoveMenu({ lead, disabled, onMove }: { lead: Lead; disabled?: boolean; onMove: (to: LeadStatus) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const targets = allowedFrom(lead.status);
  if (targets.length === 0) return null;
  return (
    <>
      <Button
        size="small"
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        aria-label={`Move ${lead.title} to…`}
        disabled={disabled}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        Move to…
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {targets.map((status) => (
          <MenuItem
            key={status}
            onClick={() => {
              setAnchor(null);
              onMove(status);
            }}
          >
            {STATUS_LABELS[status]}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
