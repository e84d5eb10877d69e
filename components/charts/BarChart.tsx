import { DataTable } from './DataTable';
import { barLayout, BarPlot, PLOT_BOTTOM, TickLabel } from './BarPlot';
import { formatNumber, t } from '../../lib/platform/i18n';

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

/**
 * Vertical bars in plain SVG. The picture is one `role="img"` whose label says
 * every value; the same numbers are in a visually hidden table.
 */
export function BarChart({
  title,
  data,
  format = formatNumber,
  color = 'var(--accent)',
  testId,
  showValues = true,
  tickLabel = (l) => l,
}: BarChartProps) {
  const layout = barLayout(
    data.map((d) => d.value),
    36,
  );
  const width = layout.barWidth;
  // Past eight bars the labels would touch: every other one is written, the latest always.
  const tickEvery = data.length > 8 ? 2 : 1;
  const label = `${title}: ${data.map((d) => `${d.label} ${format(d.value)}`).join(', ')}`;
  return (
    <figure class="chart" data-testid={testId}>
      <BarPlot label={label} topLabel={format(layout.top)}>
        {data.map((d, i) => {
          const h = layout.barHeight(d.value);
          const x = layout.barX(i);
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
                <TickLabel x={x + width / 2}>{tickLabel(d.label, i)}</TickLabel>
              )}
            </g>
          );
        })}
      </BarPlot>
      <DataTable
        caption={title}
        columns={['', t('chart_value')]}
        rows={data.map((d) => [d.label, format(d.value)])}
      />
    </figure>
  );
}
