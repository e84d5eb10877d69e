import type { ImportChunkOutcome } from '../../../lib/protocol/areas/transfer';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANNEL, type Reply } from '../../../lib/protocol/envelope';
import { BACKUP_STORES } from '../../../lib/transfer/backup-format';
import { installPermissionAndScriptingStubs } from '../../../tests/unit/fake-browser-extras';
import background from '../index';
import { say, wordProblems } from '../../../lib/ui/ui-text';

const EXTENSION_ID = 'test-extension-id';
const pageSender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html` };
const tab = { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
const contentSender = { id: EXTENSION_ID, url: 'https://harbourlane.example/team', tab };

async function send(name: string, request: unknown, sender: object = pageSender): Promise<Reply> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(
      { channel: CHANNEL, name, request },
      sender,
      resolve,
    );
  });
}
async function value<T = Record<string, unknown>>(name: string, request: unknown): Promise<T> {
  const reply = await send(name, request);
  if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}
const counts = () => value<Record<string, number>>('transfer/counts', {});

async function exportAll() {
  const stores: Record<string, unknown[]> = {};
  for (const store of BACKUP_STORES) {
    stores[store] = [];
    let after: string | undefined;
    do {
      const page = await value<{ records: unknown[]; next?: string }>('transfer/exportPage', {
        store,
        after,
        limit: 2,
      });
      stores[store].push(...page.records);
      after = page.next;
    } while (after);
  }
  return stores;
}

async function restore(mode: 'empty' | 'merge', stores: Record<string, unknown[]>) {
  const begun = await send('transfer/restoreBegin', {
    mode,
    schemaVersion: 1,
    counts: Object.fromEntries(BACKUP_STORES.map((s) => [s, stores[s]?.length ?? 0])),
  });
  if (!begun.ok) return begun;
  const { jobId } = begun.value as { jobId: string };
  for (const store of BACKUP_STORES) {
    const records = stores[store] ?? [];
    for (let offset = 0; offset < records.length; offset += 2) {
      const chunk = await send('transfer/restoreChunk', {
        jobId,
        store,
        offset,
        records: records.slice(offset, offset + 2),
      });
      if (!chunk.ok) return chunk;
    }
  }
  return send('transfer/restoreCommit', { jobId });
}

describe('transfer messages', () => {
  let scripting: ReturnType<typeof installPermissionAndScriptingStubs>;
  beforeEach(async () => {
    scripting = installPermissionAndScriptingStubs();
    background.main();
    for (const [name, email] of [
      ['Ada Lovelace', 'ada@northwind.example'],
      ['Grace Hopper', 'grace@navy.example'],
      ['Marcus Chen', 'marcus@northwind.example'],
    ])
      await value('parties/create', { name, kind: 'client', emails: [email] });
  });

  it('exports every store in pages and merges the backup back without duplicating anyone', async () => {
    const stores = await exportAll();
    expect(stores.parties).toHaveLength(3);
    const refused = await restore('empty', stores);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_empty' } });
    const merged = await restore('merge', stores);
    expect(merged).toMatchObject({
      ok: true,
      value: { mode: 'merge', outcome: { parties: { added: 0, merged: 3, skipped: 0 } } },
    });
    expect((await counts()).parties).toBe(3);
  });

  it('refuses a backup with a bad record, naming it, and writes nothing', async () => {
    const stores = await exportAll();
    const broken = structuredClone(stores);
    (broken.parties![1] as { emails: string[] }).emails = ['Not An Address'];
    (broken.parties![0] as { id: string }).id = 'brand-new';
    const reply = await restore('merge', broken);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(say(reply.error.message)).toContain('stores.parties[1]');
      expect(say(reply.error.message)).toContain('emails.0');
      expect(say(reply.error.message)).toContain('Nothing was written');
    }
    expect((await counts()).parties).toBe(3);
  });

  it('imports chunks with the duplicate rules and says what happened to each row', async () => {
    const outcome = await value<ImportChunkOutcome>('transfer/importChunk', {
      jobId: 'job-1',
      drafts: [
        {
          name: 'Zoë Ångström',
          kind: 'prospect',
          emails: ['zoe@bücher.de'],
          phones: ['+46 70 123 45 67'],
        },
        {
          name: 'A. Lovelace',
          kind: 'customer',
          emails: ['ADA@northwind.example'],
          tags: ['imported'],
        },
        { name: 'Zoe A.', kind: 'prospect', phones: ['+46701234567'] },
        { name: 'Odd phone', kind: 'prospect', phones: ['ext. 12, ask for Bob'] },
        { name: '', kind: 'client' },
      ],
    });
    // The rows' words are codes; worded as the import summary words them.
    expect({
      ...outcome,
      skipped: wordProblems(outcome.skipped),
      adjusted: wordProblems(outcome.adjusted),
    }).toEqual({
      added: 2,
      merged: 2,
      skipped: [{ index: 4, message: expect.stringContaining('name') }],
      adjusted: [{ index: 3, message: expect.stringContaining('kept in the notes') }],
    });
    const rows = await value<{ rows: { name: string; emails: string[] }[] }>('search/rows', {});
    expect(rows.rows.map((r) => r.name).sort()).toEqual(
      ['Ada Lovelace', 'Grace Hopper', 'Marcus Chen', 'Odd phone', 'Zoë Ångström'].sort(),
    );
  });

  it('refuses chunks of a cancelled import', async () => {
    await value('transfer/cancel', { jobId: 'job-2' });
    const reply = await send('transfer/importChunk', {
      jobId: 'job-2',
      drafts: [{ name: 'X', kind: 'client' }],
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('prechecks phones and addresses before an import', async () => {
    const checked = await value('transfer/precheck', {
      emails: ['Ada@Northwind.example', 'new@example.com'],
      phones: ['not a phone', '(212) 555-0100'],
    });
    expect(checked).toEqual({
      invalidPhones: ['not a phone'],
      knownEmails: ['Ada@Northwind.example'],
      knownPhones: [],
    });
  });

  it('refuses every transfer message from a content script', async () => {
    for (const name of [
      'transfer/exportPage',
      'transfer/importChunk',
      'transfer/importVcardLink',
    ]) {
      const reply = await send(
        name,
        { store: 'parties', jobId: 'x', drafts: [], tabId: 7, url: 'https://x/' },
        contentSender,
      );
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  describe('a .vcf linked from a page', () => {
    const cardUrl = 'https://harbourlane.example/cards/mira.vcf';
    const mira = readFileSync('tests/fixtures/site/cards/mira.vcf', 'utf8');
    beforeEach(async () => {
      const reported = await send(
        'page/contactsFound',
        { url: contentSender.url, contacts: [], vcards: [cardUrl] },
        contentSender,
      );
      expect(reported.ok).toBe(true);
    });

    it('reads the card in the page and imports it, once', async () => {
      scripting.executeScript.mockImplementation(() =>
        Promise.resolve([{ result: { text: mira, pageUrl: contentSender.url } }] as never),
      );
      const first = await value('transfer/importVcardLink', { tabId: 7, url: cardUrl });
      expect(first).toEqual({ added: 1, merged: 0, names: ['Mira Patel'], problems: [] });
      const call = scripting.executeScript.mock.calls[0] as unknown as [
        { target: unknown; args: unknown[] },
      ];
      expect(call[0].target).toEqual({ tabId: 7 });
      expect(call[0].args[0]).toBe(cardUrl);
      const again = await value('transfer/importVcardLink', { tabId: 7, url: cardUrl });
      expect(again).toMatchObject({ added: 0, merged: 1 });
      expect((await counts()).parties).toBe(4);
    });

    it('refuses a URL the page did not link, without touching the page', async () => {
      const reply = await send('transfer/importVcardLink', {
        tabId: 7,
        url: 'https://harbourlane.example/other.vcf',
      });
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(scripting.executeScript).not.toHaveBeenCalled();
    });

    it('refuses a card when the page is on another site than the card', async () => {
      scripting.executeScript.mockImplementation(() =>
        Promise.resolve([
          { result: { text: mira, pageUrl: 'https://elsewhere.example/' } },
        ] as never),
      );
      const reply = await send('transfer/importVcardLink', { tabId: 7, url: cardUrl });
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await counts()).parties).toBe(3);
    });

    it('says plainly when the card is too large', async () => {
      scripting.executeScript.mockImplementation(() =>
        Promise.resolve([
          {
            result: { error: 'card_link_too_large', value: 1024 },
          },
        ] as never),
      );
      const reply = await send('transfer/importVcardLink', { tabId: 7, url: cardUrl });
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(say(reply.error.message)).toContain('larger than 1,024 KB');
    });
  });
});

vi.setConfig({ testTimeout: 30_000 });
