import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../domain/cadence';
import type { Party, PartyDraft } from '../domain/party';
import { createDbOpener } from './open';
import { createParty, getParty, updateParty, type RepositoryContext } from './party-repository';
import { readSearchRows } from './search-projection';

const T0 = Date.UTC(2026, 2, 2, 9, 30);
const DAY = 86_400_000;

function makeContext(): RepositoryContext & { setNow(at: number): void } {
  let now = T0;
  return {
    getDb: createDbOpener(`clientele-update-${crypto.randomUUID()}`),
    clock: () => now,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
    setNow: (at) => {
      now = at;
    },
  };
}

async function created(context: RepositoryContext, draft: PartyDraft): Promise<Party> {
  const result = await createParty(context, draft);
  if (!result.ok || !result.value.created) throw new Error('not created');
  return result.value.party;
}

const ada: PartyDraft = {
  name: 'Ada Lovelace',
  kind: 'client',
  emails: ['ada@northwind.example'],
  phones: ['(212) 555-0100'],
  title: 'Analyst',
};

describe('updateParty', () => {
  it('changes only what the patch names, normalising emails and phones', async () => {
    const context = makeContext();
    const party = await created(context, { ...ada, notes: 'Met at the fair' });
    context.setNow(T0 + DAY);
    const result = await updateParty(context, party.id, {
      name: 'Ada King',
      emails: [' ADA@Northwind.example ', 'ada@lovelace.example'],
      phones: ['+44 20 7946 0958', '212-555-0100'],
      tags: ['math', 'retainer'],
    });
    expect(result.ok).toBe(true);
    const stored = await getParty(context.getDb, party.id);
    expect(stored).toMatchObject({
      name: 'Ada King',
      emails: ['ada@northwind.example', 'ada@lovelace.example'],
      phones: ['+442079460958', '+12125550100'],
      tags: ['math', 'retainer'],
      title: 'Analyst',
      notes: 'Met at the fair',
      kind: 'client',
      kindHistory: party.kindHistory,
      createdAt: T0,
      updatedAt: T0 + DAY,
    });
  });

  it('stores the name parts an edit sends, keeps them through a rename, and drops an empty set', async () => {
    const context = makeContext();
    const party = await created(context, {
      ...ada,
      nameParts: { given: 'Ada', family: 'Lovelace' },
    });
    await updateParty(context, party.id, {
      nameParts: { prefix: 'Lady', given: 'Ada', family: 'King' },
    });
    expect((await getParty(context.getDb, party.id))?.nameParts).toEqual({
      prefix: 'Lady',
      given: 'Ada',
      family: 'King',
    });
    // A rename alone leaves the parts as they are (lib/ui/party-edit.ts says why).
    await updateParty(context, party.id, { name: 'Ada, Countess of Lovelace' });
    expect((await getParty(context.getDb, party.id))?.nameParts).toEqual({
      prefix: 'Lady',
      given: 'Ada',
      family: 'King',
    });
    await updateParty(context, party.id, { nameParts: {} });
    const cleared = await getParty(context.getDb, party.id);
    expect(cleared).toBeDefined();
    expect(cleared && 'nameParts' in cleared).toBe(false);
  });

  it('keeps the search projection in step', async () => {
    const context = makeContext();
    const party = await created(context, ada);
    await updateParty(context, party.id, {
      name: 'Ada King',
      organizationName: 'Analytical Engines',
    });
    const rows = await readSearchRows(context.getDb);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: party.id,
      name: 'Ada King',
      organization: 'Analytical Engines',
    });
  });

  it.each([
    ['an email', { emails: ['ada@northwind.example', 'grace@navy.example'] }, 'grace@navy.example'],
    ['a phone', { phones: ['+1 202 555 0142'] }, '+12025550142'],
  ])('refuses %s already on another record, and changes nothing', async (_label, patch, value) => {
    const context = makeContext();
    const party = await created(context, ada);
    await created(context, {
      name: 'Grace Hopper',
      kind: 'customer',
      emails: ['grace@navy.example'],
      phones: ['+12025550142'],
    });
    const result = await updateParty(context, party.id, { ...patch, name: 'Changed too' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'duplicate',
        message: { code: 'error_already_on_record', params: { value, owner: 'Grace Hopper' } },
      },
    });
    expect((await getParty(context.getDb, party.id))?.name).toBe('Ada Lovelace');
    expect((await readSearchRows(context.getDb)).map((row) => row.name).sort()).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
  });

  it.each([
    ['an address', { emails: ['not an address'] }, 'invalid_email'],
    ['a phone', { phones: ['12'] }, 'invalid_phone'],
    ['an empty name', { name: '   ' }, 'invalid'],
  ])('refuses %s that cannot be stored', async (_label, patch, code) => {
    const context = makeContext();
    const party = await created(context, ada);
    const result = await updateParty(context, party.id, patch);
    expect(result.ok === false && result.error.code).toBe(code);
  });

  it('clears optional fields, and counts the check-in again from a new rhythm', async () => {
    const context = makeContext();
    const party = await created(context, {
      ...ada,
      website: 'https://ada.example',
      checkInDays: 7,
    });
    expect(party.nextCheckInAt).toBe(T0 + 7 * DAY);
    const moved = await updateParty(context, party.id, { checkInDays: 60 });
    expect(moved.ok && moved.value.nextCheckInAt).toBe(T0 + 60 * DAY);
    const cleared = await updateParty(context, party.id, { title: '' }, ['website', 'checkInDays']);
    expect(cleared.ok).toBe(true);
    const stored = await getParty(context.getDb, party.id);
    expect(stored).not.toHaveProperty('title');
    expect(stored).not.toHaveProperty('website');
    expect(stored).not.toHaveProperty('checkInDays');
    // Back to the client default of 30 days.
    expect(stored?.nextCheckInAt).toBe(T0 + 30 * DAY);
  });

  it('answers not_found for a record that is gone', async () => {
    const result = await updateParty(makeContext(), 'nobody', { name: 'X' });
    expect(result.ok === false && result.error.code).toBe('not_found');
  });
});
