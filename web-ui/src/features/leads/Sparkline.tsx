interface Props {
  /** Oldest first. */
  values: readonly number[];
  label: string;
  width?: number;
  height?: number;
  max?: number;
}

/** A tiny inline chart of a series (0..max), with its label for screen readers. */
export function Sparkline({ values, label, width = 160, height = 40, max = 100 }: Props) {
  if (values.length === 0) return null;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (value: number) => height - 2 - (Math.min(Math.max(value, 0), max) / max) * (height - 4);
  const points = values.map((value, i) => `${(i * step).toFixed(1)},${y(value).toFixed(1)}`);
  const last = values[values.length - 1] ?? 0;
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth={2} />
      <circle cx={(values.length - 1) * step} cy={y(last)} r={3} fill="currentColor" />
    </svg>
  );
}
