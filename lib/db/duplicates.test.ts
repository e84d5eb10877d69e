import { describe, expect, it } from 'vitest';
import { PartySchema, type Party } from '../domain';
import { findCandidatePairs, findDuplicates, linkToOrganization } from './duplicates';
import { createDbOpener } from './open';
import { readSearchRows } from './search-projection';

const T = Date.UTC(2026, 3, 1);
let ids = 0;

function party(rest: Partial<Party>): Party {
  const kind = rest.kind ?? 'client';
  return PartySchema.parse({
    id: `p${++ids}`,
    type: 'person',
    name: 'Someone',
    kind,
    kindHistory: [{ kind, at: T }],
    emails: [],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: T,
    updatedAt: T,
    ...rest,
  });
}

const pairsOf = (parties: Party[]) =>
  findCandidatePairs(parties).map((pair) => ({
    action: pair.action,
    names: [pair.a.name, pair.b.name].sort(),
    codes: pair.reasons.map((r) => r.code),
  }));

describe('findCandidatePairs', () => {
  it.each<[string, Partial<Party>[], ReturnType<typeof pairsOf>]>([
    [
      'the same email',
      [
        { name: 'Ada', emails: ['ada@example.com'] },
        { name: 'A. Lovelace', emails: ['x@example.com', 'ada@example.com'] },
      ],
      [{ action: 'merge', names: ['A. Lovelace', 'Ada'], codes: ['email'] }],
    ],
    [
      'the same phone',
      [
        { name: 'Ada', phones: ['+12125550100'] },
        { name: 'Lovelace', phones: ['+12125550100'] },
      ],
      [{ action: 'merge', names: ['Ada', 'Lovelace'], codes: ['phone'] }],
    ],
    [
      'the same folded name at the same organization',
      [
        { name: 'Zoë Ångström', organizationName: 'Northwind' },
        { name: 'zoe  angstrom', organizationName: 'NORTHWIND' },
      ],
      [{ action: 'merge', names: ['Zoë Ångström', 'zoe  angstrom'], codes: ['name-organization'] }],
    ],
    [
      'the same name at different organizations',
      [
        { name: 'John Smith', organizationName: 'Northwind' },
        { name: 'John Smith', organizationName: 'Contoso' },
      ],
      [],
    ],
    ['the same name and no organization', [{ name: 'John Smith' }, { name: 'John Smith' }], []],
    [
      'two organizations with the same name',
      [
        { name: 'Northwind Ltd', type: 'organization' },
        { name: 'northwind ltd', type: 'organization' },
      ],
      [
        {
          action: 'merge',
          names: ['Northwind Ltd', 'northwind ltd'],
          codes: ['name-organization'],
        },
      ],
    ],
    [
      'several reasons at once, strongest first',
      [
        { name: 'Ada', emails: ['a@x.example'], phones: ['+12125550100'], organizationName: 'N' },
        { name: 'Ada', emails: ['a@x.example'], phones: ['+12125550100'], organizationName: 'N' },
      ],
      [{ action: 'merge', names: ['Ada', 'Ada'], codes: ['email', 'phone', 'name-organization'] }],
    ],
    [
      'a person at an organization’s domain, not yet linked',
      [
        { name: 'Northwind', type: 'organization', domains: ['northwind.example'] },
        { name: 'Grace', emails: ['grace@northwind.example'] },
      ],
      [{ action: 'link', names: ['Grace', 'Northwind'], codes: ['works-at'] }],
    ],
    [
      'a free-mail address never links',
      [
        { name: 'Gmail fans', type: 'organization', domains: ['gmail.com'] },
        { name: 'Grace', emails: ['grace@gmail.com'] },
      ],
      [],
    ],
  ])('%s', (_label, given, expected) => {
    expect(pairsOf(given.map(party))).toStrictEqual(expected);
  });

  it('leaves out a person already linked to the organization', () => {
    const org = party({ name: 'Northwind', type: 'organization', domains: ['northwind.example'] });
    const grace = party({ name: 'Grace', emails: ['g@northwind.example'], organizationId: org.id });
    expect(findCandidatePairs([org, grace])).toStrictEqual([]);
  });

  it('ignores a value shared by a crowd (a shared mailbox is not a duplicate)', () => {
    const crowd = Array.from({ length: 30 }, (_, i) =>
      party({ name: `Member ${i}`, emails: ['office@club.example'] }),
    );
    expect(findCandidatePairs(crowd)).toStrictEqual([]);
  });

  it('puts stronger pairs first', () => {
    const pairs = pairsOf([
      party({ name: 'B1', organizationName: 'Org' }),
      party({ name: 'b1', organizationName: 'org' }),
      party({ name: 'A1', emails: ['a@x.example'] }),
      party({ name: 'A2', emails: ['a@x.example'] }),
    ]);
    expect(pairs.map((p) => p.codes[0])).toStrictEqual(['email', 'name-organization']);
  });
});

describe('the store', () => {
  it('finds pairs over the whole book and links a person to an organization', async () => {
    const getDb = createDbOpener(`clientele-duplicates-${crypto.randomUUID()}`);
    const db = await getDb();
    const org = party({ name: 'Northwind', type: 'organization', domains: ['northwind.example'] });
    const grace = party({ name: 'Grace', emails: ['grace@northwind.example'] });
    await db.put('parties', org);
    await db.put('parties', grace);
    const [pair] = await findDuplicates(getDb);
    expect(pair).toMatchObject({ action: 'link', a: { id: grace.id }, b: { id: org.id } });

    const linked = await linkToOrganization({ getDb, clock: () => T + 1 }, grace.id, org.id);
    expect(linked.ok && linked.value).toMatchObject({
      organizationId: org.id,
      organizationName: 'Northwind',
      updatedAt: T + 1,
    });
    expect(await findDuplicates(getDb)).toStrictEqual([]);
    const rows = await readSearchRows(getDb);
    expect(rows.find((row) => row.id === grace.id)?.organization).toBe('Northwind');
    const backwards = await linkToOrganization({ getDb, clock: () => T }, org.id, grace.id);
    expect(backwards.ok).toBe(false);
  });
});
