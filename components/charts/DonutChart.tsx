import { DataTable } from './DataTable';
import { Legend } from './Legend';
import { formatNumber, t } from '../../lib/platform/i18n';

export interface DonutSlice {
  label: string;
  value: number;
  color: string;
}

export interface DonutChartProps {
  title: string;
  slices: DonutSlice[];
  testId?: string;
}

// A circle whose circumference is 100 makes each slice's dash length its percentage.
const RADIUS = 100 / (2 * Math.PI);

/** Shares of a whole as a ring, in plain SVG (one stroked circle per slice). */
export function DonutChart({ title, slices, testId }: DonutChartProps) {
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  const label = `${title}: ${slices.map((s) => `${s.label} ${formatNumber(s.value)}`).join(', ')}`;
  let offset = 25; // start at twelve o'clock
  return (
    <figure class="chart donut" data-testid={testId}>
      <svg viewBox="0 0 42 42" role="img" aria-label={label}>
        <title>{label}</title>
        <circle class="donut-hole" cx="21" cy="21" r={RADIUS} fill="none" stroke-width="6" />
        {total > 0 &&
          slices.map((slice) => {
            const share = (slice.value / total) * 100;
            const circle = (
              <circle
                key={slice.label}
                cx="21"
                cy="21"
                r={RADIUS}
                fill="none"
                stroke={slice.color}
                stroke-width="6"
                stroke-dasharray={`${share} ${100 - share}`}
                stroke-dashoffset={offset}
                data-testid="slice"
                data-label={slice.label}
                data-value={slice.value}
              >
                <title>{`${slice.label}: ${formatNumber(slice.value)}`}</title>
              </circle>
            );
            offset -= share;
            return circle;
          })}
        <text class="donut-total" x="21" y="23" text-anchor="middle">
          {formatNumber(total)}
        </text>
      </svg>
      <Legend
        items={slices.map((s) => ({
          label: s.label,
          color: s.color,
          value: formatNumber(s.value),
        }))}
      />
      <DataTable
        caption={title}
        columns={['', t('chart_count')]}
        rows={slices.map((s) => [s.label, formatNumber(s.value)])}
      />
    </figure>
  );
}
