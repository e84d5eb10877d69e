import { describe, expect, it } from 'vitest';
import { changeKind } from './lifecycle';
import { withoutUndefined } from './new-party';
import { PartySchema, type Party } from './party';
import type { RelationshipKind } from './relationship';

const CREATED = Date.UTC(2026, 0, 15);
const AT = Date.UTC(2026, 10, 23, 14, 30);

function party(kind: RelationshipKind, rest: Partial<Party> = {}): Party {
  return PartySchema.parse({
    id: 'p1',
    type: 'person',
    name: 'Ada Lovelace',
    kind,
    kindHistory: [{ kind, at: CREATED }],
    emails: ['ada@example.com'],
    phones: [],
    domains: [],
    tags: ['vip'],
    notes: 'met at a conference',
    ...(kind === 'prospect'
      ? { prospect: { stage: 'proposal', source: 'referral', nextStep: 'send quote' } }
      : {}),
    createdAt: CREATED,
    updatedAt: CREATED,
    ...rest,
  });
}

describe('changeKind', () => {
  it.each([
    ['prospect', 'client'],
    ['prospect', 'customer'],
    ['prospect', 'former'],
    ['client', 'customer'],
    ['client', 'former'],
    ['customer', 'client'],
    ['former', 'client'],
  ] as const)('%s → %s appends one dated change with `from`', (from, to) => {
    const before = party(from);
    const after = changeKind(before, to, AT);
    expect(after.kind).toBe(to);
    expect(after.kindHistory).toStrictEqual([
      { kind: from, at: CREATED },
      { kind: to, from, at: AT },
    ]);
    expect(after.updatedAt).toBe(AT);
    expect(after.createdAt).toBe(CREATED);
  });

  it('keeps the reason when one is given', () => {
    const after = changeKind(party('client'), 'former', AT, 'contract ended');
    expect(after.kindHistory.at(-1)).toStrictEqual({
      kind: 'former',
      from: 'client',
      at: AT,
      reason: 'contract ended',
    });
  });

  it('has no reason key when the reason is empty', () => {
    const after = changeKind(party('client'), 'former', AT, '');
    expect(after.kindHistory.at(-1)).toStrictEqual({ kind: 'former', from: 'client', at: AT });
  });

  it.each(['prospect', 'customer', 'client', 'former'] as const)(
    '%s → %s is a no-op that returns the same party',
    (kind) => {
      const before = party(kind);
      const after = changeKind(before, kind, AT, 'no change');
      expect(after).toBe(before);
      expect(after.kindHistory).toHaveLength(1);
      expect(after.updatedAt).toBe(CREATED);
    },
  );

  it.each(['client', 'customer', 'former'] as const)(
    'clears the prospect info when a prospect becomes %s',
    (kind) => {
      const after = changeKind(party('prospect'), kind, AT);
      expect(after.prospect).toBeUndefined();
      expect('prospect' in withoutUndefined(after)).toBe(false);
    },
  );

  it('gives a party that becomes a prospect the stage "new"', () => {
    const after = changeKind(party('former'), 'prospect', AT, 'wants a new project');
    expect(after.prospect).toStrictEqual({ stage: 'new' });
  });

  it('keeps a history across several changes, in order', () => {
    const t1 = Date.UTC(2026, 2, 1);
    const t2 = Date.UTC(2026, 5, 30);
    const t3 = Date.UTC(2027, 0, 1);
    const after = changeKind(
      changeKind(changeKind(party('prospect'), 'client', t1), 'former', t2, 'moved away'),
      'client',
      t3,
    );
    expect(after.kindHistory.map(({ from, kind, at }) => [from, kind, at])).toStrictEqual([
      [undefined, 'prospect', CREATED],
      ['prospect', 'client', t1],
      ['client', 'former', t2],
      ['former', 'client', t3],
    ]);
    expect(after.updatedAt).toBe(t3);
  });

  it('does not modify the party it is given', () => {
    const before = party('prospect');
    const snapshot = structuredClone(before);
    changeKind(before, 'client', AT, 'signed');
    expect(before).toStrictEqual(snapshot);
  });

  it('leaves everything else alone', () => {
    const before = party('customer', { phones: ['+12125550100'], checkInDays: 45 });
    const {
      kind: _k,
      kindHistory: _h,
      updatedAt: _u,
      prospect: _p,
      ...rest
    } = changeKind(before, 'client', AT);
    const { kind: _k2, kindHistory: _h2, updatedAt: _u2, prospect: _p2, ...restBefore } = before;
    expect(rest).toStrictEqual(restBefore);
  });

  it('produces a party the schema accepts once undefined keys are dropped', () => {
    const after = withoutUndefined(changeKind(party('prospect'), 'client', AT, 'signed'));
    expect(PartySchema.parse(after)).toStrictEqual(after);
  });
});
