import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { ChartFrame } from '../../components/charts/ChartFrame';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { REPORT_POLL_MS } from '../reports/reportsApi';
import { useRunQueryQuery } from './dashboardApi';
import { customDefinition, DIMENSION_LABELS, inCurrency, toChartData } from './definitions';
import type { ChartType, CustomSettings, QueryDefinition, QueryResult, Widget } from './types';

/** A "number" widget: its ungrouped query's one figure per currency (or the one count), as the table shows it. */
export function NumberView({ definition, result }: { definition: QueryDefinition; result: QueryResult }) {
  const data = toChartData({ ...definition, groupBy: null }, { ...result, groupBy: null });
  const totals = data.series.map((series) => ({
    label: series.label,
    text: data.rows.map((row) => row.formatted[series.key]).find(Boolean) ?? '—',
  }));
  return (
    <Box>
      {totals.map(({ label, text }) => (
        <Typography key={label} variant="h4" component="p" aria-label={`${label}: ${text}`}>
          {text}
        </Typography>
      ))}
    </Box>
  );
}

/** A widget's data, drawn as its chart type. */
export function QueryView({ title, definition, result, chart, height }: {
  title: string;
  definition: QueryDefinition;
  result: QueryResult;
  chart: ChartType;
  height: number;
}) {
  const data = useMemo(() => toChartData(definition, result), [definition, result]);
  const currencies = data.series.length > 1 ? data.series.map((series) => series.key) : [];
  const [picked, setPicked] = useState<string>();
  if (chart === 'number') return <NumberView definition={definition} result={result} />;
  const category = definition.groupBy ? DIMENSION_LABELS[definition.groupBy] : 'Total';
  if (chart === 'table' || currencies.length === 0) {
    return <ChartFrame kind={chart} title={title} data={data} height={height} categoryLabel={category} />;
  }
  // amounts in different currencies share no axis: one currency at a time, the others a click away
  const currency = picked && currencies.includes(picked) ? picked : currencies[0]!;
  return (
    <Stack spacing={1}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={currency}
        onChange={(_event, value: string | null) => value && setPicked(value)}
        aria-label={`${title} currency`}
        sx={{ alignSelf: 'flex-end', flexWrap: 'wrap' }}
      >
        {currencies.map((code) => (
          <ToggleButton key={code} value={code} sx={{ py: 0.25 }}>
            {code}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <ChartFrame kind={chart} title={title} data={inCurrency(data, currency)} height={height - 40} categoryLabel={category} />
    </Stack>
  );
}

/** Evaluates a definition with POST /reports/query and shows it. */
export function CustomWidgetBody({ title, definition, chart, height }: {
  title: string;
  definition: QueryDefinition;
  chart: ChartType;
  height: number;
}) {
  const { data, error, isLoading } = useRunQueryQuery(definition, {
    pollingInterval: REPORT_POLL_MS,
    skipPollingIfUnfocused: true,
  });
  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !data) return <PageLoading label={`Loading ${title}`} />;
  return <QueryView title={title} definition={definition} result={data} chart={chart} height={height} />;
}

/** A custom widget: its stored definition over its relative period. */
export function CustomWidget({ widget, height }: { widget: Widget; height: number }) {
  const settings = widget.settings as unknown as CustomSettings;
  const definition = useMemo(() => customDefinition(widget), [widget]);
  if (!definition) return <Typography color="text.secondary">This widget has no definition.</Typography>;
  return <CustomWidgetBody title={widget.title} definition={definition} chart={settings.chart ?? 'table'} height={height} />;
}
