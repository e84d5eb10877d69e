import { DataTable } from './DataTable';
import { barHeight, niceMax } from './scale';

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartProps {
  title: string;
  data: BarDatum[];
  /** How a value is said and shown ("3 calls", "€1,200.00"); plain numbers by default. */
  format?: (value: number) => string;
  /** A CSS colour, usually a theme variable. */
  color?: string;
  testId?: string;
  /** Writes each value above its bar; off where labels would crowd. */
  showValues?: boolean;
  /** Shorter labels under the bars; the full ones are read aloud. */
  tickLabel?: (label: string, index: number) => string;
}

const WIDTH = 320;
const HEIGHT = 150;
const PLOT_TOP = 14;
const PLOT_BOTTOM = 124;

/**
 * Vertical bars in plain SVG. The picture is one `role="img"` whose label says
 * every value; the same numbers are in a visually hidden table.
 */
export function BarChart({
  title,
  data,
  format = String,
  color = 'var(--accent)',
  testId,
  showValues = true,
  tickLabel = (l) => l,
}: BarChartProps) {
  const top = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const slot = WIDTH / Math.max(1, data.length);
  const width = Math.min(36, slot * 0.7);
  const plot = PLOT_BOTTOM - PLOT_TOP;
  // Past eight bars the labels would touch: every other one is written, the latest always.
  const tickEvery = data.length > 8 ? 2 : 1;
  const label = `${title}: ${data.map((d) => `${d.label} ${format(d.value)}`).join(', ')}`;
  return (
    <figure class="chart" data-testid={testId}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <title>{label}</title>
        <line class="axis" x1="0" x2={WIDTH} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} />
        <text class="tick" x="0" y="10">
          {format(top)}
        </text>
        {data.map((d, i) => {
          const h = barHeight(d.value, top, plot);
          const x = i * slot + (slot - width) / 2;
          return (
            <g key={d.label} data-testid="bar" data-label={d.label} data-value={d.value}>
              <rect x={x} y={PLOT_BOTTOM - h} width={width} height={h} fill={color} rx="2">
                <title>{`${d.label}: ${format(d.value)}`}</title>
              </rect>
              {showValues && d.value > 0 && (
                <text class="value" x={x + width / 2} y={PLOT_BOTTOM - h - 3} text-anchor="middle">
                  {format(d.value)}
                </text>
              )}
              {(data.length - 1 - i) % tickEvery === 0 && (
                <text class="tick" x={x + width / 2} y={HEIGHT - 12} text-anchor="middle">
                  {tickLabel(d.label, i)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <DataTable
        caption={title}
        columns={['', 'Value']}
        rows={data.map((d) => [d.label, format(d.value)])}
      />
    </figure>
  );
}
