import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { fieldErrorsByPath } from '../../api/fieldErrors';
import { httpStatus } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryView } from './CustomWidget';
import { usePreviewQueryMutation } from './dashboardApi';
import {
  blankDefinition,
  CHART_LABELS,
  DATASET_LABELS,
  DATASET_OPTIONS,
  DIMENSION_LABELS,
  dimensionValues,
  FIELD_LABELS,
  FUNCTION_LABELS,
  OPERATOR_LABELS,
  PERIOD_LABELS,
  widgetPeriod,
} from './definitions';
import {
  CHART_TYPES,
  DATASETS,
  METRIC_FUNCTIONS,
  OPERATORS,
  WIDGET_PERIODS,
  type ChartType,
  type CustomSettings,
  type Dataset,
  type Dimension,
  type MetricFunction,
  type Operator,
  type QueryDefinition,
  type QueryResult,
  type Widget,
  type WidgetPeriod,
} from './types';

interface FilterDraft {
  field: string;
  operator: Operator;
  value: string;
}

interface Draft {
  title: string;
  dataset: Dataset;
  fn: MetricFunction;
  field: string;
  groupBy: Dimension | '';
  filters: FilterDraft[];
  period: WidgetPeriod;
  chart: ChartType;
}

function draftOf(widget: Widget | undefined): Draft {
  const settings = widget?.settings as Partial<CustomSettings> | undefined;
  const query = settings?.query ?? blankDefinition();
  return {
    title: widget?.title ?? '',
    dataset: query.dataset,
    fn: query.metric.function,
    field: query.metric.field ?? '',
    groupBy: query.groupBy ?? '',
    filters: query.filters.map((filter) => ({
      field: filter.field,
      operator: filter.operator,
      value: Array.isArray(filter.value) ? filter.value.join(', ') : String(filter.value),
    })),
    period: settings?.period ?? 'this-month',
    chart: settings?.chart ?? 'bar',
  };
}

/** The definition a draft stands for (the query stored without dates: its period keeps them current). */
function definitionOf(draft: Draft): QueryDefinition {
  return {
    dataset: draft.dataset,
    metric: { function: draft.fn, field: draft.fn === 'count' ? null : draft.field || null },
    // a number is one total: its widget is evaluated without a grouping
    groupBy: draft.chart === 'number' ? null : draft.groupBy || null,
    filters: draft.filters.map(({ field, operator, value }) => ({
      field,
      operator,
      value: operator === 'in' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value.trim(),
    })),
  };
}

/**
 * A filter's value: for a dimension with known values a menu of their names (several for "is one of"), sending their
 * codes; otherwise text (an owner's id, a tag, an amount).
 */
function FilterValue({ label, filter, choices, onChange, error }: {
  label: string;
  filter: FilterDraft;
  choices: Record<string, string> | undefined;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const several = filter.operator === 'in';
  if (!choices) {
    return (
      <TextField
        size="small"
        label={label}
        value={filter.value}
        onChange={(event) => onChange(event.target.value)}
        error={Boolean(error)}
        helperText={error ?? (several ? 'Separate values with commas' : undefined)}
      />
    );
  }
  const picked = filter.value.split(',').map((part) => part.trim()).filter((code) => code in choices);
  return (
    <TextField
      select
      size="small"
      label={label}
      value={several ? picked : (picked[0] ?? '')}
      onChange={(event) => {
        const value: unknown = event.target.value;
        onChange(Array.isArray(value) ? value.join(',') : String(value));
      }}
      slotProps={{
        select: {
          multiple: several,
          renderValue: (value: unknown) => ([] as string[]).concat(value as string | string[]).map((code) => choices[code] ?? code).join(', '),
        },
      }}
      error={Boolean(error)}
      helperText={error}
    >
      {Object.entries(choices).map(([code, name]) => (
        <MenuItem key={code} value={code}>
          {name}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Thrown back by `onSave` when the layout was refused: its problem's errors go on the fields. */
export type SaveWidget = (widget: Widget) => Promise<void>;

interface Props {
  open: boolean;
  /** The widget being changed; a new one without. */
  widget?: Widget;
  onClose: () => void;
  onSave: SaveWidget;
}

// a layout's errors name the widget: widgets[3].settings.query.groupBy → groupBy
const QUERY_PATH = /^widgets\[\d+\]\.(settings\.query\.|settings\.)?/;

/**
 * Builds a widget without code: dataset, metric, field, grouping, filters, period and chart type. Preview and save
 * ask reporting-service to evaluate the definition first; its 400 `errors[]` show on the fields they name.
 */
export function WidgetEditor({ open, widget, onClose, onSave }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(widget));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [preview, setPreview] = useState<{ definition: QueryDefinition; result: QueryResult }>();
  const [saving, setSaving] = useState(false);
  const [evaluate] = usePreviewQueryMutation();
  const options = DATASET_OPTIONS[draft.dataset];

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setPreview(undefined);
  };
  const changeFilter = (index: number, patch: Partial<FilterDraft>) =>
    change({ filters: draft.filters.map((filter, i) => (i === index ? { ...filter, ...patch } : filter)) });

  /** The server's answer to the definition: field errors and the rest, or the rows. */
  const check = async (): Promise<QueryDefinition | undefined> => {
    setErrors({});
    setFailure(undefined);
    const definition = definitionOf(draft);
    const period = widgetPeriod(draft.period);
    try {
      const result = await evaluate({ ...definition, from: period.from ?? null, to: period.to ?? null }).unwrap();
      setPreview({ definition, result });
      return definition;
    } catch (error) {
      showFailure(error, (path) => path);
      return undefined;
    }
  };

  const showFailure = (error: unknown, pathOf: (path: string) => string) => {
    const byPath = Object.fromEntries(Object.entries(fieldErrorsByPath(error)).map(([path, message]) => [pathOf(path), message]));
    setErrors(byPath);
    const shown = Object.keys(byPath).some((path) => KNOWN.test(path));
    if (!shown || httpStatus(error) !== 400) setFailure(error);
  };

  const save = async () => {
    if (!draft.title.trim()) {
      setErrors({ title: 'Enter a title' });
      return;
    }
    setSaving(true);
    try {
      const definition = await check();
      if (!definition) return;
      const settings: CustomSettings = { query: definition, chart: draft.chart, period: draft.period };
      await onSave({
        id: widget?.id ?? '',
        type: 'custom',
        title: draft.title.trim(),
        x: widget?.x ?? 0,
        y: widget?.y ?? 0,
        w: widget?.w ?? 6,
        h: widget?.h ?? 4,
        settings: settings as unknown as Record<string, unknown>,
      });
    } catch (error) {
      showFailure(error, (path) => path.replace(QUERY_PATH, ''));
    } finally {
      setSaving(false);
    }
  };

  const errorOf = (path: string) => errors[path];
  const title = widget ? `Edit ${widget.title}` : 'New widget';

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="widget-editor-title">
      <DialogTitle id="widget-editor-title">{title}</DialogTitle>
      <DialogContent>
        <Stack
          component="form"
          spacing={2}
          sx={{ pt: 1 }}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          {failure !== undefined && <ErrorAlert error={failure} />}
          <TextField
            label="Title"
            value={draft.title}
            onChange={(event) => change({ title: event.target.value })}
            error={Boolean(errorOf('title'))}
            helperText={errorOf('title')}
            required
            autoFocus
          />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', md: 'repeat(4, 1fr)' } }}>
            <TextField
              select
              label="Dataset"
              value={draft.dataset}
              onChange={(event) => {
                const dataset = event.target.value as Dataset;
                const next = DATASET_OPTIONS[dataset];
                change({
                  dataset,
                  field: next.fields[0] ?? '',
                  fn: next.fields.length ? draft.fn : 'count',
                  groupBy: draft.groupBy && next.dimensions.includes(draft.groupBy) ? draft.groupBy : '',
                  filters: draft.filters.filter((filter) => next.filters.includes(filter.field)),
                });
              }}
              error={Boolean(errorOf('dataset'))}
              helperText={errorOf('dataset')}
            >
              {DATASETS.map((dataset) => (
                <MenuItem key={dataset} value={dataset}>
                  {DATASET_LABELS[dataset]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Metric"
              value={draft.fn}
              onChange={(event) => {
                const fn = event.target.value as MetricFunction;
                change({ fn, field: fn === 'count' ? '' : draft.field || (options.fields[0] ?? '') });
              }}
              error={Boolean(errorOf('metric.function') ?? errorOf('metric'))}
              helperText={errorOf('metric.function') ?? errorOf('metric')}
            >
              {METRIC_FUNCTIONS.map((fn) => (
                <MenuItem key={fn} value={fn} disabled={fn !== 'count' && options.fields.length === 0}>
                  {FUNCTION_LABELS[fn]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Field"
              value={draft.fn === 'count' ? '' : draft.field}
              disabled={draft.fn === 'count'}
              onChange={(event) => change({ field: event.target.value })}
              error={Boolean(errorOf('metric.field'))}
              helperText={errorOf('metric.field') ?? (draft.fn === 'count' ? 'Counts need no field' : undefined)}
            >
              <MenuItem value="">
                <em>None</em>
              </MenuItem>
              {options.fields.map((field) => (
                <MenuItem key={field} value={field}>
                  {FIELD_LABELS[field] ?? field}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Group by"
              value={draft.chart === 'number' ? '' : draft.groupBy}
              onChange={(event) => change({ groupBy: event.target.value as Dimension | '' })}
              disabled={draft.chart === 'number'}
              error={Boolean(errorOf('groupBy'))}
              helperText={errorOf('groupBy') ?? (draft.chart === 'number' ? 'A number shows one total' : undefined)}
            >
              <MenuItem value="">
                <em>Nothing (one total)</em>
              </MenuItem>
              {options.dimensions.map((dimension) => (
                <MenuItem key={dimension} value={dimension}>
                  {DIMENSION_LABELS[dimension]}
                </MenuItem>
              ))}
            </TextField>
          </Box>

          <Stack component="fieldset" spacing={1} sx={{ border: 0, p: 0, m: 0 }}>
            <Typography component="legend" variant="subtitle2">
              Filters
            </Typography>
            {draft.filters.length === 0 && (
              <Typography variant="body2" color="text.secondary">
                No filters: every record the period holds.
              </Typography>
            )}
            {draft.filters.map((filter, index) => {
              const n = index + 1;
              return (
                <Box
                  key={index}
                  sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 2fr auto' }, alignItems: 'start' }}
                >
                  <TextField
                    select
                    size="small"
                    label={`Filter ${n} field`}
                    value={filter.field}
                    // another field's values mean nothing here
                    onChange={(event) => changeFilter(index, { field: event.target.value, value: '' })}
                    error={Boolean(errorOf(`filters[${index}].field`))}
                    helperText={errorOf(`filters[${index}].field`)}
                  >
                    {[...new Set([...options.filters, filter.field])].map((field) => (
                      <MenuItem key={field} value={field}>
                        {DIMENSION_LABELS[field as Dimension] ?? field}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField
                    select
                    size="small"
                    label={`Filter ${n} operator`}
                    value={filter.operator}
                    onChange={(event) => changeFilter(index, { operator: event.target.value as Operator })}
                    error={Boolean(errorOf(`filters[${index}].operator`))}
                    helperText={errorOf(`filters[${index}].operator`)}
                  >
                    {OPERATORS.map((operator) => (
                      <MenuItem key={operator} value={operator}>
                        {OPERATOR_LABELS[operator]}
                      </MenuItem>
                    ))}
                  </TextField>
                  <FilterValue
                    label={`Filter ${n} value`}
                    filter={filter}
                    choices={dimensionValues(draft.dataset, filter.field)}
                    onChange={(value) => changeFilter(index, { value })}
                    error={errorOf(`filters[${index}].value`) ?? errorOf(`filters[${index}]`)}
                  />
                  <IconButton aria-label={`Remove filter ${n}`} onClick={() => change({ filters: draft.filters.filter((_, i) => i !== index) })}>
                    ×
                  </IconButton>
                </Box>
              );
            })}
            <Box>
              <Button
                size="small"
                disabled={options.filters.length === 0}
                onClick={() => change({ filters: [...draft.filters, { field: options.filters[0] ?? 'status', operator: 'eq', value: '' }] })}
              >
                Add filter
              </Button>
            </Box>
          </Stack>

          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)' } }}>
            <TextField
              select
              label="Period"
              value={draft.period}
              onChange={(event) => change({ period: event.target.value as WidgetPeriod })}
              error={Boolean(errorOf('from') ?? errorOf('to'))}
              helperText={errorOf('from') ?? errorOf('to')}
            >
              {WIDGET_PERIODS.map((period) => (
                <MenuItem key={period} value={period}>
                  {PERIOD_LABELS[period]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Chart"
              value={draft.chart}
              onChange={(event) => change({ chart: event.target.value as ChartType })}
              error={Boolean(errorOf('chart'))}
              helperText={errorOf('chart')}
            >
              {CHART_TYPES.map((chart) => (
                <MenuItem key={chart} value={chart}>
                  {CHART_LABELS[chart]}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          {preview && (
            <Box component="section" aria-label="Preview" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
              <Typography variant="subtitle2" component="h3">
                Preview
              </Typography>
              <QueryView title={draft.title || 'Preview'} definition={preview.definition} result={preview.result} chart={draft.chart} height={200} />
            </Box>
          )}
          {/* lets Enter submit */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Stack>
        {Object.keys(errors).length > 0 && !failure && (
          <Alert severity="error" sx={{ mt: 2 }}>
            The server refused this widget: see the marked fields.
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void check()} disabled={saving}>
          Preview
        </Button>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {widget ? 'Save widget' : 'Add widget'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

const KNOWN = /^(title|dataset|metric(\.function|\.field)?|groupBy|filters\[\d+\](\.(field|operator|value))?|from|to|chart)$/;
