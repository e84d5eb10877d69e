import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CADENCE,
  nextCheckIn,
  type FollowUp,
  type Party,
  type RelationshipKind,
} from '../domain';
import { completeDue, readDue, snoozeDue, type DueItem } from './due-repository';
import { logInteraction } from './interaction-repository';
import { createDbOpener } from './open';
import type { RepositoryContext } from './party-repository';
import { projectParty, readSearchRows } from './search-projection';
import { toSearchRow } from '../../tests/support/store-reads';

const at = (iso: string) => Date.parse(iso);
const NY = 'America/New_York';
const LONDON = 'Europe/London';
// Noon on the Sunday New York springs forward: "today" is a 23-hour date there.
const NOW = at('2026-03-08T12:00-04:00');

interface TestContext extends RepositoryContext {
  setNow(instant: number): void;
}

function makeContext(): TestContext {
  let now = NOW;
  return {
    getDb: createDbOpener(`clientele-due-${crypto.randomUUID()}`),
    clock: () => now,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
    setNow: (instant) => {
      now = instant;
    },
  };
}

function party(id: string, kind: RelationshipKind, nextCheckInAt?: string): Party {
  const created = at('2025-06-01T10:00Z');
  return {
    id,
    type: 'person',
    name: `Party ${id}`,
    kind,
    kindHistory: [{ kind, at: created }],
    emails: [`${id.toLowerCase()}@example.com`],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: created,
    updatedAt: created,
    ...(nextCheckInAt ? { nextCheckInAt: at(nextCheckInAt) } : {}),
  };
}

function followUp(id: string, partyId: string, dueAt: string, rest: Partial<FollowUp> = {}) {
  return {
    id,
    partyId,
    dueAt: at(dueAt),
    note: `Note ${id}`,
    status: 'open',
    createdAt: at('2026-01-01T10:00Z'),
    ...rest,
  } satisfies FollowUp;
}

/** Writes records as they would be stored, with their search rows. */
async function seed(context: RepositoryContext, parties: Party[], followUps: FollowUp[] = []) {
  const db = await context.getDb();
  const tx = db.transaction(['parties', 'followUps', 'searchBuckets'], 'readwrite');
  for (const p of parties) {
    await tx.objectStore('parties').put(p);
    await projectParty(tx, p);
  }
  for (const f of followUps) await tx.objectStore('followUps').put(f);
  await tx.done;
}

const WORLD = {
  parties: [
    party('A', 'client', '2026-03-01T10:00-05:00'), // overdue
    party('B', 'client', '2026-03-08T18:00-04:00'), // due later today
    party('C', 'client', '2026-03-14T10:00-04:00'), // 6 dates ahead: inside a 30-day window
    party('D', 'client', '2026-03-15T10:00-04:00'), // 7 dates ahead: outside it
    party('E', 'former', '2026-01-01T10:00-05:00'), // former: never chased
    party('F', 'customer', '2026-03-15T10:00-04:00'), // 7 dates ahead: inside a 90-day window
    party('G', 'prospect'), // no check-in at all
  ],
  followUps: [
    followUp('f1', 'A', '2026-03-07T09:00-05:00'), // yesterday
    followUp('f2', 'B', '2026-03-08T23:30-04:00'), // tonight
    followUp('f3', 'C', '2026-03-09T00:30-04:00'), // tomorrow
    followUp('f4', 'D', '2026-03-02T09:00-05:00', { status: 'done' }),
    followUp('f5', 'gone', '2026-03-02T09:00-05:00'), // its party was deleted
  ],
};

/** The catalogue's words as the German catalogue has them: what is stored follows the caller's language. */
const WORDS = { followUpDone: 'Wiedervorlage erledigt', checkedIn: 'Kontakt gehalten' };

const summary = (items: DueItem[]) =>
  items.map((item) => `${item.key.split(':')[0]} ${item.partyId} ${item.state}`);

async function seeded() {
  const context = makeContext();
  await seed(context, WORLD.parties, WORLD.followUps);
  return context;
}

describe('readDue', () => {
  it('lists overdue and today’s items and due-soon check-ins, soonest first, in New York dates', async () => {
    const due = await readDue(await seeded(), NY);
    expect(summary(due.items)).toEqual([
      'checkIn A overdue',
      'followUp A overdue',
      'checkIn B today',
      'followUp B today',
      'checkIn C soon',
      'checkIn F soon',
    ]);
    expect(due.count).toBe(4);
    // The next thing to come due: B's check-in this evening.
    expect(due.nextDueAt).toBe(at('2026-03-08T18:00-04:00'));
  });

  it('counts in the zone it is given: London is already past midnight for tonight’s follow-up', async () => {
    const due = await readDue(await seeded(), LONDON);
    // 16:00 in London: B's 18:00 New York check-in (22:00 here) is still today; f2 is tomorrow.
    expect(summary(due.items)).toEqual([
      'checkIn A overdue',
      'followUp A overdue',
      'checkIn B today',
      'checkIn C soon',
      'checkIn F soon',
    ]);
    expect(due.count).toBe(3);
  });

  it('carries what the list and the reminders need', async () => {
    const due = await readDue(await seeded(), NY);
    expect(due.items.find((item) => item.kind === 'followUp')).toEqual({
      kind: 'followUp',
      key: `followUp:f1:${at('2026-03-07T09:00-05:00')}`,
      partyId: 'A',
      partyName: 'Party A',
      partyKind: 'client',
      dueAt: at('2026-03-07T09:00-05:00'),
      state: 'overdue',
      followUpId: 'f1',
      note: 'Note f1',
    });
  });

  it('turns over at local midnight, not at UTC midnight', async () => {
    const context = await seeded();
    context.setNow(at('2026-03-08T23:59:59.999-04:00'));
    expect((await readDue(context, NY)).count).toBe(4);
    context.setNow(at('2026-03-09T00:00-04:00'));
    const tomorrow = await readDue(context, NY);
    expect(summary(tomorrow.items).filter((line) => !line.endsWith('soon'))).toEqual([
      'checkIn A overdue',
      'followUp A overdue',
      'checkIn B overdue',
      'followUp B overdue',
      'followUp C today',
    ]);
  });

  it('is empty for an empty store', async () => {
    expect(await readDue(makeContext(), NY)).toEqual({ items: [], count: 0 });
  });
});

async function interactionsOf(context: RepositoryContext, partyId: string) {
  const db = await context.getDb();
  return db.getAllFromIndex(
    'interactions',
    'byPartyAt',
    IDBKeyRange.bound([partyId, -Infinity, ''], [partyId, Infinity, '']),
  );
}

describe('completeDue: a follow-up', () => {
  it('done alone closes it and logs nothing', async () => {
    const context = await seeded();
    const done = await completeDue(context, { kind: 'followUp', id: 'f1' }, { words: WORDS });
    expect(done).toEqual({
      ok: true,
      value: {
        followUp: { ...WORLD.followUps[0], status: 'done', doneAt: NOW, updatedAt: NOW },
        replayed: false,
      },
    });
    expect(await interactionsOf(context, 'A')).toEqual([]);
    const keys = (await readDue(context, NY)).items.map((item) => item.key);
    expect(keys.some((key) => key.startsWith('followUp:f1'))).toBe(false);
    expect(keys).toContain(`checkIn:A:${at('2026-03-01T10:00-05:00')}`);
  });

  it('"done, log it" records an interaction and resets the party’s check-in', async () => {
    const context = await seeded();
    const done = await completeDue(
      context,
      { kind: 'followUp', id: 'f1' },
      { log: { type: 'note', direction: 'outbound' }, words: WORDS },
    );
    if (!done.ok) throw new Error(done.error.message.code);
    expect(done.value.followUp?.status).toBe('done');
    expect(done.value.interaction).toMatchObject({ type: 'note', summary: 'Note f1', at: NOW });
    expect(done.value.party?.lastInteractionAt).toBe(NOW);
    expect(done.value.party?.nextCheckInAt).toBe(
      nextCheckIn({ ...WORLD.parties[0]!, lastInteractionAt: NOW }, DEFAULT_CADENCE),
    );
    expect(await interactionsOf(context, 'A')).toHaveLength(1);
    const remaining = summary((await readDue(context, NY)).items);
    expect(remaining.filter((line) => line.includes(' A '))).toEqual([]);
  });

  it('a second "done" changes nothing and logs nothing more', async () => {
    const context = await seeded();
    const log = { type: 'call', direction: 'outbound', summary: 'Called' } as const;
    await completeDue(context, { kind: 'followUp', id: 'f1' }, { log, words: WORDS });
    const again = await completeDue(context, { kind: 'followUp', id: 'f1' }, { log, words: WORDS });
    expect(again.ok && again.value.replayed).toBe(true);
    expect(await interactionsOf(context, 'A')).toHaveLength(1);
  });

  it('"done, log it" on a follow-up without a note logs the caller’s words for it', async () => {
    const context = makeContext();
    await seed(context, WORLD.parties, [
      followUp('f9', 'A', '2026-03-07T09:00-05:00', { note: '  ' }),
    ]);
    const done = await completeDue(
      context,
      { kind: 'followUp', id: 'f9' },
      { log: { type: 'call', direction: 'outbound' }, words: WORDS },
    );
    expect(done.ok && done.value.interaction?.summary).toBe('Wiedervorlage erledigt');
  });

  it('a retry after the log was stored but before the follow-up closed logs once', async () => {
    const context = await seeded();
    // The worker stopped between the two writes: the interaction is in, the follow-up open.
    const first = await logInteraction(context, {
      partyId: 'A',
      type: 'note',
      summary: 'Note f1',
      requestId: 'followUp:f1',
    });
    expect(first.ok).toBe(true);
    const retry = await completeDue(
      context,
      { kind: 'followUp', id: 'f1' },
      { log: { type: 'note', direction: 'outbound' }, words: WORDS },
    );
    expect(retry.ok && retry.value.followUp?.status).toBe('done');
    expect(await interactionsOf(context, 'A')).toHaveLength(1);
  });

  it('names a missing follow-up, and a log for a missing party leaves the follow-up open', async () => {
    const context = await seeded();
    const missing = await completeDue(context, { kind: 'followUp', id: 'nope' }, { words: WORDS });
    expect(missing).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_found' }) });
    const orphan = await completeDue(
      context,
      { kind: 'followUp', id: 'f5' },
      { log: { type: 'note', direction: 'outbound' }, words: WORDS },
    );
    expect(orphan.ok).toBe(false);
    const db = await context.getDb();
    expect((await db.get('followUps', 'f5'))?.status).toBe('open');
  });
});

describe('completeDue: a check-in', () => {
  it('logs a note and resets the check-in', async () => {
    const context = await seeded();
    const done = await completeDue(context, { kind: 'checkIn', partyId: 'A' }, { words: WORDS });
    if (!done.ok) throw new Error(done.error.message.code);
    expect(done.value.interaction).toMatchObject({
      type: 'note',
      summary: 'Kontakt gehalten',
      requestId: `checkIn:A:${at('2026-03-01T10:00-05:00')}`,
    });
    expect(done.value.party?.lastInteractionAt).toBe(NOW);
    const lines = summary((await readDue(context, NY)).items);
    // The check-in is gone; the follow-up is a separate to-do and stays.
    expect(lines.filter((line) => line.includes(' A '))).toEqual(['followUp A overdue']);
  });

  it('logs what the user chose, once per request id', async () => {
    const context = await seeded();
    const options = {
      log: { type: 'email', direction: 'inbound', summary: 'They wrote' },
      requestId: 'r-1',
      words: WORDS,
    } as const;
    const first = await completeDue(context, { kind: 'checkIn', partyId: 'B' }, options);
    const second = await completeDue(context, { kind: 'checkIn', partyId: 'B' }, options);
    expect(first.ok && first.value.interaction).toMatchObject({
      type: 'email',
      direction: 'inbound',
      summary: 'They wrote',
    });
    expect(second.ok && second.value.replayed).toBe(true);
    expect(await interactionsOf(context, 'B')).toHaveLength(1);
  });

  it('names a missing party', async () => {
    const result = await completeDue(
      await seeded(),
      { kind: 'checkIn', partyId: 'nope' },
      { words: WORDS },
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_found' }) });
  });
});

describe('snoozeDue', () => {
  const tomorrow9 = at('2026-03-09T09:00-04:00');

  it('moves a follow-up’s due date; it returns under a new key', async () => {
    const context = await seeded();
    const snoozed = await snoozeDue(context, { kind: 'followUp', id: 'f1' }, tomorrow9);
    expect(snoozed.ok && snoozed.value.followUp?.dueAt).toBe(tomorrow9);
    expect(summary((await readDue(context, NY)).items)).not.toContain('followUp A overdue');
    context.setNow(at('2026-03-09T08:00-04:00'));
    const keys = (await readDue(context, NY)).items.map((item) => item.key);
    expect(keys).toContain(`followUp:f1:${tomorrow9}`);
  });

  it('moves a check-in later, with its search row in the same write', async () => {
    const context = await seeded();
    const snoozed = await snoozeDue(context, { kind: 'checkIn', partyId: 'A' }, tomorrow9);
    if (!snoozed.ok) throw new Error(snoozed.error.message.code);
    expect(snoozed.value.party).toMatchObject({ nextCheckInAt: tomorrow9, updatedAt: NOW });
    const db = await context.getDb();
    expect((await db.get('parties', 'A'))?.nextCheckInAt).toBe(tomorrow9);
    const rows = await readSearchRows(context.getDb);
    expect(rows.find((row) => row.id === 'A')).toEqual(toSearchRow(snoozed.value.party!));
    // Tomorrow is inside the due-soon window: listed as coming up, no longer counted.
    const due = await readDue(context, NY);
    expect(summary(due.items)).toContain('checkIn A soon');
    expect(due.count).toBe(3);
  });

  it.each([
    ['a time already past', { kind: 'followUp', id: 'f1' }, NOW - 1, 'invalid'],
    ['now itself', { kind: 'checkIn', partyId: 'A' }, NOW, 'invalid'],
    ['a done follow-up', { kind: 'followUp', id: 'f4' }, tomorrow9, 'invalid'],
    ['a missing follow-up', { kind: 'followUp', id: 'nope' }, tomorrow9, 'not_found'],
    ['a missing party', { kind: 'checkIn', partyId: 'nope' }, tomorrow9, 'not_found'],
    ['a former relationship', { kind: 'checkIn', partyId: 'E' }, tomorrow9, 'invalid'],
    ['a party without check-ins', { kind: 'checkIn', partyId: 'G' }, tomorrow9, 'invalid'],
    ['a check-in to before its date', { kind: 'checkIn', partyId: 'D' }, tomorrow9, 'invalid'],
  ] as const)('refuses %s and changes nothing', async (_label, ref, until, code) => {
    const context = await seeded();
    const db = await context.getDb();
    const before = { parties: await db.getAll('parties'), followUps: await db.getAll('followUps') };
    const result = await snoozeDue(context, ref, until);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code }) });
    expect({
      parties: await db.getAll('parties'),
      followUps: await db.getAll('followUps'),
    }).toEqual(before);
  });
});
