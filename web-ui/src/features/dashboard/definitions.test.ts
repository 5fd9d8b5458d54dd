import { describe, expect, it } from 'vitest';
import { inCurrency, toChartData } from './definitions';
import type { QueryDefinition } from './types';

const leadsByOwner: QueryDefinition = {
  dataset: 'leads',
  metric: { function: 'count', field: null },
  groupBy: 'owner',
  filters: [],
};

describe('toChartData', () => {
  it('names owners by the label the service gives, keeps namesakes apart and shows an unnamed one by id', () => {
    const chart = toChartData(leadsByOwner, {
      groupBy: 'owner',
      rows: [
        { key: 'u-1', label: 'Sam Seller', currency: null, value: 3 },
        { key: 'u-2', label: 'Sam Seller', currency: null, value: 5 },
        { key: 'u-3', label: null, currency: null, value: 1 },
      ],
    });
    expect(chart.rows.map((row) => [row.label, row.values.value])).toEqual([
      ['Sam Seller', 3],
      ['Sam Seller', 5],
      ['u-3', 1],
    ]);
  });

  it('reads lead statuses in pipeline order, names the field summed and keeps each currency a series of its own', () => {
    const pipeline: QueryDefinition = { dataset: 'leads', metric: { function: 'sum', field: 'value' }, groupBy: 'status', filters: [] };
    const chart = toChartData(pipeline, {
      groupBy: 'status',
      rows: [
        { key: 'IN_PROGRESS', label: null, currency: 'EUR', value: 500 },
        { key: 'NEW', label: null, currency: 'EUR', value: 900 },
        { key: 'NEW', label: null, currency: 'JPY', value: 298000 },
      ],
    });
    expect(chart.rows.map((row) => row.label)).toEqual(['New', 'In progress']);
    expect(chart.series.map((series) => series.label)).toEqual(['Value (EUR)', 'Value (JPY)']);
    expect(inCurrency(chart, 'JPY').series.map((series) => series.key)).toEqual(['JPY']);
    const average = toChartData({ ...pipeline, metric: { function: 'average', field: 'value' } }, { groupBy: 'status', rows: [] });
    expect(average.series[0]?.label).toBe('Average value');
  });
});
