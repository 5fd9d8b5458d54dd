import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useCan } from '../auth/useMe';
import { SOURCE_LABELS, STATUS_LABELS } from './labels';
import { useListAssigneesQuery } from './leadsApi';
import { LEAD_SOURCES, LEAD_STATUSES, type LeadSort } from './types';

export type FilterName = 'status' | 'assignee' | 'source' | 'sort';

interface Props {
  search: string;
  onSearchChange: (value: string) => void;
  /** Said under the search field (the board's shortest search). */
  searchHint?: string;
  values: Partial<Record<FilterName, string>>;
  onChange: (name: FilterName, value: string) => void;
  /** A sales user sees only their own leads: no assignee filter then. */
  ownOnly: boolean;
}

const SORT_LABELS: Record<LeadSort, string> = { created: 'Newest first', value: 'Highest value', score: 'Highest score' };

/** Search and the filters a page has (a filter shows when its value is given); each "Any" is the empty value. */
export function LeadFilters({ search, onSearchChange, searchHint, values, onChange, ownOnly }: Props) {
  const canList = useCan('viewAssignees');
  const { data: assignees = [] } = useListAssigneesQuery(undefined, { skip: !canList || ownOnly });

  const select = (name: FilterName, label: string, options: [string, string][]) => (
    <TextField
      select
      id={`lead-filter-${name}`}
      label={label}
      value={values[name] ?? ''}
      onChange={(event) => onChange(name, event.target.value)}
      // the empty choice ("Any status") shows as itself, not as a blank box
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      size="small"
      sx={{ minWidth: 150 }}
    >
      {options.map(([value, text]) => (
        <MenuItem key={value} value={value}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <TextField
        id="lead-search"
        label="Search leads"
        type="search"
        placeholder="Title or customer"
        value={search}
        onChange={(event) => onSearchChange(event.target.value)}
        helperText={searchHint}
        size="small"
        sx={{ flexGrow: 1, minWidth: 200 }}
      />
      {values.status !== undefined &&
        select('status', 'Status', [['', 'Any status'], ...LEAD_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]])])}
      {!ownOnly &&
        values.assignee !== undefined &&
        select('assignee', 'Assignee', [
          ['', 'Anyone'],
          ['me', 'Me'],
          ...assignees.map((a): [string, string] => [a.id, a.name || a.username]),
          // a filter from the URL for someone not (or no longer) in the list still shows
          ...(values.assignee && values.assignee !== 'me' && !assignees.some((a) => a.id === values.assignee)
            ? [[values.assignee, 'Selected user'] as [string, string]]
            : []),
        ])}
      {values.source !== undefined &&
        select('source', 'Source', [['', 'Any source'], ...LEAD_SOURCES.map((s): [string, string] => [s, SOURCE_LABELS[s]])])}
      {values.sort !== undefined &&
        select('sort', 'Sort by', Object.entries(SORT_LABELS))}
    </Stack>
  );
}
