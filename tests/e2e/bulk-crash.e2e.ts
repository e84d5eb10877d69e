import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, launchWithExtension, workerStopper, type Launched } from './helpers';

/**
 * All or nothing: the worker is stopped while it deletes 5,000 parties (and the
 * interactions of some) in one action. Whatever the moment, the book afterwards
 * is either the whole book (and no undo entry) or none of those records (and one
 * entry that restores them all) — never some of each, never a search row without
 * its party. Each cycle that deleted is undone, so the next starts from the book.
 *
 * The deletion commits faster than a stop ordered from here can land, so every
 * other cycle asks the test build to hold its transaction open once all its writes
 * are done (entrypoints/background/delete-hold.ts) and stops the worker only then:
 * those cycles must find the old book whole. The others stop it whenever the stop
 * lands, as a user's browser might.
 */

const PARTIES = 5000;
const WITH_INTERACTIONS = 100;
const CYCLES = 4;
/** The storage.session entry of the test build's hold. */
const HOLD_KEY = 'clienteleTestDeleteHold';

interface Book {
  parties: { id: string }[];
  interactions: { id: string; partyId: string }[];
  rows: { id: string }[];
  entries: { id: string; counts: { parties: number; interactions: number } }[];
}

/** Reads the book, asking again while the stopped worker is starting up. */
async function readBook(page: Page): Promise<Book> {
  for (let attempt = 0; ; attempt++) {
    try {
      const stores = await page.evaluate(async () => {
        const out: Record<string, unknown[]> = {};
        for (const store of ['parties', 'interactions']) {
          out[store] = [];
          let after: string | undefined;
          do {
            const reply = (await chrome.runtime.sendMessage({
              channel: 'clientele/1',
              name: 'transfer/exportPage',
              request: { store, after, limit: 5000 },
            })) as { ok: boolean; value: { records: unknown[]; next?: string } };
            if (!reply?.ok) throw new Error(JSON.stringify(reply));
            out[store].push(...reply.value.records);
            after = reply.value.next;
          } while (after);
        }
        return out;
      });
      const { rows } = await ask<{ rows: { id: string }[] }>(page, 'search/rows', {});
      const { entries } = await ask<{ entries: Book['entries'] }>(page, 'undo/recentlyDeleted', {});
      return {
        parties: stores.parties as Book['parties'],
        interactions: stores.interactions as Book['interactions'],
        rows,
        entries,
      };
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Asks the test build to hold the next party deletion open before it commits. */
async function askForHold(page: Page): Promise<void> {
  await page.evaluate((key) => chrome.storage.session.set({ [key]: 'hold' }), HOLD_KEY);
}

/** Waits until the held deletion has done all its writes and waits to commit. */
async function untilHeld(page: Page): Promise<void> {
  // A limit for a hung run only: the hold waits for the stop, however slow the machine.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const state = await page.evaluate(
      async (key) => (await chrome.storage.session.get(key))[key],
      HOLD_KEY,
    );
    if (state === 'held') return;
    if (Date.now() > deadline)
      throw new Error(`the deletion was never held (${String(state)}): is this a test build?`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a worker stopped mid-way through a 5,000-record bulk delete', () => {
  let ext: Launched;
  let page: Page;

  beforeAll(async () => {
    ext = await launchWithExtension();
    page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    const drafts = Array.from({ length: PARTIES }, (_, i) => ({
      name: `Bulk Person ${i}`,
      kind: 'prospect',
      emails: [`bulk.${i}@crash.example`],
    }));
    await ask(page, 'transfer/importChunk', { jobId: 'crash-seed', drafts });
    const { rows } = await ask<{ rows: { id: string }[] }>(page, 'search/rows', {});
    for (const [i, row] of rows.slice(0, WITH_INTERACTIONS).entries())
      await ask(page, 'interactions/log', {
        partyId: row.id,
        type: 'note',
        summary: `note ${i}`,
        requestId: `crash-note-${i}`,
      });
  }, 300_000);

  afterAll(async () => {
    await ext?.close();
  });

  it('leaves the old book or the new one, never a mix', async () => {
    const worker = await workerStopper(ext.context, page);
    const start = await readBook(page);
    expect(start.parties).toHaveLength(PARTIES);
    expect(start.interactions).toHaveLength(WITH_INTERACTIONS);
    const ids = start.parties.map((party) => party.id);
    const outcomes = { kept: 0, deleted: 0, heldKept: 0 };

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const held = cycle % 2 === 0;
      if (held) await askForHold(page);
      const sent = page.evaluate(
        (request) =>
          chrome.runtime
            .sendMessage({ channel: 'clientele/1', name: 'parties/delete', request })
            .then(
              (reply: unknown) => reply ?? 'no reply',
              (error: unknown) => String(error),
            ),
        { ids },
      );
      if (held) await untilHeld(page);
      await worker.stop();
      await sent;
      if (held) await page.evaluate((key) => chrome.storage.session.remove(key), HOLD_KEY);

      const book = await readBook(page);
      const deleted = book.parties.length === 0;
      // Stopped inside the transaction, after every write was done: nothing of it is kept.
      if (held) expect(deleted).toBe(false);
      if (deleted) {
        outcomes.deleted++;
        expect(book.interactions).toEqual([]);
        expect(book.rows).toEqual([]);
        expect(book.entries).toHaveLength(1);
        expect(book.entries[0]!.counts).toMatchObject({
          parties: PARTIES,
          interactions: WITH_INTERACTIONS,
        });
        await ask(page, 'undo/apply', { entryId: book.entries[0]!.id });
        const restored = await readBook(page);
        expect(restored.parties).toEqual(start.parties);
        expect(restored.interactions).toEqual(start.interactions);
      } else {
        outcomes.kept++;
        if (held) outcomes.heldKept++;
        expect(book.parties).toEqual(start.parties);
        expect(book.interactions).toEqual(start.interactions);
        expect(book.rows.map((row) => row.id).sort()).toEqual([...ids].sort());
        expect(book.entries).toEqual([]);
      }
    }
    console.info(
      `bulk delete of ${PARTIES} stopped ${CYCLES} times: ` +
        `${outcomes.kept} left the old book whole (${outcomes.heldKept} stopped inside the ` +
        `held transaction), ${outcomes.deleted} the new one whole, 0 mixed`,
    );
    expect(outcomes.kept + outcomes.deleted).toBe(CYCLES);
    // The test proves something only if a stop landed inside the transaction.
    expect(outcomes.heldKept).toBeGreaterThanOrEqual(1);
  }, 600_000);
});
