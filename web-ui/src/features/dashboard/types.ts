import type { Money } from '../reports/types';

export interface DashboardSummary {
  customers: number;
  newCustomers: number;
  openLeads: number;
  pipelineValue: Money[];
  revenue: Money[];
  wonLeads: number;
  lostLeads: number;
  conversionRate: number | null;
  followUpsDue: number;
  from: string;
  to: string;
  asOf: string;
}

export const DATASETS = ['customers', 'leads', 'payments', 'activities', 'follow-ups'] as const;
export type Dataset = (typeof DATASETS)[number];

export const METRIC_FUNCTIONS = ['count', 'sum', 'average'] as const;
export type MetricFunction = (typeof METRIC_FUNCTIONS)[number];

export const DIMENSIONS = ['status', 'source', 'owner', 'tag', 'type', 'method', 'currency', 'day', 'week', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const OPERATORS = ['eq', 'in', 'gte', 'lte'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface QueryFilter {
  field: string;
  operator: Operator;
  value: string | number | string[];
}

/** One widget's data, as POST /reports/query evaluates it. */
export interface QueryDefinition {
  dataset: Dataset;
  metric: { function: MetricFunction; field: string | null };
  groupBy: Dimension | null;
  filters: QueryFilter[];
  from?: string | null;
  to?: string | null;
}

export interface QueryRow {
  key: string | null;
  /** How people know the key, where it is an id (grouped by owner: the user's name; null while unknown). */
  label?: string | null;
  currency: string | null;
  /** A decimal string for sums and averages of money, a number for counts. */
  value: string | number;
}

export interface QueryResult {
  groupBy: Dimension | null;
  rows: QueryRow[];
}

export const CHART_TYPES = ['number', 'bar', 'line', 'pie', 'funnel', 'table'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const WIDGET_TYPES = [
  'headline',
  'revenue',
  'funnel',
  'pipeline',
  'sales-performance',
  'recent-activity',
  'follow-ups',
  'custom',
] as const;
export type WidgetType = (typeof WIDGET_TYPES)[number];

/** Relative periods a custom widget keeps (its dates follow the calendar). */
export const WIDGET_PERIODS = ['this-month', 'last-month', 'this-quarter', 'this-year', 'last-30-days'] as const;
export type WidgetPeriod = (typeof WIDGET_PERIODS)[number];

export interface CustomSettings {
  query: QueryDefinition;
  chart: ChartType;
  period?: WidgetPeriod;
}

/** A widget on the 12-column grid; x and y count columns and rows from the top left. */
export interface Widget {
  id: string;
  type: WidgetType;
  title: string;
  x: number;
  y: number;
  w: number;
  h: number;
  settings: Record<string, unknown>;
}

export interface Layout {
  widgets: Widget[];
  source: 'user' | 'role' | 'default';
}
