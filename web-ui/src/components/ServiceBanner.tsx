import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { dismissUnavailable } from '../api/noticesSlice';

/** One banner per unavailable part (gateway 503 fallback); the rest of the app keeps working. */
export function ServiceBanner() {
  const unavailable = useAppSelector((state) => state.notices.unavailable);
  const dispatch = useAppDispatch();
  const entries = Object.entries(unavailable);
  if (entries.length === 0) return null;
  return (
    <Stack spacing={1}>
      {entries.map(([area, service]) => (
        <Alert key={area} severity="warning" role="alert" onClose={() => dispatch(dismissUnavailable({ area }))}>
          {service} is unavailable right now. Other parts of the CRM keep working; try again shortly.
        </Alert>
      ))}
    </Stack>
  );
}
