import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  /** What a user may do here, beside the title (e.g. "New lead"); wraps below it on a phone. */
  action?: ReactNode;
  children?: ReactNode;
}

/** A titled part of a page (a customer's notes, leads, payments…): a `section` named by its `h2` for screen readers. */
export function Section({ title, action, children }: Props) {
  const titleId = useId();
  return (
    <Stack component="section" spacing={1} aria-labelledby={titleId}>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography id={titleId} variant="h6" component="h2">
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </Stack>
  );
}
