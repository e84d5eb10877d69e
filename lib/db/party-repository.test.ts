import { describe, expect, it, vi } from 'vitest';
import { DAY_MS, DEFAULT_CADENCE, type Party, type PartyDraft } from '../domain';
import { findPartiesByEmails } from '../../tests/support/store-reads';
import { createDbOpener } from './open';
import {
  createParty,
  getParty,
  setPartyKind,
  type CreatePartyOutcome,
  type RepositoryContext,
} from './party-repository';
import { readSearchRows } from './search-projection';
import { bucketOf, META_KEY, SEARCH_BUCKETS, SHOW_OFFSET } from './search-row';

const T0 = Date.UTC(2026, 2, 2, 9, 30);

interface TestContext extends RepositoryContext {
  setNow(instant: number): void;
  setRegion(region: string): void;
}

function makeContext(): TestContext {
  let now = T0;
  let region = 'US';
  return {
    getDb: createDbOpener(`clientele-parties-${crypto.randomUUID()}`),
    clock: () => now,
    settings: () => Promise.resolve({ region, cadence: DEFAULT_CADENCE }),
    setNow: (instant) => {
      now = instant;
    },
    setRegion: (next) => {
      region = next;
    },
  };
}

async function created(context: RepositoryContext, draft: PartyDraft): Promise<Party> {
  const result = await createParty(context, draft);
  if (!result.ok) throw new Error(`createParty failed: ${result.error.code}`);
  if (!result.value.created) throw new Error(`unexpected duplicate of ${result.value.party.id}`);
  return result.value.party;
}

async function outcome(context: RepositoryContext, draft: PartyDraft): Promise<CreatePartyOutcome> {
  const result = await createParty(context, draft);
  if (!result.ok) throw new Error(`createParty failed: ${result.error.code}`);
  return result.value;
}

async function allParties(context: RepositoryContext): Promise<Party[]> {
  return (await context.getDb()).getAll('parties');
}

const ada: PartyDraft = {
  name: 'Ada Lovelace',
  kind: 'client',
  emails: [' Ada@Example.COM '],
  phones: ['(212) 555-0100'],
};

describe('createParty', () => {
  it('creates a party with normalised emails and phones, dated by the injected clock', async () => {
    const context = makeContext();
    const party = await created(context, ada);

    expect(party).toEqual({
      id: expect.any(String) as string,
      type: 'person',
      name: 'Ada Lovelace',
      kind: 'client',
      kindHistory: [{ kind: 'client', at: T0 }],
      emails: ['ada@example.com'],
      phones: ['+12125550100'],
      domains: [],
      tags: [],
      notes: '',
      createdAt: T0,
      updatedAt: T0,
      nextCheckInAt: T0 + 30 * DAY_MS,
    });
    // What was returned is exactly what was stored.
    expect(await getParty(context.getDb, party.id)).toEqual(party);
    expect(await allParties(context)).toHaveLength(1);
  });

  it('reads national phone numbers in the region from the settings, read on every call', async () => {
    const context = makeContext();
    context.setRegion('GB');
    const london = await created(context, {
      name: 'Grace',
      kind: 'customer',
      phones: ['020 7946 0958'],
    });
    expect(london.phones).toEqual(['+442079460958']);
    expect(london.nextCheckInAt).toBe(T0 + 90 * DAY_MS);

    context.setRegion('DE');
    const berlin = await created(context, {
      name: 'Hedy',
      kind: 'prospect',
      phones: ['030 1234567'],
    });
    expect(berlin.phones).toEqual(['+49301234567']);
    expect(berlin.prospect).toEqual({ stage: 'new' });
    expect(berlin.nextCheckInAt).toBe(T0 + 14 * DAY_MS);
  });

  it('keeps an extension and drops repeated addresses within one draft', async () => {
    const context = makeContext();
    const party = await created(context, {
      name: 'Ada',
      kind: 'client',
      emails: ['ada@example.com', 'ADA@example.com', ' '],
      phones: ['(212) 555-0100 ext. 12', '212.555.0199'],
    });
    expect(party.emails).toEqual(['ada@example.com']);
    expect(party.phones).toEqual(['+12125550100;ext=12', '+12125550199']);
  });

  it('returns the existing party, matched by email, for the same address in another case with spaces', async () => {
    const context = makeContext();
    const first = await created(context, ada);
    context.setNow(T0 + DAY_MS);

    const again = await outcome(context, {
      name: 'Augusta Ada King',
      kind: 'prospect',
      emails: ['  ADA@example.com\t'],
    });

    expect(again).toEqual({ created: false, party: first, matchedBy: 'email' });
    expect(await allParties(context)).toHaveLength(1);
    expect(await readSearchRows(context.getDb)).toHaveLength(1);
  });

  it('matches by a later email in the list, not only the first', async () => {
    const context = makeContext();
    const first = await created(context, {
      name: 'Ada',
      kind: 'client',
      emails: ['ada@work.example'],
    });
    const again = await outcome(context, {
      name: 'Ada',
      kind: 'client',
      emails: ['ada@home.example', 'Ada@Work.Example'],
    });
    expect(again).toMatchObject({ created: false, matchedBy: 'email', party: { id: first.id } });
  });

  it('returns the existing party, matched by phone, for the same number in another format', async () => {
    const context = makeContext();
    const first = await created(context, ada);

    const again = await outcome(context, {
      name: 'Someone Else',
      kind: 'client',
      emails: ['other@example.net'],
      phones: ['+1 212-555-0100'],
    });

    expect(again).toEqual({ created: false, party: first, matchedBy: 'phone' });
    expect(await allParties(context)).toHaveLength(1);
  });

  it('prefers an email match over a phone match', async () => {
    const context = makeContext();
    const first = await created(context, ada);
    const again = await outcome(context, {
      name: 'Ada',
      kind: 'client',
      emails: ['ada@example.com'],
      phones: ['212.555.0100'],
    });
    expect(again).toMatchObject({ created: false, matchedBy: 'email', party: { id: first.id } });
  });

  it('makes one record when the same address is captured twice at once', async () => {
    const context = makeContext();
    const results = await Promise.all([
      createParty(context, { name: 'Ada', kind: 'client', emails: ['ada@example.com'] }),
      createParty(context, { name: 'Ada L.', kind: 'client', emails: ['Ada@Example.com'] }),
    ]);
    const outcomes = results.map((result) => (result.ok ? result.value.created : 'error'));
    expect(outcomes.sort()).toEqual([false, true]);
    expect(await allParties(context)).toHaveLength(1);
  });

  it('refuses an invalid email with a code and writes nothing', async () => {
    const context = makeContext();
    const result = await createParty(context, {
      name: 'Ada',
      kind: 'client',
      emails: ['ada@example.com', 'not an address'],
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_email',
        message: { code: 'error_not_email', params: { value: 'not an address' } },
      },
    });
    expect(await allParties(context)).toEqual([]);
    expect(await readSearchRows(context.getDb)).toEqual([]);
  });

  it('refuses an invalid phone with a code and writes nothing', async () => {
    const context = makeContext();
    const result = await createParty(context, {
      name: 'Ada',
      kind: 'client',
      phones: ['555-0100'],
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_phone',
        message: { code: 'error_not_phone', params: { value: '555-0100', region: 'US' } },
      },
    });
    expect(await allParties(context)).toEqual([]);
  });

  it('refuses a draft that does not match the schema', async () => {
    const context = makeContext();
    const result = await createParty(context, { name: '   ', kind: 'client' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await allParties(context)).toEqual([]);
  });

  it('links a person at an organization’s domain to it', async () => {
    const context = makeContext();
    const acme = await created(context, {
      type: 'organization',
      name: 'Acme Rockets',
      kind: 'client',
      domains: [' Acme.Example '],
    });
    expect(acme.domains).toEqual(['acme.example']);

    const wile = await created(context, {
      name: 'Wile E. Coyote',
      kind: 'client',
      emails: ['Wile@ACME.example'],
    });

    expect(wile.organizationId).toBe(acme.id);
    expect(wile.organizationName).toBe('Acme Rockets');
    expect(await getParty(context.getDb, wile.id)).toEqual(wile);
    const row = (await readSearchRows(context.getDb)).find((r) => r.id === wile.id);
    expect(row?.organization).toBe('Acme Rockets');
    expect(row?.text).toBe('wile e. coyote acme rockets wile@acme.example');
  });

  it('links through an internationalised domain written either way', async () => {
    const context = makeContext();
    const books = await created(context, {
      type: 'organization',
      name: 'Bücher GmbH',
      kind: 'customer',
      domains: ['Bücher.de'],
    });
    expect(books.domains).toEqual(['xn--bcher-kva.de']);
    const zoe = await created(context, {
      name: 'Zoë',
      kind: 'customer',
      emails: ['zoe@bücher.de'],
    });
    expect(zoe.organizationId).toBe(books.id);
  });

  it('keeps the organization name a person was given, but still links the id', async () => {
    const context = makeContext();
    const acme = await created(context, {
      type: 'organization',
      name: 'Acme',
      kind: 'client',
      domains: ['acme.example'],
    });
    const road = await created(context, {
      name: 'Road Runner',
      kind: 'client',
      emails: ['road@acme.example'],
      organizationName: 'Acme Labs',
    });
    expect(road.organizationId).toBe(acme.id);
    expect(road.organizationName).toBe('Acme Labs');
  });

  it('links through any of a person’s addresses, skipping free mail', async () => {
    const context = makeContext();
    const acme = await created(context, {
      type: 'organization',
      name: 'Acme',
      kind: 'client',
      domains: ['acme.example'],
    });
    const person = await created(context, {
      name: 'Pat',
      kind: 'client',
      emails: ['pat@gmail.com', 'pat@acme.example'],
    });
    expect(person.organizationId).toBe(acme.id);
  });

  it('finds the organization even when a person listing the same domain sorts before it', async () => {
    const context = makeContext();
    const ids = vi.spyOn(crypto, 'randomUUID');
    ids.mockReturnValueOnce('00000000-0000-4000-8000-000000000001');
    await created(context, {
      name: 'Freelancer with a domain',
      kind: 'client',
      domains: ['acme.example'],
    });
    ids.mockReturnValueOnce('ffffffff-0000-4000-8000-000000000001');
    const acme = await created(context, {
      type: 'organization',
      name: 'Acme',
      kind: 'client',
      domains: ['acme.example'],
    });
    ids.mockRestore();

    const wile = await created(context, {
      name: 'Wile',
      kind: 'client',
      emails: ['wile@acme.example'],
    });
    expect(wile.organizationId).toBe(acme.id);
    expect(wile.organizationName).toBe('Acme');
  });

  it('never links a gmail.com address, even to an organization that lists gmail.com', async () => {
    const context = makeContext();
    await created(context, {
      type: 'organization',
      name: 'Misconfigured',
      kind: 'client',
      domains: ['gmail.com'],
    });
    const person = await created(context, {
      name: 'Gina',
      kind: 'client',
      emails: ['Gina@GMail.com'],
    });
    expect(person.organizationId).toBeUndefined();
    expect(person.organizationName).toBeUndefined();
    expect(await getParty(context.getDb, person.id)).not.toHaveProperty('organizationId');
  });

  it('does not link an organization to another organization, nor a person without a match', async () => {
    const context = makeContext();
    await created(context, {
      type: 'organization',
      name: 'Acme',
      kind: 'client',
      domains: ['acme.example'],
    });
    const subsidiary = await created(context, {
      type: 'organization',
      name: 'Acme Sub',
      kind: 'client',
      emails: ['info@acme.example'],
    });
    expect(subsidiary.organizationId).toBeUndefined();
    const stranger = await created(context, {
      name: 'Stranger',
      kind: 'client',
      emails: ['x@elsewhere.example'],
    });
    expect(stranger.organizationId).toBeUndefined();
  });

  it('projects the new party into its bucket with folded text', async () => {
    const context = makeContext();
    const party = await created(context, {
      name: 'Zoë  Ångström',
      kind: 'prospect',
      emails: ['Zoe@Example.com'],
      phones: ['(212) 555-0100'],
    });

    const rows = await readSearchRows(context.getDb);
    expect(rows).toEqual([
      {
        id: party.id,
        name: 'Zoë  Ångström',
        kind: 'prospect',
        type: 'person',
        emails: ['zoe@example.com'],
        phones: ['+12125550100'],
        text: 'zoe angstrom zoe@example.com',
      },
    ]);

    const db = await context.getDb();
    const bucket = bucketOf(party.id);
    expect(bucket).toBeGreaterThanOrEqual(0);
    expect(bucket).toBeLessThan(SEARCH_BUCKETS);
    const shown = await db.get('searchBuckets', SHOW_OFFSET + bucket);
    expect(shown && 'ids' in shown ? shown.ids : []).toEqual([party.id]);
    // No other bucket was written: its two parts, and the projection's stamp.
    expect(await db.getAllKeys('searchBuckets')).toEqual([bucket, SHOW_OFFSET + bucket, META_KEY]);
  });

  it('does not project anything for a duplicate', async () => {
    const context = makeContext();
    const first = await created(context, ada);
    await outcome(context, { name: 'Other name', kind: 'client', emails: ['ada@example.com'] });
    const rows = await readSearchRows(context.getDb);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.name).toBe(first.name);
  });
});

describe('findPartiesByEmails', () => {
  it('finds the known addresses of a batch and leaves out the unknown', async () => {
    const context = makeContext();
    const adaParty = await created(context, {
      name: 'Ada',
      kind: 'client',
      emails: ['ada@example.com', 'ada@home.example'],
    });
    const grace = await created(context, {
      name: 'Grace',
      kind: 'client',
      emails: ['grace@navy.example'],
    });

    const found = await findPartiesByEmails(await context.getDb(), [
      'nobody@example.com',
      'ada@example.com',
      'grace@navy.example',
      'ada@home.example',
      'ada@example.com',
      'ghost@nowhere.example',
    ]);

    expect([...found.keys()].sort()).toEqual([
      'ada@example.com',
      'ada@home.example',
      'grace@navy.example',
    ]);
    expect(found.get('ada@example.com')).toEqual(adaParty);
    expect(found.get('ada@home.example')?.id).toBe(adaParty.id);
    expect(found.get('grace@navy.example')).toEqual(grace);
    expect(found.has('nobody@example.com')).toBe(false);
  });

  it('returns an empty map for an empty batch or an empty store', async () => {
    const context = makeContext();
    const db = await context.getDb();
    expect((await findPartiesByEmails(db, [])).size).toBe(0);
    expect((await findPartiesByEmails(db, ['ada@example.com'])).size).toBe(0);
  });
});

describe('setPartyKind', () => {
  it('moves the kind, appends the dated change and updates the projection', async () => {
    const context = makeContext();
    const party = await created(context, {
      name: 'Pia Prospect',
      kind: 'prospect',
      emails: ['pia@example.com'],
      prospect: { stage: 'proposal', source: 'referral' },
    });
    const T1 = T0 + 3 * DAY_MS;
    context.setNow(T1);

    const result = await setPartyKind(context, party.id, 'client', 'signed the retainer');
    if (!result.ok) throw new Error(result.error.code);
    const moved = result.value;

    expect(moved.kind).toBe('client');
    expect(moved.kindHistory).toEqual([
      { kind: 'prospect', at: T0 },
      { kind: 'client', from: 'prospect', at: T1, reason: 'signed the retainer' },
    ]);
    expect(moved.updatedAt).toBe(T1);
    expect(moved.createdAt).toBe(T0);
    expect(moved).not.toHaveProperty('prospect');
    // No interaction yet: the client cadence (30 days) counts from creation.
    expect(moved.nextCheckInAt).toBe(T0 + 30 * DAY_MS);
    expect(await getParty(context.getDb, party.id)).toEqual(moved);

    const rows = await readSearchRows(context.getDb);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: party.id, kind: 'client' });
  });

  it('keeps appending over several moves, and former has no check-in', async () => {
    const context = makeContext();
    const party = await created(context, { name: 'Cy', kind: 'customer' });
    context.setNow(T0 + 1);
    await setPartyKind(context, party.id, 'client');
    context.setNow(T0 + 2);
    const result = await setPartyKind(context, party.id, 'former', 'moved away');
    if (!result.ok) throw new Error(result.error.code);

    expect(result.value.kindHistory).toEqual([
      { kind: 'customer', at: T0 },
      { kind: 'client', from: 'customer', at: T0 + 1 },
      { kind: 'former', from: 'client', at: T0 + 2, reason: 'moved away' },
    ]);
    const stored = await getParty(context.getDb, party.id);
    expect(stored).not.toHaveProperty('nextCheckInAt');
    const db = await context.getDb();
    expect(await db.getAllFromIndex('parties', 'byNextCheckIn')).toEqual([]);
    expect((await readSearchRows(context.getDb))[0]?.kind).toBe('former');
  });

  it('adds no history entry when the kind is unchanged', async () => {
    const context = makeContext();
    const party = await created(context, { name: 'Cy', kind: 'client' });
    context.setNow(T0 + DAY_MS);
    const result = await setPartyKind(context, party.id, 'client', 'no-op');
    expect(result).toEqual({ ok: true, value: party });
  });

  it('returns not_found for a missing id and writes nothing', async () => {
    const context = makeContext();
    const result = await setPartyKind(context, crypto.randomUUID(), 'client');
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await allParties(context)).toEqual([]);
    expect(await readSearchRows(context.getDb)).toEqual([]);
  });
});
