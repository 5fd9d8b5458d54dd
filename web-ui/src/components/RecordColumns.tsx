import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';

/**
 * A record's page below its title. On wide screens the record's facts and what belongs to it (leads, payments,
 * documents…) stand beside what was said and done (notes, the timeline, the history), so neither is a long scroll
 * away; narrower screens show one column, the record's side first.
 */
export function RecordColumns({ side, main }: { side: ReactNode; main: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        alignItems: 'start',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 5fr) minmax(0, 7fr)' },
      }}
    >
      <Stack spacing={3}>{side}</Stack>
      <Stack spacing={3}>{main}</Stack>
    </Box>
  );
}
