import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BarChart } from './BarChart';
import { DonutChart } from './DonutChart';
import { StackedBarChart } from './StackedBarChart';
import { barLayout } from './BarPlot';
import { niceMax } from './scale';

const heights = (container: Element, selector: string) =>
  [...container.querySelectorAll(selector)].map((el) => Number(el.getAttribute('height')));

describe('niceMax', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [240, 250],
    [265_000, 500_000],
  ])('%i → %i', (max, top) => {
    expect(niceMax(max)).toBe(top);
  });
});

describe('barLayout', () => {
  it('gives each bar an equal slot, centred, scaled to a round top', () => {
    const layout = barLayout([4, 2, 0, 1], 36);
    expect(layout.top).toBe(5);
    expect(layout.barWidth).toBe(36);
    expect([0, 1, 2, 3].map(layout.barX)).toEqual([22, 102, 182, 262]);
    expect([4, 2, 0, 0.001].map(layout.barHeight)).toEqual([88, 44, 0, 1]);
  });

  it('narrows bars when many share the width', () => {
    expect(
      barLayout(
        Array.from({ length: 20 }, () => 1),
        40,
      ).barWidth,
    ).toBeCloseTo(11.2);
  });
});

describe('BarChart', () => {
  it('is one labelled image whose bars are as tall as their values, with the numbers in a table', () => {
    const { container } = render(
      <BarChart
        title="Prospects by stage"
        data={[
          { label: 'New', value: 4 },
          { label: 'Qualified', value: 2 },
          { label: 'Proposal', value: 0 },
        ]}
      />,
    );
    const image = screen.getByRole('img');
    expect(image.getAttribute('aria-label')).toBe(
      'Prospects by stage: New 4, Qualified 2, Proposal 0',
    );
    const [tall, half, none] = heights(container, 'rect');
    expect(tall).toBeCloseTo((half ?? 0) * 2);
    expect(none).toBe(0);
    const cells = [...container.querySelectorAll('table tbody tr')].map((row) => row.textContent);
    expect(cells).toEqual(['New4', 'Qualified2', 'Proposal0']);
  });
});

describe('StackedBarChart', () => {
  it('stacks each series and says every part aloud', () => {
    const { container } = render(
      <StackedBarChart
        title="Revenue"
        categories={['Oct', 'Nov']}
        series={[
          { key: 'p', label: 'Purchases', color: 'red', values: [100, 0] },
          { key: 'e', label: 'Engagements', color: 'blue', values: [300, 200] },
        ]}
      />,
    );
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Revenue: Oct 400 (Purchases 100, Engagements 300); Nov 200 (Engagements 200)',
    );
    const stacks = [...container.querySelectorAll('[data-testid="stack"]')];
    expect(stacks.map((s) => s.getAttribute('data-value'))).toEqual(['400', '200']);
    expect(stacks[1]?.querySelectorAll('rect')).toHaveLength(1);
  });
});

describe('DonutChart', () => {
  it('gives each slice its share of the ring', () => {
    const { container } = render(
      <DonutChart
        title="Sources"
        slices={[
          { label: 'LinkedIn', value: 3, color: 'red' },
          { label: 'Referral', value: 1, color: 'blue' },
        ]}
      />,
    );
    const dashes = [...container.querySelectorAll('[data-testid="slice"]')].map((s) =>
      s.getAttribute('stroke-dasharray'),
    );
    expect(dashes).toEqual(['75 25', '25 75']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Sources: LinkedIn 3, Referral 1',
    );
  });
});
