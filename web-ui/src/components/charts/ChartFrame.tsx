import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Chart } from './Chart';
import { describeChart, type ChartData, type ChartKind } from './chartData';

interface Props {
  kind: ChartKind | 'table';
  /** Names the chart and captions its table. */
  title: string;
  data: ChartData;
  height?: number;
  /** The category column's heading in the table. */
  categoryLabel?: string;
}

/** The data as a table: the text alternative of every chart, and the "table" chart type. */
export function DataTable({ title, data, categoryLabel = 'Category' }: Omit<Props, 'kind' | 'height'>) {
  return (
    <TableContainer tabIndex={0} role="region" aria-label={`${title} (table, scrolls)`} sx={{ maxHeight: 360 }}>
      <Table size="small" stickyHeader aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {categoryLabel}
            </TableCell>
            {data.series.map((series) => (
              <TableCell key={series.key} component="th" scope="col" align="right">
                {series.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {data.rows.map((row) => (
            <TableRow key={row.label}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              {data.series.map((series) => (
                <TableCell key={series.key} align="right">
                  {row.formatted[series.key] ?? String(row.values[series.key] ?? '')}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * A chart with its text alternative: the chart is an image named by a sentence of its values, and "Show as table"
 * swaps it for the full table (the same for a keyboard, a screen reader and someone who wants the exact figures).
 */
export function ChartFrame({ kind, title, data, height = 220, categoryLabel }: Props) {
  const [asTable, setAsTable] = useState(false);
  // a pie or a funnel of nothing but zeros draws nothing at all
  const nothing = data.rows.every((row) => Object.values(row.values).every((value) => !value));
  if (data.rows.length === 0 || ((kind === 'pie' || kind === 'funnel') && nothing)) {
    return <Typography color="text.secondary">No data for this period.</Typography>;
  }
  if (kind === 'table') return <DataTable title={title} data={data} categoryLabel={categoryLabel} />;
  // charts need a measured box: without ResizeObserver (jsdom) only the table is offered
  const canDraw = typeof ResizeObserver !== 'undefined';
  const showTable = asTable || !canDraw;
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        {canDraw && (
          <Button size="small" aria-pressed={asTable} onClick={() => setAsTable((value) => !value)}>
            {asTable ? 'Show as chart' : 'Show as table'}
          </Button>
        )}
      </Box>
      {showTable ? (
        <DataTable title={title} data={data} categoryLabel={categoryLabel} />
      ) : (
        <Box role="img" aria-label={describeChart(kind, title, data)} sx={{ width: '100%', height }}>
          <Chart kind={kind} data={data} height={height} />
        </Box>
      )}
    </Box>
  );
}
