import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { kindLabel } from './kinds';
import { TIMELINE_KINDS, type TimelineKind } from './timelineApi';

interface Props {
  /** The kinds offered (all of them unless the list holds only some, as a lead's does). */
  kinds?: readonly TimelineKind[];
  selected: readonly TimelineKind[];
  onChange: (kinds: TimelineKind[]) => void;
}

/** "Show only": one toggle per kind of entry, none pressed meaning every kind but scores; the kinds in a stable order. */
export function KindFilter({ kinds = TIMELINE_KINDS, selected, onChange }: Props) {
  const toggle = (kind: TimelineKind) =>
    onChange(
      selected.includes(kind)
        ? selected.filter((each) => each !== kind)
        : kinds.filter((each) => each === kind || selected.includes(each)),
    );
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="Show only">
      {kinds.map((kind) => {
        const pressed = selected.includes(kind);
        return (
          <Chip
            key={kind}
            label={kindLabel(kind)}
            clickable
            color={pressed ? 'primary' : 'default'}
            variant={pressed ? 'filled' : 'outlined'}
            aria-pressed={pressed}
            onClick={() => toggle(kind)}
          />
        );
      })}
    </Stack>
  );
}
