import { useTheme } from '@mui/material/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Funnel,
  FunnelChart,
  LabelList,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { FunnelTrapezoidItem, LabelProps } from 'recharts';
import type { ChartData, ChartKind } from './chartData';

const COMPACT = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

interface Props {
  kind: ChartKind;
  data: ChartData;
  height: number;
}

/** Recharts in its own chunk (it loads with the dashboard and the reports, never with the first page). */
export function Chart({ kind, data, height }: Props) {
  const theme = useTheme();
  // colours with AA contrast against the paper, one per series or slice
  const colours = [
    theme.palette.primary.main,
    theme.palette.secondary.main,
    theme.palette.success.dark,
    theme.palette.error.dark,
    theme.palette.info.dark,
    theme.palette.warning.dark,
    theme.palette.grey[700],
  ];
  const colour = (i: number) => colours[i % colours.length]!;
  const rows = data.rows.map((row) => ({ label: row.label, ...row.values }));
  const axisTick = { fontSize: 12, fill: theme.palette.text.secondary };
  // 600K rather than 600000: the axis is read at a glance, the table holds the exact figures
  const valueTick = (value: number) => COMPACT.format(value);
  const legend = data.series.length > 1 ? <Legend /> : null;
  // the chart itself is hidden from assistive technology: the frame names it and offers the table
  const common = { accessibilityLayer: false, data: rows, margin: { top: 8, right: 8, bottom: 8, left: 8 } };

  let chart;
  switch (kind) {
    case 'bar':
      chart = (
        <BarChart {...common}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axisTick} />
          <YAxis tick={axisTick} width={56} tickFormatter={valueTick} />
          <Tooltip />
          {legend}
          {data.series.map((series, i) => (
            <Bar key={series.key} dataKey={series.key} name={series.label} fill={colour(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      );
      break;
    case 'line':
      chart = (
        <LineChart {...common}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axisTick} minTickGap={16} />
          <YAxis tick={axisTick} width={56} tickFormatter={valueTick} />
          <Tooltip />
          {legend}
          {data.series.map((series, i) => (
            <Line
              key={series.key}
              dataKey={series.key}
              name={series.label}
              stroke={colour(i)}
              strokeWidth={2}
              dot={rows.length <= 31}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      );
      break;
    case 'pie': {
      const key = data.series[0]?.key ?? 'value';
      chart = (
        <PieChart accessibilityLayer={false}>
          <Tooltip />
          <Legend />
          <Pie data={rows} dataKey={key} nameKey="label" outerRadius="80%" isAnimationActive={false}>
            {rows.map((row, i) => (
              <Cell key={row.label} fill={colour(i)} />
            ))}
          </Pie>
        </PieChart>
      );
      break;
    }
    case 'funnel': {
      const key = data.series[0]?.key ?? 'value';
      // each stage names its figure: a funnel's widths alone do not say how many
      const stages = data.rows.map((row) => ({
        ...row.values,
        label: row.label,
        caption: `${row.label}: ${row.formatted[key] ?? row.values[key] ?? ''}`,
      }));
      chart = (
        <FunnelChart accessibilityLayer={false}>
          <Tooltip />
          <Funnel data={stages} dataKey={key} nameKey="label" isAnimationActive={false} shape={StageBar}>
            {/* one colour: the stages are one measure narrowing, not categories (and a red stage reads as a loss) */}
            {stages.map((stage) => (
              <Cell key={stage.label} fill={theme.palette.primary.main} />
            ))}
            <LabelList
              position="center"
              dataKey="caption"
              content={(props) => (
                <StageCaption {...props} fill={theme.palette.common.white} outline={theme.palette.grey[900]} />
              )}
            />
          </Funnel>
        </FunnelChart>
      );
      break;
    }
  }
  return (
    <ResponsiveContainer width="100%" height={height}>
      {chart}
    </ResponsiveContainer>
  );
}

/**
 * A stage as wide as its own figure, centred: Recharts' trapezoid narrows each stage to the next one's width, which
 * draws a stage larger than the one before (or a last one) as narrower than its figure.
 */
function StageBar({ x = 0, y = 0, upperWidth = 0, height = 0, fill }: FunnelTrapezoidItem) {
  return <rect x={x} y={y} width={Math.max(upperWidth, 2)} height={height} fill={fill} />;
}

export default Chart;

/**
 * A stage's caption on one line at its centre, outlined, so that it reads on the paper beside a stage narrower than it
 * too (Recharts' own label wraps to the stage's width: "Won:" over "41" inside a narrow bar on a phone).
 */
function StageCaption({ viewBox, value, fill, outline }: LabelProps & { outline: string }) {
  // the stage's box (the label's own x and y are its corner)
  const box = viewBox && 'width' in viewBox ? viewBox : undefined;
  if (!box) return null;
  const { x = 0, y = 0, width = 0, height = 0 } = box;
  return (
    <text
      x={x + width / 2}
      y={y + height / 2}
      textAnchor="middle"
      dominantBaseline="central"
      fill={fill}
      stroke={outline}
      strokeWidth={3}
      paintOrder="stroke"
      fontSize={14}
    >
      {value}
    </text>
  );
}
