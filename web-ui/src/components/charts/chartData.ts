/** What a chart and its table show: one row per category (a bar, a point, a slice, a stage), one column per series. */
export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  label: string;
  /** Plotted. */
  values: Record<string, number>;
  /** As the table shows them (money in its currency, counts as counts). */
  formatted: Record<string, string>;
}

export interface ChartData {
  series: ChartSeries[];
  rows: ChartRow[];
}

export type ChartKind = 'bar' | 'line' | 'pie' | 'funnel';

export const CHART_KIND_LABELS: Record<ChartKind, string> = {
  bar: 'Bar chart',
  line: 'Line chart',
  pie: 'Pie chart',
  funnel: 'Funnel chart',
};

/** A sentence for screen readers: what the chart is, and its largest values. */
export function describeChart(kind: ChartKind, title: string, data: ChartData): string {
  if (data.rows.length === 0) return `${CHART_KIND_LABELS[kind]} of ${title}: no data`;
  const first = data.series[0];
  const points = first
    ? data.rows
        .slice(0, 6)
        .map((row) => `${row.label} ${row.formatted[first.key] ?? row.values[first.key] ?? ''}`)
        .join(', ')
    : '';
  const more = data.rows.length > 6 ? `, and ${data.rows.length - 6} more in the table` : '';
  return `${CHART_KIND_LABELS[kind]} of ${title}: ${points}${more}`;
}
