import Link from '@mui/material/Link';
import List from '@mui/material/List';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ChartFrame } from '../../components/charts/ChartFrame';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { formatMoney, formatPercent } from '../../lib/format';
import { FeedEntry } from '../activities/ActivityEntry';
import { activitiesApi, useListActivitiesInfiniteQuery } from '../activities/activitiesApi';
import { useTimelinePolling } from '../activities/catchUp';
import { TIMELINE_KINDS } from '../activities/timelineApi';
import { browserZone } from '../followups/access';
import { FollowUpList } from '../followups/FollowUpList';
import { REPORT_POLL_MS, useFunnelQuery, useRevenueQuery } from '../reports/reportsApi';
import { SalesPerformanceTable } from '../reports/SalesPerformanceTable';
import { CustomWidgetBody } from './CustomWidget';
import { FIGURES, type Figure } from './figures';
import { HeadlineCards } from './HeadlineCards';
import type { QueryDefinition, Widget } from './types';
import { funnelChart } from '../reports/funnelChart';
import { revenueChart } from '../reports/revenueChart';

const POLL = { pollingInterval: REPORT_POLL_MS, skipPollingIfUnfocused: true } as const;

export function RevenueWidget({ widget, height }: { widget: Widget; height: number }) {
  // the widget's own currency, else the one picked among those money moved in this month, else the service's choice
  const own = widget.settings.currency as string | undefined;
  const [picked, setPicked] = useState<string>();
  const currency = own ?? picked;
  const { data, error, isLoading } = useRevenueQuery({ granularity: 'day', currency }, POLL);
  const received = own ? [] : (data?.currencies ?? []);
  const chart = useMemo(() => revenueChart(data), [data]);
  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !data) return <PageLoading label={`Loading ${widget.title}`} />;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography variant="body2">Total {formatMoney(data.total, data.currency)}</Typography>
        {received.length > 1 && (
          <ToggleButtonGroup
            exclusive
            size="small"
            value={data.currency}
            onChange={(_event, value: string | null) => value && setPicked(value)}
            aria-label={`${widget.title} currency`}
          >
            {received.map((code) => (
              <ToggleButton key={code} value={code} sx={{ py: 0.25 }}>
                {code}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        )}
      </Stack>
      <ChartFrame kind="line" title={widget.title} data={chart} height={height - 40} categoryLabel="Day" />
    </Stack>
  );
}

export function FunnelWidget({ widget, height }: { widget: Widget; height: number }) {
  const { data, error, isLoading } = useFunnelQuery({}, POLL);
  const chart = useMemo(() => funnelChart(data?.stages), [data]);
  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !data) return <PageLoading label={`Loading ${widget.title}`} />;
  return (
    <Stack spacing={1}>
      <Typography variant="body2">Conversion {formatPercent(data.conversionRate)}</Typography>
      <ChartFrame kind="funnel" title={widget.title} data={chart} height={height - 40} categoryLabel="Stage" />
    </Stack>
  );
}

const PIPELINE: QueryDefinition = {
  dataset: 'leads',
  metric: { function: 'sum', field: 'value' },
  groupBy: 'status',
  filters: [{ field: 'status', operator: 'in', value: ['NEW', 'IN_PROGRESS'] }],
};

export function PipelineWidget({ widget, height }: { widget: Widget; height: number }) {
  return <CustomWidgetBody title={widget.title} definition={PIPELINE} chart="bar" height={height} />;
}

/** Shown only to whoever may view sales performance (DashboardWidgets leaves it out for the others). */
export function SalesPerformanceWidget() {
  return <SalesPerformanceTable period={{}} compact />;
}

/** What people and integrations did: the scores it moved are on the "All activity" page and each customer's. */
const RECENT_KINDS = TIMELINE_KINDS.filter((kind) => kind !== 'score');

export function RecentActivityWidget({ widget }: { widget: Widget }) {
  const args = { kinds: RECENT_KINDS };
  const pollingInterval = useTimelinePolling((state) => activitiesApi.endpoints.listActivities.select(args)(state).data);
  const { data, error, isLoading } = useListActivitiesInfiniteQuery(args, { pollingInterval, skipPollingIfUnfocused: true });
  const activities = (data?.pages[0]?.items ?? []).slice(0, 8);
  if (error) return <ErrorAlert error={error} />;
  if (isLoading) return <PageLoading label={`Loading ${widget.title}`} />;
  return (
    <Stack spacing={1}>
      {activities.length === 0 ? (
        <Typography color="text.secondary">No activity yet.</Typography>
      ) : (
        <List dense disablePadding aria-label={widget.title}>
          {activities.map((activity) => (
            <FeedEntry key={activity.id} activity={activity} compact />
          ))}
        </List>
      )}
      <Link component={RouterLink} to="/activity">
        All activity
      </Link>
    </Stack>
  );
}

export function FollowUpsWidget() {
  const zone = useMemo(() => browserZone(), []);
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2" component="h3">
        Overdue
      </Typography>
      <FollowUpList args={{ assignee: 'me', due: 'overdue', zone }} label="Overdue follow-ups" empty="Nothing overdue." showCustomer />
      <Typography variant="subtitle2" component="h3">
        Due today
      </Typography>
      <FollowUpList args={{ assignee: 'me', due: 'today', zone }} label="Follow-ups due today" empty="Nothing more due today." showCustomer />
      <Link component={RouterLink} to="/follow-ups">
        All my follow-ups
      </Link>
    </Stack>
  );
}

export function HeadlineWidget({ widget }: { widget: Widget }) {
  const figure = widget.settings.figure as Figure | undefined;
  return <HeadlineCards label={widget.title} figures={figure && FIGURES.includes(figure) ? [figure] : FIGURES} />;
}
