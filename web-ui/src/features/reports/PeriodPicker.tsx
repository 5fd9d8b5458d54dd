import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { PERIOD_LABELS, PERIOD_PRESETS, type PeriodPreset } from './period';

interface Props {
  preset: PeriodPreset;
  first: string;
  last: string;
  onChange: (change: { preset?: PeriodPreset; first?: string; last?: string }) => void;
}

/** This month, last month, this quarter, or two dates of one's own (the last day included). */
export function PeriodPicker({ preset, first, last, onChange }: Props) {
  const backwards = Boolean(first && last && first > last);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={preset}
        aria-label="Period"
        onChange={(_event, value: PeriodPreset | null) => value && onChange({ preset: value })}
        // on a phone the four share the width, their words on two lines if need be, rather than one left on a row
        sx={{ width: { xs: '100%', sm: 'auto' }, '& .MuiToggleButton-root': { flex: { xs: 1, sm: 'none' }, lineHeight: 1.2, px: { xs: 0.5, sm: 1.5 } } }}
      >
        {PERIOD_PRESETS.map((value) => (
          <ToggleButton key={value} value={value}>
            {PERIOD_LABELS[value]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {preset === 'custom' && (
        <>
          <TextField
            type="date"
            size="small"
            label="First day"
            value={first}
            onChange={(event) => onChange({ first: event.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="date"
            size="small"
            label="Last day"
            value={last}
            onChange={(event) => onChange({ last: event.target.value })}
            error={backwards}
            helperText={backwards ? 'The last day comes after the first' : undefined}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </>
      )}
    </Box>
  );
}
