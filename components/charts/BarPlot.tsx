import type { ComponentChildren } from 'preact';
import { barHeight, niceMax } from './scale';

// Both bar charts draw in the same 320 × 150 box: a value at the top left, bars
// standing on a baseline, and their labels under it.
const WIDTH = 320;
const HEIGHT = 150;
const PLOT_TOP = 14;
/** The baseline bars stand on, in the box's units. */
export const PLOT_BOTTOM = 124;

export interface BarLayout {
  /** The round value at the top of the axis. */
  top: number;
  barWidth: number;
  /** The left edge of the bar in slot `index`. */
  barX: (index: number) => number;
  /** How tall `value` is drawn. */
  barHeight: (value: number) => number;
}

/** One equal slot per bar across the width, each bar at most `widest` wide, scaled to `values`. */
export function barLayout(values: readonly number[], widest: number): BarLayout {
  const top = niceMax(Math.max(0, ...values));
  const slot = WIDTH / Math.max(1, values.length);
  const barWidth = Math.min(widest, slot * 0.7);
  return {
    top,
    barWidth,
    barX: (index) => index * slot + (slot - barWidth) / 2,
    barHeight: (value) => barHeight(value, top, PLOT_BOTTOM - PLOT_TOP),
  };
}

export interface BarPlotProps {
  /** Every value in words: the picture is one image to a screen reader. */
  label: string;
  /** The axis's top value as shown. */
  topLabel: string;
  children: ComponentChildren;
}

/** The picture's frame: one labelled `role="img"`, its baseline and its top value. */
export function BarPlot({ label, topLabel, children }: BarPlotProps) {
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line class="axis" x1="0" x2={WIDTH} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} />
      <text class="tick" x="0" y="10">
        {topLabel}
      </text>
      {children}
    </svg>
  );
}

/** A bar's label under the baseline, centred on `x`. */
export function TickLabel({ x, children }: { x: number; children: ComponentChildren }) {
  return (
    <text class="tick" x={x} y={HEIGHT - 12} text-anchor="middle">
      {children}
    </text>
  );
}
