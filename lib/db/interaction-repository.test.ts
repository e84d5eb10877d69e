import { describe, expect, it, vi } from 'vitest';
import {
  DAY_MS,
  DEFAULT_CADENCE,
  type Interaction,
  type InteractionDraft,
  type Party,
  type PartyDraft,
} from '../domain';
import { listInteractions, logInteraction, type LogOutcome } from './interaction-repository';
import { createDbOpener, type ClienteleDb } from './open';
import { createParty, getParty, type RepositoryContext } from './party-repository';
import { readSearchRows } from './search-projection';

const T0 = Date.UTC(2026, 4, 4, 8, 0);

interface TestContext extends RepositoryContext {
  setNow(instant: number): void;
}

function makeContext(): TestContext {
  let now = T0;
  return {
    getDb: createDbOpener(`clientele-interactions-${crypto.randomUUID()}`),
    clock: () => now,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
    setNow: (instant) => {
      now = instant;
    },
  };
}

async function newParty(
  context: RepositoryContext,
  draft: Partial<PartyDraft> = {},
): Promise<Party> {
  const result = await createParty(context, { name: 'Ada Lovelace', kind: 'client', ...draft });
  if (!result.ok || !result.value.created) throw new Error('could not create the party');
  return result.value.party;
}

async function logged(context: RepositoryContext, draft: InteractionDraft): Promise<LogOutcome> {
  const result = await logInteraction(context, draft);
  if (!result.ok) throw new Error(`logInteraction failed: ${result.error.code}`);
  return result.value;
}

let requests = 0;
const requestId = () => `req-${++requests}`;

async function countAll(context: RepositoryContext) {
  const db = await context.getDb();
  return {
    interactions: await db.count('interactions'),
    followUps: await db.count('followUps'),
  };
}

describe('logInteraction', () => {
  it('records the interaction and moves the party’s last interaction and next check-in together', async () => {
    const context = makeContext();
    const party = await newParty(context);
    const T1 = T0 + 10 * DAY_MS;
    context.setNow(T1);

    const result = await logged(context, {
      partyId: party.id,
      type: 'call',
      summary: '  Discussed the Q3 audit  ',
      link: 'https://mail.example/thread/1',
      requestId: 'first',
    });

    expect(result.replayed).toBe(false);
    expect(result.followUp).toBeUndefined();
    expect(result).not.toHaveProperty('followUp');
    expect(result.interaction).toEqual({
      id: expect.any(String) as string,
      partyId: party.id,
      type: 'call',
      direction: 'outbound',
      at: T1,
      summary: 'Discussed the Q3 audit',
      link: 'https://mail.example/thread/1',
      requestId: 'first',
      createdAt: T1,
    });
    expect(result.party).toEqual({
      ...party,
      lastInteractionAt: T1,
      nextCheckInAt: T1 + 30 * DAY_MS,
      updatedAt: T1,
    });

    // Both halves were stored.
    const db = await context.getDb();
    expect(await db.get('interactions', result.interaction.id)).toEqual(result.interaction);
    expect(await getParty(context.getDb, party.id)).toEqual(result.party);
    const [row] = await readSearchRows(context.getDb);
    expect(row?.lastInteractionAt).toBe(T1);
  });

  it('uses the given time, the party’s own cadence, and the default direction', async () => {
    const context = makeContext();
    const party = await newParty(context, { kind: 'customer', checkInDays: 7 });
    const at = T0 - 2 * DAY_MS;

    const { interaction, party: updated } = await logged(context, {
      partyId: party.id,
      type: 'email',
      direction: 'inbound',
      at,
      requestId: requestId(),
    });

    expect(interaction.at).toBe(at);
    expect(interaction.direction).toBe('inbound');
    expect(interaction.createdAt).toBe(T0);
    expect(updated.lastInteractionAt).toBe(at);
    expect(updated.nextCheckInAt).toBe(at + 7 * DAY_MS);
  });

  it('leaves a former party without a check-in', async () => {
    const context = makeContext();
    const party = await newParty(context, { kind: 'former' });
    const { party: updated } = await logged(context, {
      partyId: party.id,
      type: 'note',
      requestId: requestId(),
    });
    expect(updated.lastInteractionAt).toBe(T0);
    expect(updated).not.toHaveProperty('nextCheckInAt');
    expect(await getParty(context.getDb, party.id)).not.toHaveProperty('nextCheckInAt');
  });

  it('replays a repeated requestId without writing a second interaction', async () => {
    const context = makeContext();
    const party = await newParty(context);
    const first = await logged(context, {
      partyId: party.id,
      type: 'meeting',
      summary: 'Kick-off',
      followUpAt: T0 + DAY_MS,
      requestId: 'retry-me',
    });
    context.setNow(T0 + 5 * DAY_MS);

    const again = await logged(context, {
      partyId: party.id,
      type: 'call',
      summary: 'A different summary',
      followUpAt: T0 + 2 * DAY_MS,
      requestId: 'retry-me',
    });

    expect(again.replayed).toBe(true);
    expect(again.interaction).toEqual(first.interaction);
    expect(again.party).toEqual(first.party);
    expect(await countAll(context)).toEqual({ interactions: 1, followUps: 1 });
    const stored = await getParty(context.getDb, party.id);
    expect(stored?.lastInteractionAt).toBe(T0);
    expect(stored?.updatedAt).toBe(T0);
  });

  it('replays requests retried at the same moment only once', async () => {
    const context = makeContext();
    const party = await newParty(context);
    const draft: InteractionDraft = { partyId: party.id, type: 'call', requestId: 'twice' };
    const [a, b] = await Promise.all([logged(context, draft), logged(context, draft)]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(a.interaction.id).toBe(b.interaction.id);
    expect((await countAll(context)).interactions).toBe(1);
  });

  it('creates a follow-up when followUpAt is given', async () => {
    const context = makeContext();
    const party = await newParty(context);
    const due = T0 + 7 * DAY_MS;

    const { interaction, followUp } = await logged(context, {
      partyId: party.id,
      type: 'email',
      summary: 'Sent the proposal',
      followUpAt: due,
      requestId: requestId(),
    });

    expect(followUp).toEqual({
      id: expect.any(String) as string,
      partyId: party.id,
      dueAt: due,
      note: 'Sent the proposal',
      status: 'open',
      interactionId: interaction.id,
      createdAt: T0,
      updatedAt: T0,
    });
    const db = await context.getDb();
    expect(await db.getAllFromIndex('followUps', 'byParty', party.id)).toEqual([followUp]);
  });

  it('returns not_found for a missing party and writes nothing', async () => {
    const context = makeContext();
    const party = await newParty(context);
    const rowsBefore = await readSearchRows(context.getDb);

    const result = await logInteraction(context, {
      partyId: crypto.randomUUID(),
      type: 'call',
      followUpAt: T0 + DAY_MS,
      requestId: requestId(),
    });

    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await countAll(context)).toEqual({ interactions: 0, followUps: 0 });
    expect(await getParty(context.getDb, party.id)).toEqual(party);
    expect(await readSearchRows(context.getDb)).toEqual(rowsBefore);
  });

  it('refuses an invalid draft', async () => {
    const context = makeContext();
    const party = await newParty(context);
    const result = await logInteraction(context, {
      partyId: party.id,
      type: 'call',
      link: 'javascript:alert(1)',
      requestId: requestId(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await countAll(context)).toEqual({ interactions: 0, followUps: 0 });
  });

  it('does not move lastInteractionAt back for an older interaction', async () => {
    const context = makeContext();
    const party = await newParty(context);
    const recent = T0 + 20 * DAY_MS;
    const older = T0 + 5 * DAY_MS;
    context.setNow(T0 + 21 * DAY_MS);

    await logged(context, { partyId: party.id, type: 'call', at: recent, requestId: requestId() });
    context.setNow(T0 + 22 * DAY_MS);
    const { party: updated } = await logged(context, {
      partyId: party.id,
      type: 'note',
      at: older,
      requestId: requestId(),
    });

    expect(updated.lastInteractionAt).toBe(recent);
    expect(updated.nextCheckInAt).toBe(recent + 30 * DAY_MS);
    expect(updated.updatedAt).toBe(T0 + 22 * DAY_MS);
    expect(await getParty(context.getDb, party.id)).toEqual(updated);
    expect((await readSearchRows(context.getDb))[0]?.lastInteractionAt).toBe(recent);
    expect((await countAll(context)).interactions).toBe(2);
  });

  it('stores all of it or none: a failing follow-up write undoes the interaction and the party update', async () => {
    const context = makeContext();
    const party = await newParty(context);
    const db = await context.getDb();
    await db.add('followUps', {
      id: 'taken-id',
      partyId: party.id,
      dueAt: T0,
      note: 'already here',
      status: 'open',
      createdAt: T0,
    });
    // The interaction gets a fresh id; the follow-up is given an id that already exists.
    vi.spyOn(crypto, 'randomUUID')
      .mockReturnValueOnce('11111111-1111-4111-8111-111111111111')
      .mockReturnValueOnce('taken-id' as `${string}-${string}-${string}-${string}-${string}`);
    const rowsBefore = await readSearchRows(context.getDb);
    context.setNow(T0 + DAY_MS);
    // The aborted transaction also rejects its `done`, which the repository has stopped
    // awaiting by then (the failed add threw first); observe it so it is not reported.
    const quiet = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'transaction') return Reflect.get(target, property, receiver) as unknown;
        return (...args: Parameters<ClienteleDb['transaction']>) => {
          const tx = target.transaction(...args);
          tx.done.catch(() => undefined);
          return tx;
        };
      },
    });

    await expect(
      logInteraction(
        { ...context, getDb: () => Promise.resolve(quiet) },
        {
          partyId: party.id,
          type: 'call',
          followUpAt: T0 + 3 * DAY_MS,
          requestId: requestId(),
        },
      ),
    ).rejects.toMatchObject({ name: 'ConstraintError' });

    expect(await countAll(context)).toEqual({ interactions: 0, followUps: 1 });
    expect(await getParty(context.getDb, party.id)).toEqual(party);
    expect(await readSearchRows(context.getDb)).toEqual(rowsBefore);
  });
});

describe('listInteractions', () => {
  /** Logs interactions at the given instants, in the given order. */
  async function logAt(context: TestContext, partyId: string, instants: number[]) {
    const out: Interaction[] = [];
    for (const at of instants) {
      const { interaction } = await logged(context, {
        partyId,
        type: 'note',
        at,
        requestId: requestId(),
      });
      out.push(interaction);
    }
    return out;
  }

  /** Newest first; equal instants by id, descending (the index order). */
  const newestFirst = (a: Interaction, b: Interaction) =>
    b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

  async function readAllPages(
    getDbParty: { context: TestContext; partyId: string },
    limit: number,
  ) {
    const pages: Interaction[][] = [];
    let before: { at: number; id: string } | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await listInteractions(getDbParty.context.getDb, getDbParty.partyId, {
        limit,
        ...(before ? { before } : {}),
      });
      pages.push(page.interactions);
      if (!page.next) return pages;
      const last = page.interactions[page.interactions.length - 1];
      expect(page.next).toEqual({ at: last?.at, id: last?.id });
      before = page.next;
    }
    throw new Error('paging did not end');
  }

  it('lists a party’s interactions newest first, and only that party’s', async () => {
    const context = makeContext();
    const ada = await newParty(context, { emails: ['ada@example.com'] });
    const grace = await newParty(context, { name: 'Grace', emails: ['grace@example.com'] });
    const mine = await logAt(context, ada.id, [T0 + 1000, T0 + 3000, T0 + 2000]);
    await logAt(context, grace.id, [T0 + 2500, T0 + 4000]);

    const page = await listInteractions(context.getDb, ada.id, { limit: 10 });

    expect(page.interactions.map((i) => i.at)).toEqual([T0 + 3000, T0 + 2000, T0 + 1000]);
    expect(page.interactions.map((i) => i.id)).toEqual(
      [...mine].sort(newestFirst).map((i) => i.id),
    );
    expect(page.next).toBeUndefined();
  });

  it('returns an empty page for a party with no interactions', async () => {
    const context = makeContext();
    const party = await newParty(context);
    expect(await listInteractions(context.getDb, party.id, { limit: 5 })).toEqual({
      interactions: [],
    });
  });

  it('pages through every interaction exactly once even with equal times, across many pages', async () => {
    const context = makeContext();
    const party = await newParty(context);
    // 23 interactions on only 6 distinct instants, logged out of order.
    const instants = Array.from({ length: 23 }, (_, i) => T0 + ((i * 7) % 6) * 60_000);
    const all = await logAt(context, party.id, instants);

    const pages = await readAllPages({ context, partyId: party.id }, 4);

    expect(pages.length).toBe(6);
    expect(pages.slice(0, -1).every((page) => page.length === 4)).toBe(true);
    expect(pages.at(-1)).toHaveLength(3);
    const seen = pages.flat();
    expect(seen.map((i) => i.id)).toEqual([...all].sort(newestFirst).map((i) => i.id));
    expect(new Set(seen.map((i) => i.id)).size).toBe(23);
  });

  it('pages through interactions that all share one instant', async () => {
    const context = makeContext();
    const party = await newParty(context);
    const all = await logAt(context, party.id, Array<number>(10).fill(T0));

    const pages = await readAllPages({ context, partyId: party.id }, 3);

    expect(pages.map((page) => page.length)).toEqual([3, 3, 3, 1]);
    expect(
      pages
        .flat()
        .map((i) => i.id)
        .sort(),
    ).toEqual(all.map((i) => i.id).sort());
  });

  it('gives no next page when the last page is exactly full', async () => {
    const context = makeContext();
    const party = await newParty(context);
    await logAt(context, party.id, [T0 + 1, T0 + 2, T0 + 3, T0 + 4, T0 + 5, T0 + 6]);

    const pages = await readAllPages({ context, partyId: party.id }, 2);

    expect(pages.map((page) => page.map((i) => i.at))).toEqual([
      [T0 + 6, T0 + 5],
      [T0 + 4, T0 + 3],
      [T0 + 2, T0 + 1],
    ]);
  });

  it('starts strictly before the cursor it is given', async () => {
    const context = makeContext();
    const party = await newParty(context);
    const [a, b] = await logAt(context, party.id, [T0, T0]);
    if (!a || !b) throw new Error('not logged');
    const [high, low] = a.id > b.id ? [a, b] : [b, a];

    const page = await listInteractions(context.getDb, party.id, {
      limit: 5,
      before: { at: high.at, id: high.id },
    });
    expect(page.interactions.map((i) => i.id)).toEqual([low.id]);
    expect(page.next).toBeUndefined();
  });
});

describe('logInteraction with a request id reused for another party', () => {
  it('refuses it as a conflict and records nothing for the second party', async () => {
    const context = makeContext();
    const ada = await newParty(context, { emails: ['ada@example.com'] });
    const grace = await newParty(context, { name: 'Grace Hopper', emails: ['grace@example.com'] });
    const shared = requestId();
    await logged(context, { partyId: ada.id, type: 'call', requestId: shared });
    const again = await logInteraction(context, {
      partyId: grace.id,
      type: 'call',
      requestId: shared,
    });
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'conflict' }) });
    expect((await countAll(context)).interactions).toBe(1);
  });
});
