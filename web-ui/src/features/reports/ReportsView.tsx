import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ChartFrame } from '../../components/charts/ChartFrame';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import { useCan } from '../auth/useMe';
import { ExportButtons } from '../../components/ExportButtons';
import { dayBefore, isPreset, periodOf, periodParams, type PeriodPreset } from './period';
import { PeriodPicker } from './PeriodPicker';
import { useFunnelQuery, useRevenueQuery } from './reportsApi';
import { SalesPerformanceTable } from './SalesPerformanceTable';
import type { Granularity, Period, ReportName } from './types';
import { funnelChart } from './funnelChart';
import { revenueChart, revenueExportPeriod } from './revenueChart';

const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];
const GRANULARITY_LABELS: Record<Granularity, string> = { day: 'Day', week: 'Week', month: 'Month' };

function exportPath(report: ReportName, params: Record<string, string>): string {
  return `/reports/${report}/export?${new URLSearchParams(params).toString()}`;
}

function Section({ id, title, actions, children }: { id: string; title: string; actions: ReactNode; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <Typography id={id} variant="h6" component="h2">
            {title}
          </Typography>
          {actions}
        </Box>
        {children}
      </Stack>
    </Paper>
  );
}

function FunnelReport({ period }: { period: Period }) {
  const { data, error, isFetching } = useFunnelQuery(period);
  const chart = useMemo(() => funnelChart(data?.stages), [data]);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <PageLoading label="Loading the funnel" />;
  return (
    <Stack spacing={1} aria-busy={isFetching}>
      <Typography>Conversion rate {formatPercent(data.conversionRate)}</Typography>
      <ChartFrame kind="funnel" title="Funnel" data={chart} height={260} categoryLabel="Stage" />
    </Stack>
  );
}

interface RevenueProps {
  period: Period;
  granularity: Granularity;
  /** The one asked for; '' lets the service choose (its default currency, else the first money moved in). */
  currency: string;
  onChange: (changes: { granularity?: string; currency?: string }) => void;
}

function RevenueReport({ period, granularity, currency, onChange }: RevenueProps) {
  const { data, error, isFetching } = useRevenueQuery({ ...period, granularity, currency: currency || undefined });
  const chart = useMemo(() => revenueChart(data), [data]);
  // the currencies money moved in during the period, and the one shown even if none did
  const currencies = data ? [...new Set([data.currency, ...data.currencies])].sort() : [];
  return (
    <>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label="By"
          value={granularity}
          onChange={(event) => onChange({ granularity: event.target.value })}
          sx={{ minWidth: 120 }}
        >
          {GRANULARITIES.map((value) => (
            <MenuItem key={value} value={value}>
              {GRANULARITY_LABELS[value]}
            </MenuItem>
          ))}
        </TextField>
        {data && (
          <TextField
            select
            size="small"
            label="Currency"
            value={data.currency}
            onChange={(event) => onChange({ currency: event.target.value })}
            helperText={currencies.length > 1 ? `Payments in ${currencies.length} currencies this period` : undefined}
            sx={{ minWidth: 140 }}
          >
            {currencies.map((value) => (
              <MenuItem key={value} value={value}>
                {value}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Box>
      {error && <ErrorAlert error={error} />}
      {!data && !error && <PageLoading label="Loading revenue" />}
      {data && (
        <Stack spacing={1} aria-busy={isFetching}>
          <Typography>Total {formatMoney(data.total, data.currency)}</Typography>
          <ChartFrame kind="line" title="Revenue" data={chart} height={260} categoryLabel={GRANULARITY_LABELS[granularity]} />
        </Stack>
      )}
    </>
  );
}

/** Sales performance, funnel and revenue over a period, each with CSV and PDF exports. */
export default function ReportsView() {
  const [params, setParams] = useSearchParams();
  const salesPerformance = useCan('viewSalesPerformance');
  const presetParam = params.get('period');
  const preset: PeriodPreset = isPreset(presetParam) ? presetParam : 'this-month';
  const first = params.get('first') ?? '';
  const last = params.get('last') ?? '';
  const granularityParam = params.get('granularity') as Granularity | null;
  const granularity: Granularity = granularityParam && GRANULARITIES.includes(granularityParam) ? granularityParam : 'day';
  const currency = params.get('currency') ?? '';
  const [now] = useMemo(() => [new Date()], []);
  const period = periodOf(preset, now, { first, last });

  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );

  const range = period?.from && period.to ? `${formatDate(period.from)} – ${formatDate(dayBefore(period.to))}` : undefined;
  const periodQuery = period ? periodParams(period) : {};

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Reports
      </Typography>
      <PeriodPicker
        preset={preset}
        first={first}
        last={last}
        onChange={(change) => {
          // a preset drops the picked days; Custom starts from the period shown, to be adjusted, rather than from nothing
          const leavingCustom = change.preset !== undefined && change.preset !== 'custom';
          const days =
            change.preset === 'custom' && !first && !last && period?.from && period.to
              ? { first: period.from, last: dayBefore(period.to) }
              : { first, last };
          update({
            period: change.preset ?? preset,
            first: change.first ?? (leavingCustom ? undefined : days.first),
            last: change.last ?? (leavingCustom ? undefined : days.last),
          });
        }}
      />
      {range && (
        <Typography variant="body2" color="text.secondary">
          {range}
        </Typography>
      )}
      {!period ? (
        <Typography color="text.secondary">Pick the first and the last day.</Typography>
      ) : (
        <>
          {salesPerformance && (
            <Section
              id="report-sales-performance"
              title="Sales performance"
              actions={<ExportButtons what="sales performance" path={exportPath('sales-performance', periodQuery)} />}
            >
              <SalesPerformanceTable period={period} />
            </Section>
          )}
          <Section id="report-funnel" title="Funnel" actions={<ExportButtons what="funnel" path={exportPath('funnel', periodQuery)} />}>
            <FunnelReport period={period} />
          </Section>
          <Section
            id="report-revenue"
            title="Revenue"
            actions={
              <ExportButtons
                what="revenue"
                path={exportPath('revenue', { granularity, ...(currency ? { currency } : {}), ...revenueExportPeriod(periodQuery, now) })}
              />
            }
          >
            <RevenueReport period={period} granularity={granularity} currency={currency} onChange={update} />
          </Section>
        </>
      )}
    </Stack>
  );
}
