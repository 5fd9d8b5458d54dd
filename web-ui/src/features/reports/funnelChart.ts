import type { ChartData } from '../../components/charts/chartData';
import { formatMoneyList } from '../../lib/format';
import { STATUS_LABELS } from '../leads/labels';
import type { FunnelStage } from './types';

/** The funnel's stages as a chart: leads per stage plotted, their value per currency in the table. */
export function funnelChart(stages: readonly FunnelStage[] | undefined): ChartData {
  return {
    series: [
      { key: 'count', label: 'Leads' },
      { key: 'value', label: 'Value' },
    ],
    rows: (stages ?? []).map((stage) => ({
      label: STATUS_LABELS[stage.status] ?? stage.status,
      values: { count: stage.count },
      formatted: { count: String(stage.count), value: formatMoneyList(stage.value) },
    })),
  };
}
