import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, launchWithExtension, type Launched } from './helpers';

const DAY = 86_400_000;

interface Created {
  view: { party: { id: string; name: string } };
}

/**
 * The dashboard in real Chromium: records are seeded through the same messages the
 * surfaces send, the charts must show exactly those figures, and a duplicate pair is
 * found, previewed (nothing written yet) and merged.
 */
describe('dashboard: charts from the book, duplicates merged after a preview', () => {
  let ext: Launched;
  let seeder: Page;

  beforeAll(async () => {
    ext = await launchWithExtension();
    seeder = await ext.context.newPage();
    await seeder.goto(ext.extensionUrl('dashboard.html'));
    await seeder.getByTestId('dashboard-empty').waitFor();

    const today = await seeder.evaluate(() => {
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    });
    const create = async (draft: object) =>
      (await ask<Created>(seeder, 'parties/create', draft)).view.party.id;

    const ada = await create({ name: 'Ada Lovelace', kind: 'client', emails: ['ada@example.com'] });
    const bo = await create({ name: 'Bo Customer', kind: 'customer' });
    await create({
      name: 'Cy Prospect',
      kind: 'prospect',
      prospect: { stage: 'qualified', source: 'LinkedIn' },
    });
    await create({
      name: 'Dee Prospect',
      kind: 'prospect',
      prospect: { stage: 'proposal', source: 'Referral' },
    });
    await create({
      name: 'Grace Hopper',
      kind: 'client',
      emails: ['grace@northwind.example'],
      organizationName: 'Northwind',
    });
    await create({
      name: 'grace hopper',
      kind: 'prospect',
      emails: ['gh@home.example'],
      organizationName: 'Northwind',
      prospect: { stage: 'new', source: 'linkedin' },
    });

    // Ada's last call was 40 days ago: her 30-day check-in is overdue.
    const longAgo = Date.now() - 40 * DAY;
    await ask(seeder, 'interactions/log', {
      partyId: ada,
      type: 'call',
      at: longAgo,
      requestId: 'a1',
    });
    await ask(seeder, 'interactions/log', { partyId: bo, type: 'email', requestId: 'b1' });
    await ask(seeder, 'interactions/log', { partyId: bo, type: 'call', requestId: 'b2' });
    await ask(seeder, 'engagements/create', {
      partyId: ada,
      serviceName: 'Monthly advisory',
      terms: {
        pricingModel: 'retainer',
        rate: { amountMinor: 250_000, currency: 'EUR' },
        billingPeriod: 'month',
      },
      startOn: today,
      status: 'active',
    });
    for (const [amountMinor, currency] of [
      [12_000, 'EUR'],
      [3_000, 'EUR'],
      [5_000, 'USD'],
    ] as const) {
      await ask(seeder, 'purchases/record', {
        partyId: bo,
        on: today,
        amount: { amountMinor, currency },
        description: 'Workshop seat',
      });
    }
  });

  afterAll(async () => {
    await ext?.close();
  });

  async function openDashboard(): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('dashboard.html'));
    await page.getByTestId('chart-kinds').waitFor();
    return page;
  }

  const stackValues = (page: Page, testId: string) =>
    page
      .getByTestId(testId)
      .locator('[data-testid="stack"]')
      .evaluateAll((stacks) =>
        stacks.map((s) => [s.getAttribute('data-label'), Number(s.getAttribute('data-value'))]),
      );

  const barValues = (page: Page, scope: string) =>
    page
      .locator(scope)
      .locator('[data-testid="bar"]')
      .evaluateAll((bars) =>
        bars.map((b) => [
          b.getAttribute('data-label'),
          Number(b.getAttribute('data-value')),
          Number(b.querySelector('rect')?.getAttribute('height')),
        ]),
      );

  it('draws relationships by kind and health from the seeded records', async () => {
    const page = await openDashboard();
    expect(await page.getByTestId('party-count').textContent()).toBe('6 records');
    expect(await stackValues(page, 'chart-kinds')).toEqual([
      ['Prospect', 3],
      ['Customer', 1],
      ['Client', 2],
      ['Former', 0],
    ]);
    const label = await page.getByTestId('chart-kinds').locator('svg').getAttribute('aria-label');
    expect(label).toContain('Client 2 (Check-in overdue 1, On time 1)');
    // Taller bars for larger counts: the picture says what the numbers say.
    const heights = await page
      .getByTestId('chart-kinds')
      .locator('[data-testid="stack"]')
      .evaluateAll((stacks) =>
        stacks.map((s) =>
          [...s.querySelectorAll('rect')].reduce((h, r) => h + Number(r.getAttribute('height')), 0),
        ),
      );
    expect(heights[0]).toBeGreaterThan(heights[2] ?? Infinity);
    expect(heights[2]).toBeGreaterThan(heights[1] ?? Infinity);
    expect(heights[3]).toBe(0);
    await page.close();
  });

  it('lists the overdue check-ins by name', async () => {
    const page = await openDashboard();
    expect(await page.getByTestId('overdue-count').textContent()).toBe('1');
    expect(
      await page.getByTestId('overdue-list').locator('li span:first-child').allTextContents(),
    ).toEqual(['Ada Lovelace']);
    await page.close();
  });

  it('shows revenue per currency, purchases and the retainer this month', async () => {
    const page = await openDashboard();
    const currencies = await page
      .getByTestId('chart-revenue')
      .locator('[data-currency]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-currency')));
    expect(currencies).toEqual(['EUR', 'USD']);
    const eur = page.locator('[data-testid="chart-revenue"] [data-currency="EUR"]');
    const thisMonth = eur.locator('[data-testid="stack"]').last();
    expect(await thisMonth.getAttribute('data-value')).toBe('265000');
    expect(await thisMonth.locator('[data-series="purchases"]').getAttribute('data-value')).toBe(
      '15000',
    );
    expect(await thisMonth.locator('[data-series="engagements"]').getAttribute('data-value')).toBe(
      '250000',
    );
    const usd = page.locator('[data-testid="chart-revenue"] [data-currency="USD"]');
    expect(await usd.locator('[data-testid="stack"]').last().getAttribute('data-value')).toBe(
      '5000',
    );
    expect(await usd.locator('svg').getAttribute('aria-label')).toContain('$50.00');
    await page.close();
  });

  it('counts prospects by stage and by source', async () => {
    const page = await openDashboard();
    const stages = (await barValues(page, '[data-testid="chart-prospects"]')).map(([l, v]) => [
      l,
      v,
    ]);
    expect(stages).toEqual([
      ['New', 1],
      ['Contacted', 0],
      ['Qualified', 1],
      ['Proposal', 1],
      ['Negotiation', 0],
    ]);
    const slices = await page
      .getByTestId('chart-prospects')
      .locator('[data-testid="slice"]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-label'), Number(e.getAttribute('data-value'))]),
      );
    expect(slices).toEqual([
      ['LinkedIn', 2],
      ['Referral', 1],
    ]);
    await page.close();
  });

  it('counts interactions per week, this week last', async () => {
    const page = await openDashboard();
    const weeks = await barValues(page, '[data-testid="chart-interactions"]');
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)?.[1]).toBe(2);
    expect(weeks.reduce((sum, [, v]) => sum + Number(v), 0)).toBe(3);
    const [, , tallest] = weeks.at(-1) ?? [];
    const [, , single] = weeks.find(([, v]) => v === 1) ?? [];
    expect(Number(tallest)).toBeGreaterThan(Number(single));
    await page.close();
  });

  it('finds the duplicate pair, previews the merge without writing, then merges', async () => {
    const page = await openDashboard();
    await page.getByTestId('find-duplicates').click();
    const pair = page.getByTestId('duplicate-pair');
    await pair.waitFor();
    expect(await pair.count()).toBe(1);
    expect(await pair.locator('[data-reason]').getAttribute('data-reason')).toBe(
      'name-organization',
    );

    await pair.getByLabel(/^Grace Hopper/).check();
    await pair.getByTestId('preview-merge').click();
    const preview = page.getByTestId('merge-preview');
    await preview.waitFor();
    expect(await preview.locator('[data-field="emails"]').textContent()).toBe(
      'grace@northwind.example, gh@home.example',
    );
    expect(await preview.locator('[data-field="kind"]').textContent()).toBe('Client');

    // The preview wrote nothing: both records are still there.
    const before = await ask<{ rows: { name: string }[] }>(page, 'search/rows', {});
    expect(before.rows.filter((r) => /grace hopper/i.test(r.name))).toHaveLength(2);

    await page.getByTestId('merge-confirm').click();
    await page.getByTestId('duplicates-notice').waitFor();
    expect(await page.getByTestId('duplicates-notice').textContent()).toContain(
      'Merged grace hopper into Grace Hopper.',
    );
    await page.getByTestId('duplicates-empty').waitFor();
    const after = await ask<{ rows: { name: string; emails: string[] }[] }>(
      page,
      'search/rows',
      {},
    );
    const graces = after.rows.filter((r) => /grace hopper/i.test(r.name));
    expect(graces).toEqual([
      expect.objectContaining({
        name: 'Grace Hopper',
        emails: ['grace@northwind.example', 'gh@home.example'],
      }),
    ]);
    // The charts read the book again: one prospect fewer.
    await page.getByTestId('party-count').filter({ hasText: '5 records' }).waitFor();
    expect((await stackValues(page, 'chart-kinds'))[0]).toEqual(['Prospect', 2]);
    await page.close();
  });
});
