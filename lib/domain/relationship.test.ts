import { describe, expect, it } from 'vitest';
import { KindChangeSchema, RELATIONSHIP_KINDS, RelationshipKindSchema } from './relationship';

describe('RelationshipKindSchema', () => {
  it('knows exactly the four kinds', () => {
    expect(RELATIONSHIP_KINDS).toStrictEqual(['prospect', 'customer', 'client', 'former']);
  });

  it.each(['lead', 'Client', '', 'ex-client'])('rejects %j', (kind) => {
    expect(RelationshipKindSchema.safeParse(kind).success).toBe(false);
  });
});

describe('KindChangeSchema', () => {
  const at = Date.UTC(2026, 10, 23);

  it.each([
    { kind: 'prospect', at },
    { kind: 'client', from: 'prospect', at, reason: 'signed' },
  ])('accepts %j', (change) => {
    expect(KindChangeSchema.parse(change)).toStrictEqual(change);
  });

  it.each([
    [{ kind: 'client', at: -1 }, ['at']],
    [{ kind: 'client', from: 'lead', at }, ['from']],
    [{ kind: 'client', at, reason: 'r'.repeat(501) }, ['reason']],
    [{ at }, ['kind']],
  ])('rejects %j', (change, path) => {
    const result = KindChangeSchema.safeParse(change);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(path);
  });
});
