import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../domain';
import { changeParties } from './bulk-change';
import { logInteraction } from './interaction-repository';
import { createDbOpener } from './open';
import { createParty, getParty, type RepositoryContext } from './party-repository';
import { deletePartRecord } from './record-deletion';
import { undoEntry } from './undo-repository';
import { say } from '../ui/ui-text';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7);
let clock = NOW;

function makeContext(): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-part-delete-${crypto.randomUUID()}`),
    clock: () => clock,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

async function partyWithCalls(context: RepositoryContext, days: number[]) {
  const created = await createParty(context, {
    name: 'Ada',
    kind: 'client',
    emails: ['ada@a.example'],
  });
  if (!created.ok) throw new Error(created.error.message.code);
  const ids: string[] = [];
  for (const [i, day] of days.entries()) {
    const logged = await logInteraction(context, {
      partyId: created.value.party.id,
      type: 'call',
      at: NOW - day * DAY,
      requestId: `call-${i}`,
    });
    if (!logged.ok) throw new Error(logged.error.message.code);
    ids.push(logged.value.interaction.id);
  }
  return { partyId: created.value.party.id, ids };
}

describe('deleting one interaction', () => {
  it('moves last contact and the next check-in back to the newest that remains, and undo moves them forward', async () => {
    clock = NOW;
    const context = makeContext();
    const { partyId, ids } = await partyWithCalls(context, [30, 2]);
    const before = (await getParty(context.getDb, partyId))!;
    expect(before.lastInteractionAt).toBe(NOW - 2 * DAY);

    const deleted = await deletePartRecord(context, 'interactions', ids[1]!);
    if (!deleted.ok) throw new Error(deleted.error.message.code);
    expect(deleted.value.party?.lastInteractionAt).toBe(NOW - 30 * DAY);
    expect(deleted.value.party!.nextCheckInAt!).toBeLessThan(before.nextCheckInAt!);
    expect(say(deleted.value.entry.label)).toBe('An interaction with Ada');

    const undone = await undoEntry(context, deleted.value.entry.id);
    expect(undone.ok).toBe(true);
    const after = (await getParty(context.getDb, partyId))!;
    expect(after.lastInteractionAt).toBe(NOW - 2 * DAY);
    expect(after.nextCheckInAt).toBe(before.nextCheckInAt);
  });

  it('leaves no last contact when the only interaction goes', async () => {
    const context = makeContext();
    const { partyId, ids } = await partyWithCalls(context, [5]);
    const deleted = await deletePartRecord(context, 'interactions', ids[0]!);
    expect(deleted.ok).toBe(true);
    expect((await getParty(context.getDb, partyId))!.lastInteractionAt).toBeUndefined();
  });
});

describe('bulk changes and their undo', () => {
  it('keeps the reason in each history, and undo leaves a party edited since alone', async () => {
    clock = NOW;
    const context = makeContext();
    const parties = [];
    for (const name of ['Ada', 'Grace', 'Linus']) {
      const created = await createParty(context, { name, kind: 'prospect' });
      if (!created.ok) throw new Error(created.error.message.code);
      parties.push(created.value.party);
    }
    const ids = parties.map((party) => party.id);
    clock = NOW + 1000;
    const changed = await changeParties(context, ids, {
      kind: 'kind',
      to: 'client',
      reason: 'Signed',
    });
    if (!changed.ok) throw new Error(changed.error.message.code);
    expect(changed.value.changed).toBe(3);
    for (const id of ids)
      expect((await getParty(context.getDb, id))!.kindHistory.at(-1)).toMatchObject({
        kind: 'client',
        from: 'prospect',
        reason: 'Signed',
      });

    // Grace is tagged afterwards: her later edit must survive the undo.
    clock = NOW + 2000;
    const tagged = await changeParties(context, [ids[1]!], { kind: 'tag', tag: 'vip', add: true });
    expect(tagged.ok).toBe(true);
    const undone = await undoEntry(context, changed.value.entryId);
    if (!undone.ok) throw new Error(undone.error.message.code);
    expect(undone.value.kept).toBe(1);
    expect(await getParty(context.getDb, ids[0]!)).toEqual(parties[0]);
    expect(await getParty(context.getDb, ids[2]!)).toEqual(parties[2]);
    const grace = (await getParty(context.getDb, ids[1]!))!;
    expect(grace.kind).toBe('client');
    expect(grace.tags).toEqual(['vip']);
  });
});
