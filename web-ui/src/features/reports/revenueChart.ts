import type { ChartData } from '../../components/charts/chartData';
import { formatDate, formatMoney } from '../../lib/format';
import type { Revenue } from './types';

/** The revenue report as a chart: one point per period, its amount in the report's currency. */
export function revenueChart(revenue: Revenue | undefined): ChartData {
  return {
    series: [{ key: 'amount', label: `Revenue (${revenue?.currency ?? ''})` }],
    rows: (revenue?.points ?? []).map((point) => ({
      label: formatDate(point.period),
      values: { amount: Number(point.amount) },
      formatted: { amount: formatMoney(point.amount, revenue?.currency ?? 'EUR') },
    })),
  };
}
