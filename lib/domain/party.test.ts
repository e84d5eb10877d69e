import { describe, expect, it } from 'vitest';
import { PartyDraftSchema, PartyPatchSchema, PartySchema } from './party';

const T = Date.UTC(2026, 10, 23);

const valid = {
  id: 'p1',
  type: 'person',
  name: 'Ada Lovelace',
  kind: 'prospect',
  kindHistory: [{ kind: 'prospect', at: T }],
  emails: ['ada@example.com', 'zoë@xn--bcher-kva.de'],
  phones: ['+12125550100', '+12125550100;ext=12'],
  domains: [],
  tags: ['vip'],
  notes: '',
  prospect: { stage: 'new' },
  checkInDays: 14,
  lastInteractionAt: T,
  nextCheckInAt: T + 14 * 86_400_000,
  createdAt: T,
  updatedAt: T,
};

describe('PartySchema', () => {
  it('accepts a well-formed party unchanged', () => {
    expect(PartySchema.parse(valid)).toStrictEqual(valid);
  });

  it('accepts the epoch itself as an instant', () => {
    expect(PartySchema.safeParse({ ...valid, createdAt: 0 }).success).toBe(true);
  });

  it.each([
    ['a non-normalised email', { emails: ['Ada@Example.com'] }, ['emails', 0]],
    ['an email with spaces', { emails: [' ada@example.com'] }, ['emails', 0]],
    ['a mailto: email', { emails: ['mailto:ada@example.com'] }, ['emails', 0]],
    ['a Unicode domain', { emails: ['ada@bücher.de'] }, ['emails', 0]],
    ['a non-address', { emails: ['ada@example.com', 'ada'] }, ['emails', 1]],
    ['a phone without +', { phones: ['12125550100'] }, ['phones', 0]],
    ['a phone with spaces', { phones: ['+1 212 555 0100'] }, ['phones', 0]],
    ['a phone starting +0', { phones: ['+0123456789'] }, ['phones', 0]],
    ['a phone too long for E.164', { phones: ['+1234567890123456'] }, ['phones', 0]],
    ['a phone with an empty extension', { phones: ['+12125550100;ext='] }, ['phones', 0]],
    ['a negative createdAt', { createdAt: -1 }, ['createdAt']],
    ['a negative lastInteractionAt', { lastInteractionAt: -86_400_000 }, ['lastInteractionAt']],
    ['a fractional updatedAt', { updatedAt: T + 0.5 }, ['updatedAt']],
    ['an instant as an ISO string', { createdAt: '2026-11-23T00:00:00Z' }, ['createdAt']],
    [
      'a negative instant in the history',
      { kindHistory: [{ kind: 'prospect', at: -1 }] },
      ['kindHistory', 0, 'at'],
    ],
    ['an empty history', { kindHistory: [] }, ['kindHistory']],
    ['an unknown kind', { kind: 'lead' }, ['kind']],
    ['an unknown type', { type: 'robot' }, ['type']],
    ['a blank name', { name: '   ' }, ['name']],
    ['an empty tag', { tags: ['vip', ' '] }, ['tags', 1]],
    ['an unknown prospect stage', { prospect: { stage: 'won' } }, ['prospect', 'stage']],
    ['a zero cadence', { checkInDays: 0 }, ['checkInDays']],
    ['a cadence over ten years', { checkInDays: 3651 }, ['checkInDays']],
    ['a fractional cadence', { checkInDays: 1.5 }, ['checkInDays']],
    ['a missing id', { id: '' }, ['id']],
  ])('rejects %s', (_label, change, path) => {
    const result = PartySchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(path);
  });

  it('trims the name', () => {
    expect(PartySchema.parse({ ...valid, name: '  Ada  ' }).name).toBe('Ada');
  });
});

describe('PartyDraftSchema', () => {
  it('fills in the defaults', () => {
    expect(PartyDraftSchema.parse({ name: ' Ada ', kind: 'client' })).toStrictEqual({
      type: 'person',
      name: 'Ada',
      kind: 'client',
      emails: [],
      phones: [],
      domains: [],
      tags: [],
      notes: '',
    });
  });

  it('keeps emails and phones as written (newParty normalises them)', () => {
    const parsed = PartyDraftSchema.parse({
      name: 'Ada',
      kind: 'client',
      emails: [' Ada@Example.COM '],
      phones: ['(212) 555-0100'],
    });
    expect(parsed.emails).toStrictEqual([' Ada@Example.COM ']);
    expect(parsed.phones).toStrictEqual(['(212) 555-0100']);
  });

  it.each([
    [{ kind: 'client' }, ['name']],
    [{ name: '  ', kind: 'client' }, ['name']],
    [{ name: 'Ada' }, ['kind']],
    [{ name: 'Ada', kind: 'client', emails: Array(51).fill('a@example.com') }, ['emails']],
    [{ name: 'Ada', kind: 'client', phones: ['1'.repeat(65)] }, ['phones', 0]],
    [{ name: 'Ada', kind: 'client', checkInDays: 0 }, ['checkInDays']],
  ])('rejects %j at %j', (input, path) => {
    const result = PartyDraftSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(path);
  });

  it('says a name is required', () => {
    const result = PartyDraftSchema.safeParse({ name: '   ', kind: 'client' });
    expect(result.error?.issues[0]?.message).toBe('a name is required');
  });
});

describe('PartyPatchSchema', () => {
  it('applies no defaults: an empty patch changes nothing', () => {
    expect(PartyPatchSchema.parse({})).toStrictEqual({});
  });

  it('does not carry a kind or a capture (kind changes go through lifecycle)', () => {
    expect(
      PartyPatchSchema.parse({
        kind: 'former',
        captured: { url: 'https://example.com', at: 0 },
        notes: 'x',
      }),
    ).toStrictEqual({ notes: 'x' });
  });

  it('carries only the fields it is given', () => {
    expect(PartyPatchSchema.parse({ name: ' Ada King ', tags: [] })).toStrictEqual({
      name: 'Ada King',
      tags: [],
    });
  });

  it.each([
    [{ name: ' ' }, ['name']],
    [{ type: 'robot' }, ['type']],
    [{ tags: [''] }, ['tags', 0]],
    [{ emails: Array(51).fill('a@example.com') }, ['emails']],
    [{ checkInDays: 0 }, ['checkInDays']],
  ])('still validates what it carries: %j', (patch, path) => {
    const result = PartyPatchSchema.safeParse(patch);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(path);
  });
});
