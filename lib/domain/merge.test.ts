import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from './cadence';
import { mergeParties } from './merge';
import { PartySchema, type Party } from './party';
import { RELATIONSHIP_KINDS } from './relationship';
import { say } from '../../lib/ui/ui-text';

const T = Date.UTC(2026, 5, 1);
const MERGE_AT = Date.UTC(2026, 10, 23);

function party(rest: Partial<Party>): Party {
  return PartySchema.parse({
    id: 'p',
    type: 'person',
    name: 'Someone',
    kind: 'client',
    kindHistory: [{ kind: rest.kind ?? 'client', at: T }],
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

function merged(survivor: Party, absorbed: Party): Party {
  const result = mergeParties(survivor, absorbed, { keep: 'survivor', at: MERGE_AT });
  if (!result.ok) throw new Error(result.error.message.code);
  return result.value;
}

describe('mergeParties', () => {
  const grace = party({
    id: 'a',
    name: 'Grace Hopper',
    emails: ['grace@navy.example'],
    phones: ['+12125550100'],
    tags: ['vip'],
    notes: 'Prefers calls.',
    title: 'Admiral',
    lastInteractionAt: T + 5,
    createdAt: T + 100,
  });
  const hopper = party({
    id: 'b',
    name: 'G. Hopper',
    emails: ['gh@personal.example', 'grace@navy.example'],
    phones: ['+12125550199'],
    tags: ['vip', 'navy'],
    notes: 'Met at the conference.',
    organizationName: 'US Navy',
    website: 'https://navy.example',
    lastInteractionAt: T + 50,
    createdAt: T,
  });

  it.each([
    [
      'keeps the survivor’s id, name and kind',
      (p: Party) => [p.id, p.name, p.kind],
      ['a', 'Grace Hopper', 'client'],
    ],
    [
      'unites the emails without repeats',
      (p: Party) => p.emails,
      ['grace@navy.example', 'gh@personal.example'],
    ],
    ['unites the phones', (p: Party) => p.phones, ['+12125550100', '+12125550199']],
    ['unites the tags', (p: Party) => p.tags, ['vip', 'navy']],
    ['joins the notes', (p: Party) => p.notes, 'Prefers calls.\n\nMet at the conference.'],
    ['keeps the survivor’s fields first', (p: Party) => p.title, 'Admiral'],
    [
      'fills in what only the absorbed had',
      (p: Party) => [p.organizationName, p.website],
      ['US Navy', 'https://navy.example'],
    ],
    ['keeps the latest interaction', (p: Party) => p.lastInteractionAt, T + 50],
    ['keeps the earliest creation', (p: Party) => p.createdAt, T],
    ['is dated at the merge', (p: Party) => p.updatedAt, MERGE_AT],
  ] as const)('%s', (_label, read, expected) => {
    expect(read(merged(grace, hopper))).toStrictEqual(expected);
  });

  it('closes the history on the survivor’s kind when the absorbed changed kind later', () => {
    const survivor = party({ id: 'a', kind: 'client', kindHistory: [{ kind: 'client', at: T }] });
    const absorbed = party({
      id: 'b',
      kind: 'former',
      kindHistory: [
        { kind: 'customer', at: T - 10 },
        { kind: 'former', from: 'customer', at: T + 10 },
      ],
    });
    expect(merged(survivor, absorbed).kindHistory).toStrictEqual([
      { kind: 'customer', at: T - 10 },
      { kind: 'client', at: T },
      { kind: 'former', from: 'customer', at: T + 10 },
      { kind: 'client', from: 'former', at: MERGE_AT, reason: 'Merged with Someone' },
    ]);
  });

  it('keeps a prospect’s stage, taking the absorbed one’s when the survivor has none on file', () => {
    const survivor = party({ id: 'a', kind: 'prospect' });
    const absorbed = party({
      id: 'b',
      kind: 'prospect',
      prospect: { stage: 'proposal', source: 'referral' },
    });
    const info = { stage: 'proposal', source: 'referral' };
    expect(merged(survivor, absorbed).prospect).toStrictEqual(info);
    const staged = party({ id: 'c', kind: 'prospect', prospect: { stage: 'qualified' } });
    expect(merged(staged, absorbed).prospect).toStrictEqual({ stage: 'qualified' });
    expect(merged(party({ id: 'd' }), absorbed).prospect).toBeUndefined();
  });

  it('does not link the survivor to itself or to the record it absorbed', () => {
    const organization = party({ id: 'org', type: 'organization' });
    const person = party({ id: 'p', organizationId: 'org' });
    expect(merged(organization, person).organizationId).toBeUndefined();
  });

  it('refuses to merge a record with itself, and notes too long to keep', () => {
    expect(mergeParties(grace, grace, { keep: 'survivor', at: MERGE_AT }).ok).toBe(false);
    const long = party({ id: 'x', notes: 'a'.repeat(60_000) });
    const other = party({ id: 'y', notes: 'b'.repeat(60_000) });
    expect(mergeParties(long, other, { keep: 'survivor', at: MERGE_AT })).toMatchObject({
      ok: false,
      error: { code: 'too_long' },
    });
  });

  it('gives a record the schema accepts', () => {
    expect(PartySchema.parse(merged(grace, hopper))).toStrictEqual(merged(grace, hopper));
  });
});

const arbitraryParty = (id: string) =>
  fc
    .record({
      kind: fc.constantFrom(...RELATIONSHIP_KINDS),
      emails: fc.uniqueArray(fc.constantFrom('a@x.example', 'b@x.example', 'c@y.example'), {
        maxLength: 3,
      }),
      phones: fc.uniqueArray(fc.constantFrom('+12125550100', '+442079460958', '+4930123456'), {
        maxLength: 3,
      }),
      tags: fc.uniqueArray(fc.constantFrom('vip', 'Vip', 'navy', 'ops'), { maxLength: 4 }),
      notes: fc.string({ maxLength: 40 }),
      history: fc.array(
        fc.record({ kind: fc.constantFrom(...RELATIONSHIP_KINDS), at: fc.nat(1_000) }),
        { minLength: 1, maxLength: 4 },
      ),
      lastInteractionAt: fc.option(fc.nat(1_000), { nil: undefined }),
    })
    .map(({ history, ...rest }) =>
      party({
        id,
        ...rest,
        kindHistory: [...history, { kind: rest.kind, at: 1_000 }],
      }),
    );

describe('mergeParties, for any two records', () => {
  it('loses no email, phone, tag, note or kind-history entry', () => {
    fc.assert(
      fc.property(arbitraryParty('a'), arbitraryParty('b'), (survivor, absorbed) => {
        const result = merged(survivor, absorbed);
        for (const source of [survivor, absorbed]) {
          for (const email of source.emails) expect(result.emails).toContain(email);
          for (const phone of source.phones) expect(result.phones).toContain(phone);
          for (const tag of source.tags) expect(result.tags).toContain(tag);
          for (const entry of source.kindHistory) expect(result.kindHistory).toContainEqual(entry);
          expect(result.notes).toContain(source.notes);
        }
        expect(result.kind).toBe(survivor.kind);
        expect(result.kindHistory.at(-1)?.kind).toBe(survivor.kind);
        expect(new Set(result.emails).size).toBe(result.emails.length);
        expect(PartySchema.safeParse(result).success).toBe(true);
      }),
    );
  });
});

describe('mergeParties, under every policy, for any two notes', () => {
  const policies = [
    { keep: 'survivor', at: MERGE_AT },
    { keep: 'newer', cadence: DEFAULT_CADENCE },
    { keep: 'on-file', cadence: DEFAULT_CADENCE, now: MERGE_AT },
  ] as const;
  // Short notes, and long ones near the stored limit, where a merge may not fit.
  const notes = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 60_000 }))
      .map(([unit, times]) => unit.repeat(times).slice(0, 100_000)),
  );

  it('keeps both sides’ notes whole, or refuses with a reason and only when they cannot fit', () => {
    fc.assert(
      fc.property(
        notes,
        notes,
        fc.constantFrom(...policies),
        fc.integer({ min: T - 10, max: T + 10 }),
        (first, second, policy, updatedAt) => {
          const onFile = party({ id: 'a', name: 'Ada', notes: first, title: 'CTO' });
          const other = party({ id: 'b', name: 'Ada L.', notes: second, title: 'CEO', updatedAt });
          const result = mergeParties(onFile, other, policy);
          if (result.ok) {
            expect(result.value.notes).toContain(first);
            expect(result.value.notes).toContain(second);
            expect(PartySchema.safeParse(result.value).success).toBe(true);
          } else {
            expect(result.error.code).toBe('too_long');
            expect(say(result.error.message)).toMatch(/too long.*Nothing of the two was merged/);
            // Refused only when both could not be kept (the "Also on file" line is short).
            expect(first.length + second.length).toBeGreaterThan(100_000 - 200);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
