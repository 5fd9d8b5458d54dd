import { describe, expect, it } from 'vitest';
import { toChartData } from './definitions';
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
});
