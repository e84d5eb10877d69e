import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY_MS } from '../../../lib/domain/clock';
import { localTimeZone, snoozeUntil } from '../../../lib/domain/cadence';
import { createDbOpener } from '../../../lib/db/open';
import { CatalogueSchema, formatMessage } from '../../../lib/i18n/catalogue';
import { CHANNEL, type Reply } from '../../../lib/protocol/envelope';
import german from '../../../public/_locales/de/messages.json';
import { installPermissionAndScriptingStubs } from '../../../tests/unit/fake-browser-extras';
import background from '../index';

const popup = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
const content = {
  id: 'test-extension-id',
  url: 'https://northwind.example/',
  tab: { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
};

function send(name: string, request: unknown, sender: object = popup): Promise<Reply> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(
      { channel: CHANNEL, name, request },
      sender,
      resolve,
    );
  });
}

async function value<T = Record<string, unknown>>(reply: Promise<Reply>): Promise<T> {
  const settled = await reply;
  if (!settled.ok) throw new Error(JSON.stringify(settled.error));
  return settled.value as T;
}

interface DueList {
  items: { kind: string; partyId: string; followUpId?: string; state: string; key: string }[];
  count: number;
  total: number;
}

/** Two clients out of touch for 40 days, each with a follow-up that came due yesterday. */
async function twoOverdueClients() {
  const ids: string[] = [];
  for (const name of ['Ada Lovelace', 'Grace Hopper']) {
    const created = await value<{ view: { party: { id: string } } }>(
      send('parties/create', { name, kind: 'client' }),
    );
    const partyId = created.view.party.id;
    ids.push(partyId);
    await value(
      send('interactions/log', {
        partyId,
        type: 'call',
        at: Date.now() - 40 * DAY_MS,
        followUpAt: Date.now() - DAY_MS,
        summary: `Proposal for ${name}`,
        requestId: `seed-${name}`,
      }),
    );
  }
  return ids;
}

describe('due messages', () => {
  beforeEach(() => {
    installPermissionAndScriptingStubs();
    background.main();
  });

  it('due/list answers the popup with what is due and how many', async () => {
    await twoOverdueClients();
    const due = await value<DueList>(send('due/list', {}));
    expect(due.count).toBe(4);
    expect(due.total).toBe(4);
    expect(due.items.map((item) => [item.kind, item.state]).sort()).toEqual([
      ['checkIn', 'overdue'],
      ['checkIn', 'overdue'],
      ['followUp', 'overdue'],
      ['followUp', 'overdue'],
    ]);
    const limited = await value<DueList>(send('due/list', { limit: 1 }));
    expect(limited).toMatchObject({ count: 4, total: 4 });
    expect(limited.items).toHaveLength(1);
  });

  it('refuses a content script, and a malformed request', async () => {
    expect(await send('due/list', {}, content)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await send('due/snooze', { item: { kind: 'followUp', id: 'x' }, until: 'someday' }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await send('due/complete', { item: { kind: 'party', id: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('due/complete with a log closes the follow-up and resets the check-in', async () => {
    const [ada] = await twoOverdueClients();
    const due = await value<DueList>(send('due/list', {}));
    const followUp = due.items.find((item) => item.kind === 'followUp' && item.partyId === ada)!;
    const done = await value<{
      followUp: { status: string };
      interaction: { type: string; summary: string };
      view: { health: string };
    }>(
      send('due/complete', {
        item: { kind: 'followUp', id: followUp.followUpId },
        log: { type: 'call', summary: 'Called about the proposal' },
      }),
    );
    expect(done.followUp.status).toBe('done');
    expect(done.interaction).toMatchObject({ type: 'call', summary: 'Called about the proposal' });
    expect(done.view.health).toBe('on-time');
    const after = await value<DueList>(send('due/list', {}));
    expect(after.count).toBe(2);
    expect(after.items.every((item) => item.partyId !== ada)).toBe(true);
  });

  it('due/complete on a check-in logs a note', async () => {
    const [ada] = await twoOverdueClients();
    const done = await value<{ interaction: { type: string }; view: { health: string } }>(
      send('due/complete', { item: { kind: 'checkIn', partyId: ada } }),
    );
    expect(done.interaction.type).toBe('note');
    expect(done.view.health).toBe('on-time');
  });

  it('due/complete with nothing typed logs the words of the user’s language', async () => {
    const [ada, grace] = await twoOverdueClients();
    const due = await value<DueList>(send('due/list', {}));
    const followUp = due.items.find((item) => item.kind === 'followUp' && item.partyId === grace)!;
    // Its note is what a bare "done, log it" logs; without one, the catalogue's words.
    const db = await createDbOpener()();
    await db.put('followUps', { ...(await db.get('followUps', followUp.followUpId!))!, note: '' });
    const english = fakeBrowser.i18n.getMessage;
    const catalogue = CatalogueSchema.parse(german);
    fakeBrowser.i18n.getMessage = (key: string) => formatMessage(catalogue, key, []);
    try {
      const checkedIn = await value<{ interaction: { summary: string } }>(
        send('due/complete', { item: { kind: 'checkIn', partyId: ada } }),
      );
      const followedUp = await value<{ interaction: { summary: string } }>(
        send('due/complete', {
          item: { kind: 'followUp', id: followUp.followUpId },
          log: { type: 'call' },
        }),
      );
      expect(checkedIn.interaction.summary).toBe('Kontakt gehalten');
      expect(followedUp.interaction.summary).toBe('Wiedervorlage erledigt');
    } finally {
      fakeBrowser.i18n.getMessage = english;
    }
  });

  it('due/snooze "tomorrow" comes back at 9:00 tomorrow, local time', async () => {
    const [ada] = await twoOverdueClients();
    const before = Date.now();
    const snoozed = await value<{ dueAt: number; view: { party: { nextCheckInAt: number } } }>(
      send('due/snooze', { item: { kind: 'checkIn', partyId: ada }, until: 'tomorrow' }),
    );
    // Unless the test straddles midnight, this is the instant the rule names.
    expect([
      snoozeUntil('tomorrow', before, localTimeZone()),
      snoozeUntil('tomorrow', Date.now(), localTimeZone()),
    ]).toContain(snoozed.dueAt);
    expect(snoozed.view.party.nextCheckInAt).toBe(snoozed.dueAt);
  });

  it('due/snooze refuses a time that has passed', async () => {
    const [ada] = await twoOverdueClients();
    expect(
      await send('due/snooze', { item: { kind: 'checkIn', partyId: ada }, until: 1000 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
