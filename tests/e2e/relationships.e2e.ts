import { formatDay } from '../../lib/ui/local-day';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ask,
  launchWithExtension,
  startSite,
  tabIdOf,
  waitForPageContacts,
  type Launched,
} from './helpers';

const PROSPECT = { name: 'Marigold Testwell', email: 'marigold.testwell@harbourlight.example' };
const CLIENT = { name: 'Wendell Notreal', email: 'wendell.notreal@quayside.example' };

/** A day in this machine's calendar, as date fields hold it (the browser runs here too). */
function day(offsetDays = 0): string {
  const at = new Date();
  at.setDate(at.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The same day as the pages write it for reading (English, the default catalogue). */
function shownDay(offsetDays = 0): string {
  return formatDay(day(offsetDays), 'en');
}

interface DueList {
  items: { kind: string; partyId: string; followUpId?: string }[];
}

/**
 * What a party buys, recorded from the side panel in real Chromium beside a
 * Gmail-like page: a prospect's sale (stage, next step), a first purchase that
 * suggests "customer" and is applied with its reason in the history, and a
 * client's retainer whose renewal raises a follow-up in the Due list, paused,
 * resumed and ended (which closes that follow-up and suggests "former").
 */
describe('side panel: engagements, purchases, prospects and suggestions', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let ext: Launched;
  let mail: Page;
  let panel: Page;
  const ids = { prospect: '', client: '' };

  beforeAll(async () => {
    site = await startSite();
    ext = await launchWithExtension();
    mail = await ext.context.newPage();
    await mail.goto(site.url('gmail.html'));
    panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl('sidepanel.html'));
    const tabId = await tabIdOf(panel, mail.url());
    await waitForPageContacts(panel, tabId, (contacts) =>
      contacts.some((c) => c.contact.role === 'sender'),
    );
    for (const [key, who, kind] of [
      ['prospect', PROSPECT, 'prospect'],
      ['client', CLIENT, 'client'],
    ] as const) {
      const created = await ask<{ view: { party: { id: string } } }>(panel, 'parties/create', {
        name: who.name,
        kind,
        emails: [who.email],
      });
      ids[key] = created.view.party.id;
    }
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${tabId}`));
    await panel.getByTestId('party-card').waitFor();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  const status = () => panel.getByTestId('relationship-status');

  it('leads a prospect’s record with the sale; stage and next step are kept', async () => {
    expect(await panel.getByTestId('party-name').textContent()).toBe(PROSPECT.name);
    const section = panel.getByTestId('relationship');
    expect(await section.getAttribute('data-kind')).toBe('prospect');
    // The sale comes before what they buy.
    const order = await section.evaluate((root) =>
      [
        ...root.querySelectorAll(
          '[data-testid="prospect-details"], [data-testid="relationship-summary"]',
        ),
      ].map((element) => element.getAttribute('data-testid')),
    );
    expect(order).toEqual(['prospect-details', 'relationship-summary']);

    await panel.getByTestId('prospect-stage').selectOption('qualified');
    await panel.getByTestId('prospect-source').fill('Referral');
    await panel.getByTestId('prospect-next-step').fill('Send the brand audit proposal');
    await panel.getByTestId('prospect-save').click();
    await panel.waitForFunction(() =>
      document
        .querySelector('[data-testid="relationship-status"]')
        ?.textContent?.startsWith('Saved: qualified stage'),
    );

    await panel.reload();
    await panel.getByTestId('prospect-details').waitFor();
    expect(await panel.getByTestId('prospect-stage').inputValue()).toBe('qualified');
    expect(await panel.getByTestId('prospect-source').inputValue()).toBe('Referral');
    expect(await panel.getByTestId('prospect-next-step').inputValue()).toBe(
      'Send the brand audit proposal',
    );
    const stored = await ask<{ party: { prospect?: unknown } }>(panel, 'parties/get', {
      id: ids.prospect,
    });
    expect(stored.party.prospect).toEqual({
      stage: 'qualified',
      source: 'Referral',
      nextStep: 'Send the brand audit proposal',
    });
  });

  it('records a first purchase: the form closes, the summary shows it, "customer" is suggested', async () => {
    const toggle = panel.getByTestId('add-purchase');
    // Escape closes the form again, and the record stays.
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await panel.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'purchase-amount',
    );
    await panel.keyboard.press('Escape');
    expect(await panel.getByTestId('purchase-form').count()).toBe(0);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    // From the keyboard: the button opens the form and its first field has the focus.
    await toggle.focus();
    await panel.keyboard.press('Enter');
    await panel.getByTestId('purchase-form').waitFor();
    await panel.keyboard.type('1,200');
    await panel.getByTestId('purchase-currency').fill('EUR');
    await panel.getByTestId('purchase-description').fill('Brand audit');
    await panel.getByTestId('purchase-submit').click();

    await panel.getByTestId('purchase-form').waitFor({ state: 'detached' });
    expect(await status().textContent()).toBe(
      `Recorded a purchase: Brand audit, €1,200.00 on ${shownDay()}.`,
    );
    expect(await panel.getByTestId('purchase-total').textContent()).toBe('€1,200.00 in total');
    const suggestion = panel.getByTestId('suggestion');
    await suggestion.waitFor();
    expect(await suggestion.getAttribute('data-to')).toBe('customer');
    expect(await suggestion.textContent()).toContain('Prospect → Customer');
  });

  it('applies the suggestion: now a customer, and the history says why', async () => {
    await panel.getByTestId('apply-suggestion').click();
    await panel.waitForFunction(
      () =>
        document.querySelector('[data-testid="kind-badge"]')?.getAttribute('data-kind') ===
        'customer',
    );
    expect(await status().textContent()).toBe('Now a customer.');
    const history = await panel.getByTestId('kind-history').textContent();
    expect(history).toContain('Prospect → Customer');
    expect(history).toContain('First purchase on');
    expect(history).toContain('Brand audit');
    // A customer's record: no sale any more, purchases first, recording one the main action.
    expect(await panel.getByTestId('prospect-details').count()).toBe(0);
    expect(await panel.getByTestId('relationship-summary').getAttribute('data-lead')).toBe(
      'purchases',
    );
    expect(await panel.getByTestId('add-purchase').getAttribute('class')).toBe('primary');
    expect(await panel.getByTestId('suggestion').count()).toBe(0);

    const stored = await ask<{ party: { kind: string; kindHistory: { reason?: string }[] } }>(
      panel,
      'parties/get',
      { id: ids.prospect },
    );
    expect(stored.party.kind).toBe('customer');
    expect(stored.party.kindHistory.at(-1)?.reason).toMatch(/^First purchase on .*Brand audit/);
  });

  it('adds a client’s retainer with a renewal date: summary, monthly total, a due follow-up', async () => {
    await mail.locator('#open-next').click();
    await panel.waitForFunction(
      (name) => document.querySelector('[data-testid="party-name"]')?.textContent === name,
      CLIENT.name,
    );
    const section = panel.getByTestId('relationship');
    await section.and(panel.locator('[data-kind="client"]')).waitFor();
    expect(await panel.getByTestId('add-engagement').getAttribute('class')).toBe('primary');

    await panel.getByTestId('add-engagement').click();
    const form = panel.getByTestId('engagement-form');
    await panel.getByTestId('engagement-name').fill('Monthly advisory');
    await panel.getByTestId('engagement-rate').fill('2,500');
    expect(await panel.getByTestId('engagement-start').inputValue()).toBe(day());
    await form.getByLabel('Renews').fill(day(10));
    await panel.getByTestId('engagement-submit').click();

    await form.waitFor({ state: 'detached' });
    expect(await status().textContent()).toMatch(
      /^Saved “Monthly advisory”\. A renewal follow-up is set for .+\.$/,
    );
    const item = panel.getByTestId('summary-engagement');
    expect(await item.getAttribute('data-status')).toBe('active');
    const text = await item.textContent();
    expect(text).toContain('Monthly advisory · €2,500.00 a month (retainer)');
    expect(text).toContain(`renews ${shownDay(10)}`);
    expect(await panel.getByTestId('recurring-monthly').textContent()).toBe(
      'Recurring: €2,500.00 a month',
    );

    // Thirty days ahead of a renewal ten days away is now: due today.
    const due = await ask<DueList>(panel, 'due/list', {});
    expect(due.items.filter((i) => i.kind === 'followUp' && i.partyId === ids.client)).toHaveLength(
      1,
    );
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html?view=due'));
    // The popup's Due list shows it too, under the client's name.
    await popup.getByTestId('due-item').filter({ hasText: CLIENT.name }).first().waitFor();
    await popup.close();
  });

  it('pauses and resumes it; only an active retainer counts toward the month', async () => {
    await panel.getByTestId('engagement-to-paused').click();
    await panel.locator('[data-testid="summary-engagement"][data-status="paused"]').waitFor();
    expect(await status().textContent()).toBe('Paused “Monthly advisory”.');
    expect(await panel.getByTestId('recurring-monthly').count()).toBe(0);

    await panel.getByTestId('engagement-to-active').click();
    await panel.locator('[data-testid="summary-engagement"][data-status="active"]').waitFor();
    expect(await status().textContent()).toBe('Resumed “Monthly advisory”.');
    await panel.getByTestId('recurring-monthly').waitFor();
  });

  it('ends it on the day asked (today by default): ended, follow-up closed, "former" suggested', async () => {
    await panel.getByTestId('engagement-to-ended').click();
    expect(await panel.getByTestId('engagement-end-on').inputValue()).toBe(day());
    await panel.getByTestId('engagement-end-confirm').click();

    await panel.getByTestId('summary-engagement').waitFor({ state: 'detached' });
    expect(await status().textContent()).toBe(`Ended “Monthly advisory” on ${day()}.`);
    const past = panel.getByTestId('past-engagement');
    await past.waitFor({ state: 'attached' });
    expect(await past.getAttribute('data-status')).toBe('ended');
    const suggestion = panel.getByTestId('suggestion');
    await suggestion.waitFor();
    expect(await suggestion.getAttribute('data-to')).toBe('former');

    const list = await ask<{ engagements: { status: string; endOn?: string }[] }>(
      panel,
      'engagements/list',
      { partyId: ids.client },
    );
    expect(list.engagements).toMatchObject([{ status: 'ended', endOn: day() }]);
    const due = await ask<DueList>(panel, 'due/list', {});
    expect(due.items.filter((i) => i.kind === 'followUp' && i.partyId === ids.client)).toEqual([]);
  });
});
