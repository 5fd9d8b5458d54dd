import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';

interface Props {
  value: string[];
  onChange: (tags: string[]) => void;
  error: string | undefined;
  /** Labels to suggest (e.g. the ones the list shows); any other may be typed. */
  suggestions?: readonly string[];
}

/** Short labels: typed and confirmed with Enter (or by leaving the field), shown as chips, stored lower case once. */
export function TagsField({ value, onChange, error, suggestions = [] }: Props) {
  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      id="customer-tags"
      options={suggestions.filter((tag) => !value.includes(tag))}
      value={value}
      onChange={(_event, tags) => onChange(normalise(tags))}
      renderValue={(tags, getItemProps) =>
        tags.map((tag, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} label={tag} size="small" {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          name="tags"
          label="Tags"
          error={Boolean(error)}
          helperText={error ?? 'Press Enter after each tag'}
        />
      )}
    />
  );
}

function normalise(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}
