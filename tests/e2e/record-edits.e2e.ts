import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, launchWithExtension, startSite, tabIdOf, type Launched } from './helpers';

const DAY = 86_400_000;

interface Seeded {
  partyId: string;
  engagementId: string;
  purchaseId: string;
}

/** A client with three interactions, an engagement and a purchase, through the surfaces' messages. */
async function seedClient(page: Page, name: string, email: string): Promise<Seeded> {
  const created = await ask<{ view: { party: { id: string } } }>(page, 'parties/create', {
    name,
    kind: 'client',
    emails: [email],
  });
  const partyId = created.view.party.id;
  for (const [i, summary] of ['Intro call', 'Sent the proposal', 'Signed'].entries()) {
    await ask(page, 'interactions/log', {
      partyId,
      type: i === 0 ? 'call' : 'email',
      summary,
      requestId: `${email}-${i}`,
      at: Date.UTC(2026, 10, 1 + i),
    });
  }
  const { engagement } = await ask<{ engagement: { id: string } }>(page, 'engagements/create', {
    partyId,
    serviceName: 'Brand audit',
    terms: { pricingModel: 'fixed-fee', rate: { amountMinor: 300_000, currency: 'EUR' } },
    startOn: '2026-11-02',
    status: 'active',
  });
  const { purchase } = await ask<{ purchase: { id: string } }>(page, 'purchases/record', {
    partyId,
    on: '2026-11-04',
    amount: { amountMinor: 120_000, currency: 'EUR' },
    description: 'Brand workshop',
  });
  return { partyId, engagementId: engagement.id, purchaseId: purchase.id };
}

const partyOf = async (page: Page, id: string) =>
  (await ask<{ party: { lastInteractionAt?: number } }>(page, 'parties/get', { id })).party;

const storeOf = async <T>(page: Page, store: string): Promise<T[]> =>
  (await ask<{ records: T[] }>(page, 'transfer/exportPage', { store, limit: 2000 })).records;

/** The interactions stored for a party with this summary. */
const loggedOf = async (page: Page, partyId: string, summary: string) =>
  (await storeOf<{ partyId: string; type: string; summary: string }>(page, 'interactions')).filter(
    (i) => i.partyId === partyId && i.summary === summary,
  );

/**
 * One record at a time, in real Chromium: each of an interaction, an engagement, a
 * purchase (side panel) and a follow-up (popup's due list, and the record's list of
 * open ones in the side panel and the popup) deleted with its Undo, and corrected in
 * place; an end date cleared.
 */
describe('delete and edit one record', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let ext: Launched;
  let page: Page;
  let panel: Page;
  let seeded: Seeded;

  beforeAll(async () => {
    site = await startSite();
    ext = await launchWithExtension();
    page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await page.getByTestId('options').waitFor();
    seeded = await seedClient(page, 'Marigold Testwell', 'marigold@harbourlight.example');
    const tab = await ext.context.newPage();
    await tab.goto(`${site.base}/empty.html`);
    const tabId = await tabIdOf(page, tab.url());
    await ask(page, 'panel/showParty', { tabId, partyId: seeded.partyId });
    panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${tabId}`));
    await panel.getByTestId('party-card').waitFor();
    await panel.getByTestId('summary-purchase').waitFor();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('deletes the newest interaction: last contact moves back, and Undo moves it forward', async () => {
    expect((await partyOf(page, seeded.partyId)).lastInteractionAt).toBe(Date.UTC(2026, 10, 3));
    const items = panel.getByTestId('timeline-item');
    expect(await items.count()).toBe(3);
    await items.filter({ hasText: 'Signed' }).getByTestId('delete-interaction').click();
    await panel.getByTestId('undo').waitFor();
    await expect.poll(() => items.count()).toBe(2);
    expect((await partyOf(page, seeded.partyId)).lastInteractionAt).toBe(Date.UTC(2026, 10, 2));

    // Undo has the focus: one key press brings it back.
    await panel.keyboard.press('Enter');
    await items.filter({ hasText: 'Signed' }).waitFor();
    expect(await items.count()).toBe(3);
    expect((await partyOf(page, seeded.partyId)).lastInteractionAt).toBe(Date.UTC(2026, 10, 3));
  });

  it('corrects an interaction in place', async () => {
    const item = panel.getByTestId('timeline-item').filter({ hasText: 'Sent the proposal' });
    await item.getByTestId('edit-interaction').click();
    await panel.getByTestId('edit-interaction-summary').fill('Sent the revised proposal');
    await panel.getByTestId('edit-interaction-save').click();
    await panel
      .getByTestId('timeline-item')
      .filter({ hasText: 'Sent the revised proposal' })
      .waitFor();
    const stored = await storeOf<{ summary: string }>(page, 'interactions');
    expect(stored.map((i) => i.summary).sort()).toEqual([
      'Intro call',
      'Sent the revised proposal',
      'Signed',
    ]);
  });

  it('deletes an engagement, and Undo brings it back', async () => {
    const engagements = panel.getByTestId('summary-engagement');
    await engagements.first().waitFor();
    await engagements.first().getByTestId('delete-engagement').click();
    await panel.getByTestId('undo').waitFor();
    await engagements.first().waitFor({ state: 'detached' });
    expect(await storeOf(page, 'engagements')).toEqual([]);
    await panel.getByTestId('undo').click();
    await engagements.first().waitFor();
    const back = await storeOf<{ id: string }>(page, 'engagements');
    expect(back.map((e) => e.id)).toEqual([seeded.engagementId]);
  });

  it('corrects an engagement in place; Escape first leaves it unchanged', async () => {
    const engagement = panel.getByTestId('summary-engagement');
    await engagement.getByTestId('edit-engagement').click();
    // The first field has the keyboard; Escape closes and gives it back to Edit.
    await panel.keyboard.type(' and rebrand');
    await panel.keyboard.press('Escape');
    await panel.getByTestId('edit-engagement-form').waitFor({ state: 'detached' });
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'edit-engagement',
    );
    expect(await engagement.textContent()).toContain('Brand audit');

    await engagement.getByTestId('edit-engagement').click();
    await panel.getByTestId('edit-engagement-name').fill('Brand audit and rebrand');
    await panel.getByTestId('edit-engagement-end').fill('2027-03-31');
    await panel.getByTestId('edit-engagement-save').click();
    await panel
      .getByTestId('relationship-status')
      .filter({ hasText: 'Engagement corrected' })
      .waitFor();
    await engagement.filter({ hasText: 'Brand audit and rebrand' }).waitFor();
    const [stored] = await storeOf<{ id: string; serviceName: string; endOn?: string }>(
      page,
      'engagements',
    );
    expect(stored).toMatchObject({
      id: seeded.engagementId,
      serviceName: 'Brand audit and rebrand',
      endOn: '2027-03-31',
    });
  });

  it('refuses an end before the start, in words, and keeps the engagement', async () => {
    const engagement = panel.getByTestId('summary-engagement');
    await engagement.getByTestId('edit-engagement').click();
    await panel.getByTestId('edit-engagement-end').fill('2026-10-01');
    await panel.getByTestId('edit-engagement-save').click();
    await panel
      .getByTestId('edit-engagement-form')
      .getByRole('alert')
      .filter({ hasText: 'The end comes before the start.' })
      .waitFor();
    await panel.getByTestId('edit-engagement-cancel').click();
    const [stored] = await storeOf<{ endOn?: string }>(page, 'engagements');
    expect(stored?.endOn).toBe('2027-03-31');
  });

  it('deletes a purchase, and Undo brings it back', async () => {
    const purchase = panel.getByTestId('summary-purchase');
    await purchase.getByTestId('delete-purchase').click();
    await panel.getByTestId('undo').waitFor();
    await purchase.waitFor({ state: 'detached' });
    expect(await storeOf(page, 'purchases')).toEqual([]);
    await panel.getByTestId('undo').click();
    await purchase.waitFor();
    const back = await storeOf<{ id: string }>(page, 'purchases');
    expect(back.map((p) => p.id)).toEqual([seeded.purchaseId]);
  });

  it('corrects a purchase in place, and the total follows', async () => {
    await panel.getByTestId('edit-purchase').click();
    await panel.getByTestId('edit-purchase-description').fill('Brand workshop, two days');
    await panel.getByTestId('edit-purchase-amount').fill('1500');
    await panel.getByTestId('edit-purchase-save').click();
    await panel.getByTestId('summary-purchase').filter({ hasText: 'two days' }).waitFor();
    await panel.getByTestId('purchase-total').filter({ hasText: '1,500.00' }).waitFor();
    const [stored] = await storeOf<{ description: string; amount: { amountMinor: number } }>(
      page,
      'purchases',
    );
    expect(stored).toMatchObject({
      description: 'Brand workshop, two days',
      amount: { amountMinor: 150_000 },
    });
  });

  it('deletes a follow-up from the popup’s due list with Undo, and corrects one', async () => {
    const now = Date.now();
    const { followUp } = await ask<{ followUp: { id: string; dueAt: number } }>(
      page,
      'interactions/log',
      {
        partyId: seeded.partyId,
        type: 'call',
        summary: 'Asked for references',
        requestId: 'follow-up-seed',
        at: now - 2 * DAY,
        followUpAt: now - DAY,
      },
    );
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html?view=due'));
    const row = popup.locator('[data-testid="due-item"][data-due-kind="followUp"]');
    await row.waitFor();

    await row.getByTestId('due-delete').click();
    await popup.getByTestId('undo').waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await storeOf(page, 'followUps')).toEqual([]);
    await popup.getByTestId('undo').click();
    await row.waitFor();
    expect((await storeOf<{ id: string }>(page, 'followUps')).map((f) => f.id)).toEqual([
      followUp.id,
    ]);

    await row.getByTestId('due-edit').click();
    await popup.getByTestId('edit-follow-up-note').fill('Send the two references');
    await popup.getByTestId('edit-follow-up-save').click();
    await row.filter({ hasText: 'Send the two references' }).waitFor();
    const [stored] = await storeOf<{ id: string; note: string; dueAt: number }>(page, 'followUps');
    expect(stored).toMatchObject({
      id: followUp.id,
      note: 'Send the two references',
      // Shown and read back to the minute.
      dueAt: Math.floor(followUp.dueAt / 60_000) * 60_000,
    });
    await popup.close();
  });

  it('clears an engagement’s end date in the panel: the stored record has none', async () => {
    const engagement = panel.getByTestId('summary-engagement');
    const [before] = await storeOf<{ endOn?: string }>(page, 'engagements');
    expect(before?.endOn).toBe('2027-03-31');
    await engagement.getByTestId('edit-engagement').click();
    await panel.getByTestId('edit-engagement-end').fill('');
    await panel.getByTestId('edit-engagement-save').click();
    await panel.getByTestId('edit-engagement-form').waitFor({ state: 'detached' });
    await panel
      .getByTestId('relationship-status')
      .filter({ hasText: 'Engagement corrected' })
      .waitFor();
    const [stored] = await storeOf<{ id: string; endOn?: string }>(page, 'engagements');
    expect(stored?.id).toBe(seeded.engagementId);
    expect(stored).not.toHaveProperty('endOn');
    await expect.poll(() => engagement.textContent()).not.toContain('2027');
  });

  it('lists follow-ups not yet due in the panel: added, corrected, done, deleted and undone', async () => {
    const list = panel.getByTestId('panel-followups');
    const rows = list.getByTestId('followup-row');
    const row = (text: string) => rows.filter({ hasText: text });
    // In the panel's own zone, as the datetime field reads it.
    const at = (local: string) => panel.evaluate((value) => new Date(value).getTime(), local);
    const open = async () =>
      (
        await storeOf<{ id: string; note: string; dueAt: number; status: string }>(
          page,
          'followUps',
        )
      ).filter((f) => f.status === 'open');
    const add = async (when: string, note: string) => {
      await list.getByTestId('add-followup').click();
      await panel.getByTestId('add-follow-up-when').fill(when);
      await panel.getByTestId('add-follow-up-note').fill(note);
      await panel.getByTestId('add-follow-up-save').click();
      await row(note).waitFor();
    };
    await add('2030-03-01T10:00', 'Quarterly review');
    await add('2030-01-15T09:30', 'Send the contract');
    // Soonest first: the one added second comes before the first.
    const notes = (await rows.allTextContents()).join(' | ');
    expect(notes.indexOf('Send the contract')).toBeLessThan(notes.indexOf('Quarterly review'));
    expect(await row('Send the contract').getAttribute('data-state')).toBe('upcoming');
    const added = await open();
    expect(added.find((f) => f.note === 'Quarterly review')?.dueAt).toBe(
      await at('2030-03-01T10:00'),
    );

    await row('Quarterly review').getByTestId('followup-edit').click();
    await panel.getByTestId('edit-follow-up-note').fill('Quarterly review, with figures');
    await panel.getByTestId('edit-follow-up-when').fill('2030-03-02T11:00');
    await panel.getByTestId('edit-follow-up-save').click();
    await row('with figures').waitFor();
    const edited = (await open()).find((f) => f.note === 'Quarterly review, with figures');
    expect(edited?.dueAt).toBe(await at('2030-03-02T11:00'));

    // Done by keyboard: the row leaves, a note is logged as the Due list's "Done, log
    // it" logs one, and the keyboard moves on to the next row.
    const logged = () => loggedOf(page, seeded.partyId, 'Send the contract');
    expect(await logged()).toEqual([]);
    await row('Send the contract').getByTestId('followup-done').focus();
    await panel.keyboard.press('Enter');
    await row('Send the contract').waitFor({ state: 'detached' });
    const doneId = added.find((f) => f.note === 'Send the contract')?.id;
    const [done] = (await storeOf<{ id: string; status: string }>(page, 'followUps')).filter(
      (f) => f.id === doneId,
    );
    expect(done?.status).toBe('done');
    expect(await logged()).toMatchObject([{ type: 'note', summary: 'Send the contract' }]);
    await panel.getByTestId('timeline-item').filter({ hasText: 'Send the contract' }).waitFor();
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'followup-done',
    );

    await row('with figures').getByTestId('followup-delete').click();
    await panel.getByTestId('undo').waitFor();
    await row('with figures').waitFor({ state: 'detached' });
    expect((await open()).map((f) => f.id)).not.toContain(edited?.id);
    // Undo has the focus, as after every deletion: one key press brings it back.
    await expect
      .poll(() => panel.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('undo');
    await panel.keyboard.press('Enter');
    await row('with figures').waitFor();
    expect((await open()).find((f) => f.id === edited?.id)).toMatchObject({
      note: 'Quarterly review, with figures',
      dueAt: edited?.dueAt,
    });
  });

  it('lists follow-ups in the popup’s record: the soonest few, all by keyboard, added, done with a note, deleted and undone', async () => {
    const created = await ask<{ view: { party: { id: string } } }>(page, 'parties/create', {
      name: 'Rosalind Quillfeather',
      kind: 'customer',
      emails: ['rosalind@quillfeather.example'],
    });
    const partyId = created.view.party.id;
    const soon = Date.now() + DAY;
    for (const n of [1, 2, 3, 4, 5])
      await ask(page, 'followUps/create', { partyId, dueAt: soon + n * DAY, note: `Call ${n}` });
    const open = async () =>
      (
        await storeOf<{ id: string; partyId: string; note: string; status: string }>(
          page,
          'followUps',
        )
      ).filter((f) => f.partyId === partyId && f.status === 'open');

    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html?view=search'));
    await popup.getByTestId('search-input').fill('Quillfeather');
    await popup.getByTestId('search-result').filter({ hasText: 'Rosalind Quillfeather' }).click();
    const list = popup.getByTestId('panel-followups');
    const rows = list.getByTestId('followup-row');
    const row = (text: string) => rows.filter({ hasText: text });
    const focused = () =>
      popup.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    await row('Call 1').waitFor();

    // The popup is small: the soonest three, then "Show all", by keyboard.
    expect(await rows.count()).toBe(3);
    await list.getByTestId('followups-show-all').focus();
    await popup.keyboard.press('Enter');
    await row('Call 5').waitFor();
    expect(await rows.count()).toBe(5);
    expect(await focused()).toBe('followup-done');
    expect(
      await popup.evaluate(
        () => document.activeElement?.closest('[data-testid="followup-row"]')?.textContent,
      ),
    ).toContain('Call 4');

    await list.getByTestId('add-followup').click();
    await popup.getByTestId('add-follow-up-when').fill('2031-05-04T09:00');
    await popup.getByTestId('add-follow-up-note').fill('Send the catalogue');
    await popup.getByTestId('add-follow-up-save').click();
    await row('Send the catalogue').waitFor();
    expect((await open()).map((f) => f.note)).toContain('Send the catalogue');

    // Done by keyboard logs a note, checked in the store, and the timeline shows it.
    await row('Call 1').getByTestId('followup-done').focus();
    await popup.keyboard.press('Enter');
    await row('Call 1').waitFor({ state: 'detached' });
    expect((await open()).map((f) => f.note)).not.toContain('Call 1');
    expect(await loggedOf(page, partyId, 'Call 1')).toMatchObject([{ type: 'note' }]);
    await popup.getByTestId('timeline-item').filter({ hasText: 'Call 1' }).waitFor();
    expect(await focused()).toBe('followup-done');

    // Delete by keyboard; the Undo toast takes the focus, and Enter brings it back.
    const gone = (await open()).find((f) => f.note === 'Call 2');
    await row('Call 2').getByTestId('followup-delete').focus();
    await popup.keyboard.press('Enter');
    await row('Call 2').waitFor({ state: 'detached' });
    expect((await open()).map((f) => f.id)).not.toContain(gone?.id);
    await expect.poll(focused).toBe('undo');
    await popup.keyboard.press('Enter');
    await row('Call 2').waitFor();
    expect((await open()).map((f) => f.id)).toContain(gone?.id);
    await popup.close();
  });
});
