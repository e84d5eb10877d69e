import { DataTable } from './DataTable';
import { Legend } from './Legend';
import { barLayout, BarPlot, PLOT_BOTTOM, TickLabel } from './BarPlot';
import { formatNumber, t } from '../../lib/platform/i18n';

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

/** Bars made of stacked parts (health within a kind, purchases and engagements within a month). */
export function StackedBarChart({
  title,
  categories,
  series,
  format = formatNumber,
  testId,
  tickLabel = (c) => c,
}: StackedBarChartProps) {
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const layout = barLayout(totals, 40);
  const width = layout.barWidth;
  const said = categories.map((category, i) => {
    const parts = series
      .filter((s) => (s.values[i] ?? 0) > 0)
      .map((s) => `${s.label} ${format(s.values[i] ?? 0)}`);
    return `${category} ${format(totals[i] ?? 0)}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  });
  const label = `${title}: ${said.join('; ')}`;
  return (
    <figure class="chart" data-testid={testId}>
      <BarPlot label={label} topLabel={format(layout.top)}>
        {categories.map((category, i) => {
          const x = layout.barX(i);
          let y = PLOT_BOTTOM;
          return (
            <g key={category} data-testid="stack" data-label={category} data-value={totals[i]}>
              {series.map((s) => {
                const value = s.values[i] ?? 0;
                const h = layout.barHeight(value);
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
              <TickLabel x={x + width / 2}>{tickLabel(category, i)}</TickLabel>
            </g>
          );
        })}
      </BarPlot>
      <Legend items={series.map((s) => ({ label: s.label, color: s.color }))} />
      <DataTable
        caption={title}
        columns={['', ...series.map((s) => s.label), t('chart_total')]}
        rows={categories.map((category, i) => [
          category,
          ...series.map((s) => format(s.values[i] ?? 0)),
          format(totals[i] ?? 0),
        ])}
      />
    </figure>
  );
}
