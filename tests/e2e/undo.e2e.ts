import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, launchWithExtension, startSite, tabIdOf, type Launched } from './helpers';

const STORES = ['parties', 'interactions', 'followUps', 'services', 'engagements', 'purchases'];

/** Every store of the book, as a backup reads it. */
async function book(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (stores) => {
    const out: Record<string, unknown[]> = {};
    for (const store of stores) {
      out[store] = [];
      let after: string | undefined;
      do {
        const reply = (await chrome.runtime.sendMessage({
          channel: 'clientele/1',
          name: 'transfer/exportPage',
          request: { store, after, limit: 2000 },
        })) as { ok: boolean; value: { records: unknown[]; next?: string } };
        if (!reply.ok) throw new Error(JSON.stringify(reply));
        out[store].push(...reply.value.records);
        after = reply.value.next;
      } while (after);
    }
    return out;
  }, STORES);
}

/** A party with three interactions, a follow-up and a purchase, through the surfaces' messages. */
async function seedParty(page: Page, name: string, email: string): Promise<string> {
  const created = await ask<{ view: { party: { id: string } } }>(page, 'parties/create', {
    name,
    kind: 'client',
    emails: [email],
  });
  const id = created.view.party.id;
  for (const [i, summary] of ['Intro call', 'Sent the proposal', 'Signed'].entries()) {
    await ask(page, 'interactions/log', {
      partyId: id,
      type: i === 0 ? 'call' : 'email',
      summary,
      requestId: `${email}-${i}`,
      at: Date.UTC(2026, 10, 1 + i),
      ...(i === 2 ? { followUpAt: Date.UTC(2027, 0, 5) } : {}),
    });
  }
  await ask(page, 'purchases/record', {
    partyId: id,
    on: '2026-11-04',
    amount: { amountMinor: 120_000, currency: 'EUR' },
    description: 'Brand workshop',
  });
  return id;
}

const searchIds = async (page: Page) =>
  (await ask<{ rows: { id: string }[] }>(page, 'search/rows', {})).rows.map((row) => row.id);

/**
 * Deleting in real Chromium: from the side panel with the Undo toast (by keyboard),
 * and from options' Recently deleted after the browser restarts.
 */
describe('delete and undo', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let profile: string;
  let ext: Launched;
  let page: Page;

  const openExtensionPage = async () => {
    page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await page.getByTestId('options').waitFor();
  };

  beforeAll(async () => {
    site = await startSite();
    profile = await mkdtemp(join(tmpdir(), 'clientele-undo-'));
    ext = await launchWithExtension({ userDataDir: profile });
    await openExtensionPage();
  });

  afterAll(async () => {
    await ext?.close();
    await site?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('deletes from the side panel and Undo brings everything back, the timeline included', async () => {
    const id = await seedParty(page, 'Marigold Testwell', 'marigold@harbourlight.example');
    const before = await book(page);
    const tab = await ext.context.newPage();
    await tab.goto(`${site.base}/empty.html`);
    const tabId = await tabIdOf(page, tab.url());
    await ask(page, 'panel/showParty', { tabId, partyId: id });
    const panel = await ext.context.newPage();
    await panel.goto(ext.extensionUrl(`sidepanel.html?tab=${tabId}`));
    await panel.getByTestId('party-card').waitFor();
    expect(await panel.getByTestId('timeline-item').count()).toBe(3);

    await panel.getByTestId('delete-party').click();
    const confirmation = panel.getByTestId('delete-confirmation');
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toContain(
      'Delete Marigold Testwell and 3 interactions, 1 follow-up, and 1 purchase?',
    );
    await panel.getByTestId('confirm-delete').click();
    await panel.getByTestId('undo').waitFor();
    expect(await panel.getByTestId('party-card').count()).toBe(0);

    // Gone from the book, the search projection and the due list at once.
    const gone = await book(page);
    expect(gone.parties).toEqual([]);
    expect(gone.interactions).toEqual([]);
    expect(gone.followUps).toEqual([]);
    expect(gone.purchases).toEqual([]);
    expect(await searchIds(page)).not.toContain(id);
    const due = await ask<{ items: { partyId?: string }[] }>(page, 'due/list', {});
    expect(due.items.some((item) => item.partyId === id)).toBe(false);

    // The toast's Undo has the focus: one key press.
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'undo',
    );
    await panel.keyboard.press('Enter');
    await panel.getByTestId('party-card').waitFor();
    await panel.getByTestId('timeline-item').nth(2).waitFor();
    expect(await panel.getByTestId('timeline-item').count()).toBe(3);
    expect(await book(page)).toEqual(before);
    expect(await searchIds(page)).toContain(id);
    await panel.close();
    await tab.close();
  });

  it('restores a deletion from options after the browser restarts', async () => {
    const id = await seedParty(page, 'Grace Hopper', 'grace@northwind.example');
    const before = await book(page);
    await ask(page, 'parties/delete', { ids: [id] });
    const after = await book(page);
    expect(after.parties?.some((p) => (p as { id: string }).id === id)).toBe(false);

    await ext.close();
    ext = await launchWithExtension({ userDataDir: profile });
    await openExtensionPage();
    const entry = page
      .getByTestId('recently-deleted')
      .getByTestId('recently-deleted-entry')
      .filter({ hasText: 'Grace Hopper' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('3 interactions, 1 follow-up, and 1 purchase');
    await entry.getByTestId('restore-entry').click();
    await entry.waitFor({ state: 'detached' });
    expect(await book(page)).toEqual(before);
    expect(await searchIds(page)).toContain(id);
  });

  it('changes the kind of 50 records selected in the popup’s search, then Undo puts all back', async () => {
    const drafts = Array.from({ length: 50 }, (_, i) => ({
      name: `Zephyrine Batch ${i}`,
      kind: 'prospect',
      emails: [`zephyrine.${i}@bulk.example`],
    }));
    await ask(page, 'transfer/importChunk', { jobId: 'bulk-kind', drafts });
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html?view=search'));
    await popup.getByTestId('search-input').fill('Zephyrine');
    await popup.getByTestId('search-result').first().waitFor();
    await popup.getByTestId('select-all').click();
    await popup.getByText('50 records selected').waitFor();
    const ids = await popup.evaluate(async () => {
      const reply = (await chrome.runtime.sendMessage({
        channel: 'clientele/1',
        name: 'search/rows',
        request: {},
      })) as { value: { rows: { id: string; name: string }[] } };
      return reply.value.rows.filter((row) => row.name.startsWith('Zephyrine')).map((r) => r.id);
    });
    expect(ids).toHaveLength(50);
    const before = await Promise.all(
      ids.map((id) => ask<{ party: unknown }>(page, 'parties/get', { id })),
    );

    await popup.getByLabel('New kind').selectOption('client');
    await popup.getByPlaceholder('Reason').fill('Signed the group deal');
    await popup.getByTestId('bulk-kind').click();
    await popup.getByTestId('undo').waitFor();
    for (const id of ids) {
      const { party } = await ask<{
        party: { kind: string; kindHistory: { kind: string; reason?: string }[] };
      }>(page, 'parties/get', { id });
      expect(party.kind).toBe('client');
      expect(party.kindHistory.at(-1)).toMatchObject({
        kind: 'client',
        reason: 'Signed the group deal',
      });
    }

    await popup.getByTestId('undo').click();
    await popup.getByTestId('notice').filter({ hasText: 'Undone' }).waitFor();
    const after = await Promise.all(
      ids.map((id) => ask<{ party: unknown }>(page, 'parties/get', { id })),
    );
    expect(after.map((view) => view.party)).toEqual(before.map((view) => view.party));
    await popup.close();
  });
});
