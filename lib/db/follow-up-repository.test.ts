import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../domain';
import { completeDue } from './due-repository';
import { addFollowUp, listOpenFollowUps } from './follow-up-repository';
import { createDbOpener } from './open';
import { createParty, type RepositoryContext } from './party-repository';

const NOW = Date.UTC(2026, 11, 7, 9);
const DAY = 86_400_000;
const DONE_WORDS = { followUpDone: 'Follow-up done', checkedIn: 'Checked in' };

async function book() {
  const context: RepositoryContext = {
    getDb: createDbOpener(`clientele-follow-ups-${crypto.randomUUID()}`),
    clock: () => NOW,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
  const made = await Promise.all(
    ['Ada', 'Grace'].map((name) =>
      createParty(context, { name, kind: 'client', emails: [`${name}@example.com`] }),
    ),
  );
  const [ada, grace] = made.map((result) => {
    if (!result.ok) throw new Error('not created');
    return result.value.party.id;
  });
  return { context, ada: ada!, grace: grace! };
}

describe('a party’s follow-ups', () => {
  it('lists the open ones, due and not yet, soonest first; not done ones nor another’s', async () => {
    const { context, ada, grace } = await book();
    const add = async (partyId: string, dueAt: number, note: string) => {
      const added = await addFollowUp(context, { partyId, dueAt, note });
      if (!added.ok) throw new Error('not added');
      return added.value.followUp;
    };
    const later = await add(ada, NOW + 30 * DAY, 'Renewal talk');
    const overdue = await add(ada, NOW - 2 * DAY, 'Send the notes');
    const soon = await add(ada, NOW + DAY, ' Call back ');
    const done = await add(ada, NOW - DAY, 'Already done');
    await add(grace, NOW + 2 * DAY, 'Not Ada’s');
    expect(
      await completeDue(context, { kind: 'followUp', id: done.id }, { words: DONE_WORDS }),
    ).toMatchObject({
      ok: true,
    });

    const listed = await listOpenFollowUps(context.getDb, ada);
    expect(listed.map((f) => f.id)).toEqual([overdue.id, soon.id, later.id]);
    expect(listed[1]).toEqual({
      id: soon.id,
      partyId: ada,
      dueAt: NOW + DAY,
      note: 'Call back',
      status: 'open',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await listOpenFollowUps(context.getDb, 'nobody')).toEqual([]);
  });

  it('a repeated request id gives back the first follow-up and adds nothing', async () => {
    const { context, ada, grace } = await book();
    const requestId = crypto.randomUUID();
    const first = await addFollowUp(context, { partyId: ada, dueAt: NOW, requestId });
    const again = await addFollowUp(context, { partyId: ada, dueAt: NOW + DAY, requestId });
    expect(first).toMatchObject({ ok: true, value: { replayed: false } });
    expect(again).toMatchObject({ ok: true, value: { replayed: true } });
    expect(again.ok && again.value.followUp).toEqual(first.ok && first.value.followUp);
    expect(await listOpenFollowUps(context.getDb, ada)).toHaveLength(1);
    // The same id for another party is refused, not moved.
    const stolen = await addFollowUp(context, { partyId: grace, dueAt: NOW, requestId });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a party that does not exist and a draft that does not parse', async () => {
    const { context, ada } = await book();
    expect(await addFollowUp(context, { partyId: 'gone', dueAt: NOW })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await addFollowUp(context, { partyId: ada, dueAt: -1, note: 'x'.repeat(2001) }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(
      await addFollowUp(context, { partyId: ada, dueAt: NOW, requestId: 'not-a-uuid' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await listOpenFollowUps(context.getDb, ada)).toEqual([]);
  });
});
