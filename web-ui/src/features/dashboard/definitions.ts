import { formatDate, formatMoney } from '../../lib/format';
import type { ChartData } from '../../components/charts/chartData';
import { STATUS_LABELS as LEAD_STATUS_LABELS, SOURCE_LABELS } from '../leads/labels';
import { METHOD_LABELS, STATUS_LABELS as PAYMENT_STATUS_LABELS } from '../payments/labels';
import { dayAfter, isoDate, periodOf } from '../reports/period';
import type { Period } from '../reports/types';
import type {
  ChartType,
  Dataset,
  Dimension,
  MetricFunction,
  Operator,
  QueryDefinition,
  QueryResult,
  WidgetPeriod,
  WidgetType,
  Widget,
  CustomSettings,
} from './types';

export const DATASET_LABELS: Record<Dataset, string> = {
  customers: 'Customers',
  leads: 'Leads',
  payments: 'Payments',
  activities: 'Activities',
  'follow-ups': 'Follow-ups',
};

export const FUNCTION_LABELS: Record<MetricFunction, string> = { count: 'Count', sum: 'Sum', average: 'Average' };

export const DIMENSION_LABELS: Record<Dimension, string> = {
  status: 'Status',
  source: 'Source',
  owner: 'Owner',
  tag: 'Tag',
  type: 'Type',
  method: 'Method',
  currency: 'Currency',
  day: 'Day',
  week: 'Week',
  month: 'Month',
};

export const OPERATOR_LABELS: Record<Operator, string> = { eq: 'is', in: 'is one of', gte: 'at least', lte: 'at most' };

export const CHART_LABELS: Record<ChartType, string> = {
  number: 'Number',
  bar: 'Bar chart',
  line: 'Line chart',
  pie: 'Pie chart',
  funnel: 'Funnel',
  table: 'Table',
};

export const PERIOD_LABELS: Record<WidgetPeriod, string> = {
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  'this-year': 'This year',
  'last-30-days': 'Last 30 days',
};

/** What each dataset offers the editor (reporting-service validates the same and answers 400 otherwise). */
export const DATASET_OPTIONS: Record<Dataset, { fields: string[]; dimensions: Dimension[]; filters: string[] }> = {
  customers: { fields: [], dimensions: ['owner', 'tag', 'day', 'week', 'month'], filters: ['owner', 'tag'] },
  leads: {
    fields: ['value'],
    dimensions: ['status', 'source', 'owner', 'currency', 'day', 'week', 'month'],
    filters: ['status', 'source', 'owner', 'currency'],
  },
  payments: {
    fields: ['amount'],
    dimensions: ['status', 'method', 'currency', 'day', 'week', 'month'],
    filters: ['status', 'method', 'currency'],
  },
  activities: { fields: [], dimensions: ['type', 'owner', 'day', 'week', 'month'], filters: ['type', 'owner'] },
  'follow-ups': { fields: [], dimensions: ['status', 'owner', 'day', 'week', 'month'], filters: ['status', 'owner'] },
};

export const FIELD_LABELS: Record<string, string> = { value: 'Value', amount: 'Amount' };

const ACTIVITY_TYPE_LABELS: Record<string, string> = {
  note: 'Note',
  communication: 'Call, email or meeting',
  document: 'Document',
  'follow-up': 'Follow-up planned',
  'follow-up-completed': 'Follow-up done',
};
const FOLLOW_UP_STATUS_LABELS: Record<string, string> = { OPEN: 'Open', DONE: 'Done', CANCELLED: 'Cancelled' };

/** The values a dimension takes, by code, with what people call them (the server compares codes). */
const DIMENSION_VALUES: Partial<Record<Dataset, Partial<Record<Dimension, Record<string, string>>>>> = {
  leads: { status: LEAD_STATUS_LABELS, source: SOURCE_LABELS },
  payments: { status: PAYMENT_STATUS_LABELS, method: METHOD_LABELS },
  activities: { type: ACTIVITY_TYPE_LABELS },
  'follow-ups': { status: FOLLOW_UP_STATUS_LABELS },
};

/** What a filter on this field may be, code → label; none for free values (an owner's id, a tag, any currency). */
export function dimensionValues(dataset: Dataset, field: string): Record<string, string> | undefined {
  return DIMENSION_VALUES[dataset]?.[field as Dimension];
}

/** The built-in widgets the gallery offers, with their first size. */
export const BUILT_IN: readonly { type: Exclude<WidgetType, 'custom'>; title: string; description: string; w: number; h: number }[] = [
  { type: 'revenue', title: 'Revenue', description: 'Completed payments less refunds, day by day this month', w: 8, h: 4 },
  { type: 'funnel', title: 'Funnel', description: 'Leads by stage and the conversion rate', w: 4, h: 4 },
  { type: 'pipeline', title: 'Pipeline by status', description: 'Lead value per status and currency', w: 6, h: 4 },
  { type: 'sales-performance', title: 'Sales performance', description: 'Leads, wins, win rate and revenue per person', w: 6, h: 4 },
  { type: 'recent-activity', title: 'Recent activity', description: 'The newest changes across the CRM', w: 6, h: 4 },
  { type: 'follow-ups', title: 'Follow-ups due', description: 'Your overdue follow-ups and those due today', w: 6, h: 4 },
  { type: 'headline', title: 'Headline figures', description: 'Customers, leads, pipeline, revenue, conversion', w: 12, h: 2 },
];

/** The dates a widget's relative period stands for today (`to` exclusive). */
export function widgetPeriod(period: WidgetPeriod | undefined, now = new Date()): Period {
  switch (period) {
    case 'last-month':
    case 'this-quarter':
    case 'this-month':
      return periodOf(period, now) ?? {};
    case 'this-year':
      return { from: `${now.getFullYear()}-01-01`, to: `${now.getFullYear() + 1}-01-01` };
    case 'last-30-days': {
      const today = isoDate(now);
      return { from: isoDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 29)), to: dayAfter(today) };
    }
    default:
      return {};
  }
}

function keyLabel(key: string | null, groupBy: Dimension | null, dataset: Dataset): string {
  if (key === null || key === '') return groupBy ? 'None' : 'All';
  switch (groupBy) {
    case 'day':
    case 'week':
    case 'month':
      return formatDate(key);
    default:
      return (groupBy && dimensionValues(dataset, groupBy)?.[key]) ?? key;
  }
}

const count = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** The series' name: "Count", or the field summed or averaged ("Value", "Average amount"). */
function metricLabel({ function: fn, field }: QueryDefinition['metric']): string {
  const fieldLabel = field ? (FIELD_LABELS[field] ?? field) : undefined;
  if (!fieldLabel || fn === 'count') return FUNCTION_LABELS[fn];
  return fn === 'sum' ? fieldLabel : `${FUNCTION_LABELS[fn]} ${fieldLabel.toLowerCase()}`;
}

/** Where a lead status stands on the pipeline: its statuses read in that order, not by size. */
function statusOrder(dataset: Dataset, groupBy: Dimension | null) {
  const order = dataset === 'leads' && groupBy === 'status' ? Object.keys(LEAD_STATUS_LABELS) : [];
  return (key: string | null) => {
    const index = key === null ? -1 : order.indexOf(key);
    return index < 0 ? order.length : index;
  };
}

/** A widget's rows as chart data: one category per key, one series per currency (or one without money). */
export function toChartData(definition: QueryDefinition, result: QueryResult): ChartData {
  const currencies = [...new Set(result.rows.map((row) => row.currency).filter((c): c is string => Boolean(c)))];
  const metric = metricLabel(definition.metric);
  const series = currencies.length
    ? currencies.map((currency) => ({ key: currency, label: `${metric} (${currency})` }))
    : [{ key: 'value', label: metric }];
  const groupBy = result.groupBy ?? definition.groupBy;
  const rank = statusOrder(definition.dataset, groupBy);
  const byKey = new Map<string | null, ChartData['rows'][number]>();
  for (const row of [...result.rows].sort((a, b) => rank(a.key) - rank(b.key))) {
    const label = row.label ?? keyLabel(row.key, groupBy, definition.dataset);
    // by key: two people may share a name
    let target = byKey.get(row.key);
    if (!target) {
      target = { label, values: {}, formatted: {} };
      byKey.set(row.key, target);
    }
    const seriesKey = row.currency ?? 'value';
    target.values[seriesKey] = Number(row.value);
    target.formatted[seriesKey] = row.currency ? formatMoney(String(row.value), row.currency) : count.format(Number(row.value));
  }
  return { series, rows: [...byKey.values()] };
}

/** The chart of one currency's series (amounts in different currencies share no axis). */
export function inCurrency(data: ChartData, currency: string): ChartData {
  return { ...data, series: data.series.filter((series) => series.key === currency) };
}

/** A sensible first definition for the editor. */
export function blankDefinition(): QueryDefinition {
  return { dataset: 'leads', metric: { function: 'count', field: null }, groupBy: 'status', filters: [] };
}

/**
 * A custom widget's stored definition over its relative period (today's dates); none when it has none. A number shows
 * one total per currency, so it is asked for without a grouping: the server's total (an average of all, not a sum of
 * the groups' averages).
 */
export function customDefinition(widget: Widget): QueryDefinition | undefined {
  const settings = widget.settings as unknown as CustomSettings | undefined;
  if (!settings?.query) return undefined;
  const period = widgetPeriod(settings.period);
  return {
    ...settings.query,
    groupBy: settings.chart === 'number' ? null : settings.query.groupBy,
    from: period.from ?? settings.query.from ?? null,
    to: period.to ?? settings.query.to ?? null,
  };
}
