import { listRecentlyDeleted } from './deletion-repository';
import { undoEntry } from './undo-repository';
import { describe, expect, it, vi } from 'vitest';
import { DAY_MS, DEFAULT_CADENCE, nextCheckIn, type Party } from '../domain';
import type { EmailCandidate } from '../email/decide-thread';
import { dismissCorrespondent, listPeopleYouEmail } from './correspondent-repository';
import {
  logEmails,
  loggedByRequestId,
  removeLoggedEmail,
  withRequestIds,
} from './email-log-repository';
import { listInteractions, logInteraction } from './interaction-repository';
import { createDbOpener } from './open';
import { createParty, getParty, type RepositoryContext } from './party-repository';

const T0 = Date.UTC(2026, 4, 4, 8, 0);

function makeContext(): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-email-log-${crypto.randomUUID()}`),
    clock: () => T0,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

async function newParty(context: RepositoryContext, email: string): Promise<Party> {
  const result = await createParty(context, { name: email, kind: 'client', emails: [email] });
  if (!result.ok || !result.value.created) throw new Error('could not create the party');
  return result.value.party;
}

const candidate = (party: Party, n: number, at: number): EmailCandidate => ({
  identity: `gmail:id:${n}`,
  partyId: party.id,
  partyName: party.name,
  direction: 'inbound',
  at,
  summary: 'Catalogue',
  link: 'https://mail.google.com/mail/u/0/#inbox/x',
});

describe('logEmails', () => {
  it('logs each message once per party, moving last contact and the next check-in', async () => {
    const context = makeContext();
    const ada = await newParty(context, 'ada@a.example');
    const batch = [candidate(ada, 1, T0 - 3 * DAY_MS), candidate(ada, 2, T0 - DAY_MS)];
    expect(await logEmails(context, { candidates: batch })).toHaveLength(2);
    // Reloading, reopening: the same messages again log nothing.
    expect(await logEmails(context, { candidates: batch })).toHaveLength(0);
    const timeline = await listInteractions(context.getDb, ada.id, { limit: 10 });
    expect(timeline.interactions.map((i) => [i.type, i.at])).toEqual([
      ['email', T0 - DAY_MS],
      ['email', T0 - 3 * DAY_MS],
    ]);
    const party = (await getParty(context.getDb, ada.id))!;
    expect(party.lastInteractionAt).toBe(T0 - DAY_MS);
    // The cadence restarts from the newest email, not from when the thread was read.
    expect(party.nextCheckInAt).not.toBe(ada.nextCheckInAt);
    expect(party.nextCheckInAt).toBe(nextCheckIn(party, DEFAULT_CADENCE));
  });

  it('two tabs logging the same thread at once store it once', async () => {
    const context = makeContext();
    const ada = await newParty(context, 'ada@a.example');
    const batch = [candidate(ada, 1, T0 - DAY_MS), candidate(ada, 2, T0 - DAY_MS / 2)];
    const [first, second] = await Promise.all([
      logEmails(context, { candidates: batch }),
      logEmails(context, { candidates: batch }),
    ]);
    expect(first.length + second.length).toBe(2);
    expect(await (await context.getDb()).count('interactions')).toBe(2);
  });

  it('writes a whole thread in one transaction', async () => {
    const context = makeContext();
    const ada = await newParty(context, 'ada@a.example');
    const db = await context.getDb();
    const transaction = vi.spyOn(db, 'transaction');
    const batch = Array.from({ length: 50 }, (_, i) => candidate(ada, i, T0 - i * 1000));
    await logEmails(context, { candidates: batch });
    const writes = transaction.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes).toHaveLength(1);
    expect(await db.count('interactions')).toBe(50);
  });
});

describe('removeLoggedEmail (undo of an automatic log)', () => {
  it('removes it, recomputes last contact from what remains, and never logs it again', async () => {
    const context = makeContext();
    const ada = await newParty(context, 'ada@a.example');
    const typed = await logInteraction(context, {
      partyId: ada.id,
      type: 'call',
      at: T0 - 5 * DAY_MS,
      requestId: 'typed-1',
    });
    expect(typed.ok).toBe(true);
    const batch = [candidate(ada, 1, T0 - DAY_MS)];
    const [email] = await logEmails(context, { candidates: batch });
    expect((await getParty(context.getDb, ada.id))!.lastInteractionAt).toBe(T0 - DAY_MS);

    expect(await removeLoggedEmail(context, email!.id)).toBe(true);
    const party = (await getParty(context.getDb, ada.id))!;
    expect(party.lastInteractionAt).toBe(T0 - 5 * DAY_MS);
    const timeline = await listInteractions(context.getDb, ada.id, { limit: 10 });
    expect(timeline.interactions.map((i) => i.type)).toEqual(['call']);
    expect(await logEmails(context, { candidates: batch })).toHaveLength(0);
    const [keyed] = await withRequestIds(batch);
    expect((await loggedByRequestId(context, [keyed!.requestId])).size).toBe(0);
  });

  it('leaves typed interactions alone', async () => {
    const context = makeContext();
    const ada = await newParty(context, 'ada@a.example');
    const typed = await logInteraction(context, { partyId: ada.id, type: 'email', requestId: 'r' });
    expect(typed.ok && (await removeLoggedEmail(context, typed.value.interaction.id))).toBe(false);
  });

  it('with nothing left, the party has no last contact', async () => {
    const context = makeContext();
    const ada = await newParty(context, 'ada@a.example');
    const [email] = await logEmails(context, { candidates: [candidate(ada, 1, T0 - DAY_MS)] });
    await removeLoggedEmail(context, email!.id);
    const party = (await getParty(context.getDb, ada.id))!;
    expect(party.lastInteractionAt).toBeUndefined();
    expect(party.nextCheckInAt).toBe(ada.nextCheckInAt);
  });

  it('is a part deletion like any other: listed, undoable, and the never-again mark stays', async () => {
    const context = makeContext();
    const ada = await newParty(context, 'ada@a.example');
    const batch = [candidate(ada, 1, T0 - DAY_MS)];
    const [email] = await logEmails(context, { candidates: batch });
    await removeLoggedEmail(context, email!.id);
    const [entry] = await listRecentlyDeleted(context.getDb, T0);
    expect(entry?.counts.interactions).toBe(1);
    expect((await undoEntry(context, entry!.id)).ok).toBe(true);
    const timeline = await listInteractions(context.getDb, ada.id, { limit: 10 });
    expect(timeline.interactions.map((i) => i.id)).toEqual([email!.id]);
    // Back by the user's own undo, yet the message is still never logged a second time.
    expect(await logEmails(context, { candidates: batch })).toHaveLength(0);
  });
});

describe('People you email', () => {
  it('lists unknown people written to in more threads than the setting, until dismissed or added', async () => {
    const context = makeContext();
    const zed = { email: 'zed@else.example', name: 'Zed' };
    for (const threadKey of ['t1', 't2', 't2', 't3'])
      await logEmails(context, { candidates: [], writtenTo: [zed], threadKey });
    expect(await listPeopleYouEmail(context.getDb, 2)).toEqual([{ ...zed, threads: 3 }]);
    expect(await listPeopleYouEmail(context.getDb, 3)).toEqual([]);

    await newParty(context, zed.email);
    expect(await listPeopleYouEmail(context.getDb, 2)).toEqual([]);

    const yan = { email: 'yan@else.example' };
    for (const threadKey of ['t1', 't2', 't3'])
      await logEmails(context, { candidates: [], writtenTo: [yan], threadKey });
    expect(await listPeopleYouEmail(context.getDb, 2)).toEqual([{ ...yan, threads: 3 }]);
    await dismissCorrespondent(context.getDb, yan.email, T0);
    await logEmails(context, { candidates: [], writtenTo: [yan], threadKey: 't4' });
    expect(await listPeopleYouEmail(context.getDb, 2)).toEqual([]);
  });
});
