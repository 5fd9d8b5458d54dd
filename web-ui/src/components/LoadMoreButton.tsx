import Box from '@mui/material/Box';
import Button from '@mui/material/Button';

interface Props {
  hasMore: boolean;
  loading: boolean;
  onClick: () => void;
  label?: string;
}

export function LoadMoreButton({ hasMore, loading, onClick, label = 'Load more' }: Props) {
  if (!hasMore) return null;
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center' }}>
      <Button variant="outlined" onClick={onClick} disabled={loading}>
        {loading ? 'Loading…' : label}
      </Button>
    </Box>
  );
}
