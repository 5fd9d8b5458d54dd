import type { ChartData } from '../../components/charts/chartData';
import { formatMoneyList } from '../../lib/format';
import type { LeadStatus } from '../leads/types';
import type { FunnelStage, Money } from './types';

/** Which statuses have reached each stage of the funnel: every lead was created, every one not new was worked on. */
const STAGES: readonly { label: string; statuses: readonly LeadStatus[] }[] = [
  { label: 'Created', statuses: ['NEW', 'IN_PROGRESS', 'CLOSED_WON', 'CLOSED_LOST'] },
  { label: 'Worked on', statuses: ['IN_PROGRESS', 'CLOSED_WON', 'CLOSED_LOST'] },
  { label: 'Closed', statuses: ['CLOSED_WON', 'CLOSED_LOST'] },
  { label: 'Won', statuses: ['CLOSED_WON'] },
];

/**
 * The leads of the period by the stage they reached (the report counts them by their status now), so each stage holds
 * the next: plotted by count, their value per currency in the table.
 */
export function funnelChart(stages: readonly FunnelStage[] | undefined): ChartData {
  return {
    series: [
      { key: 'count', label: 'Leads' },
      { key: 'value', label: 'Value' },
    ],
    rows: stages?.length
      ? STAGES.map(({ label, statuses }) => {
          const reached = stages.filter((stage) => statuses.includes(stage.status));
          const count = reached.reduce((sum, stage) => sum + stage.count, 0);
          return {
            label,
            values: { count },
            formatted: { count: String(count), value: formatMoneyList(sum(reached.flatMap((stage) => stage.value))) },
          };
        })
      : [],
  };
}

/** Amounts per currency added up, in the order the currencies first appear (for display: formatting rounds them). */
function sum(amounts: readonly Money[]): Money[] {
  const totals = new Map<string, number>();
  for (const { currency, amount } of amounts) totals.set(currency, (totals.get(currency) ?? 0) + Number(amount));
  return [...totals].map(([currency, total]) => ({ currency, amount: String(total) }));
}
