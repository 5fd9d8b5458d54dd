import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import { DeleteIcon } from './icons';
import { formatDateTime } from '../../lib/format';
import { formatBytes, typeLabel } from './format';
import { contentUrl, type CustomerDocument } from './types';

interface Props {
  documents: CustomerDocument[];
  canRemove: boolean;
  onRemove: (document: CustomerDocument) => void;
}

/** Each document: its name as the download link, then type, size, who uploaded it and when. */
export function DocumentList({ documents, canRemove, onRemove }: Props) {
  return (
    <Paper>
      <List aria-label="Documents">
        {documents.map((document) => (
          <ListItem
            key={document.id}
            divider
            secondaryAction={
              canRemove && (
                <Tooltip title="Delete">
                  <IconButton edge="end" aria-label={`Delete ${document.filename}`} onClick={() => onRemove(document)}>
                    <DeleteIcon />
                  </IconButton>
                </Tooltip>
              )
            }
          >
            <ListItemText
              sx={{ pr: canRemove ? 4 : 0, wordBreak: 'break-word' }}
              primary={
                <Link href={contentUrl(document)} download={document.filename}>
                  {document.filename}
                </Link>
              }
              secondary={[
                typeLabel(document.contentType),
                formatBytes(document.size),
                document.uploadedByName,
                formatDateTime(document.uploadedAt),
              ].join(' · ')}
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
}
