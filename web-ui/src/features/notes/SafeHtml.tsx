import Box from '@mui/material/Box';
import { useMemo } from 'react';
import { sanitizeHtml } from './sanitizeHtml';

export function SafeHtml({ html }: { html: string }) {
  const clean = useMemo(() => sanitizeHtml(html), [html]);
  return (
    <Box
      sx={{
        overflowWrap: 'anywhere',
        '& > :first-of-type': { mt: 0 },
        '& > :last-child': { mb: 0 },
        '& p': { my: 0.75 },
        '& h2, & h3, & h4': { mt: 1.5, mb: 0.5, lineHeight: 1.3 },
        '& h2': { fontSize: '1.25rem' },
        '& h3': { fontSize: '1.1rem' },
        '& h4': { fontSize: '1rem' },
        '& pre': { overflowX: 'auto', p: 1, bgcolor: 'grey.100', borderRadius: 1 },
        '& blockquote': { borderLeft: 3, borderColor: 'divider', pl: 1.5, ml: 0, color: 'text.secondary' },
        '& a': { color: 'primary.main' },
      }}
      // sanitised twice: by the server's policy before it was stored, and by DOMPurify above
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
