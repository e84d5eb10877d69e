import { DataTable } from './DataTable';
import { Legend } from './Legend';
import { barHeight, niceMax } from './scale';

export interface StackSeries {
  key: string;
  label: string;
  color: string;
  /** One value per category, in the categories' order. */
  values: number[];
}

export interface StackedBarChartProps {
  title: string;
  categories: string[];
  series: StackSeries[];
  format?: (value: number) => string;
  testId?: string;
  /** Shorter labels under the bars (e.g. "Nov" for 2026-11); the full ones are read aloud. */
  tickLabel?: (category: string, index: number) => string;
}

const WIDTH = 320;
const HEIGHT = 150;
const PLOT_TOP = 14;
const PLOT_BOTTOM = 124;

/** Bars made of stacked parts (health within a kind, purchases and engagements within a month). */
export function StackedBarChart({
  title,
  categories,
  series,
  format = String,
  testId,
  tickLabel = (c) => c,
}: StackedBarChartProps) {
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const top = niceMax(Math.max(0, ...totals));
  const slot = WIDTH / Math.max(1, categories.length);
  const width = Math.min(40, slot * 0.7);
  const plot = PLOT_BOTTOM - PLOT_TOP;
  const said = categories.map((category, i) => {
    const parts = series
      .filter((s) => (s.values[i] ?? 0) > 0)
      .map((s) => `${s.label} ${format(s.values[i] ?? 0)}`);
    return `${category} ${format(totals[i] ?? 0)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  });
  const label = `${title}: ${said.join('; ')}`;
  return (
    <figure class="chart" data-testid={testId}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <title>{label}</title>
        <line class="axis" x1="0" x2={WIDTH} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} />
        <text class="tick" x="0" y="10">
          {format(top)}
        </text>
        {categories.map((category, i) => {
          const x = i * slot + (slot - width) / 2;
          let y = PLOT_BOTTOM;
          return (
            <g key={category} data-testid="stack" data-label={category} data-value={totals[i]}>
              {series.map((s) => {
                const value = s.values[i] ?? 0;
                const h = barHeight(value, top, plot);
                y -= h;
                return (
                  value > 0 && (
                    <rect
                      key={s.key}
                      x={x}
                      y={y}
                      width={width}
                      height={h}
                      fill={s.color}
                      data-series={s.key}
                      data-value={value}
                    >
                      <title>{`${category}, ${s.label}: ${format(value)}`}</title>
                    </rect>
                  )
                );
              })}
              <text class="tick" x={x + width / 2} y={HEIGHT - 12} text-anchor="middle">
                {tickLabel(category, i)}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend items={series.map((s) => ({ label: s.label, color: s.color }))} />
      <DataTable
        caption={title}
        columns={['', ...series.map((s) => s.label), 'Total']}
        rows={categories.map((category, i) => [
          category,
          ...series.map((s) => format(s.values[i] ?? 0)),
          format(totals[i] ?? 0),
        ])}
      />
    </figure>
  );
}
