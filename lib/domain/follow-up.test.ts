import { describe, expect, it } from 'vitest';
import { FollowUpSchema } from './follow-up';

const T = Date.UTC(2026, 10, 23);

const valid = {
  id: 'f1',
  partyId: 'p1',
  dueAt: T + 7 * 86_400_000,
  note: 'Send the proposal',
  status: 'open',
  interactionId: 'i1',
  createdAt: T,
};

describe('FollowUpSchema', () => {
  it('accepts an open follow-up unchanged', () => {
    expect(FollowUpSchema.parse(valid)).toStrictEqual(valid);
  });

  it('accepts a done follow-up with when it was done', () => {
    const done = { ...valid, status: 'done', doneAt: T + 86_400_000 };
    expect(FollowUpSchema.parse(done)).toStrictEqual(done);
  });

  it.each([
    ['an unknown status', { status: 'snoozed' }, ['status']],
    ['a negative due instant', { dueAt: -1 }, ['dueAt']],
    ['a fractional done instant', { doneAt: T + 0.5 }, ['doneAt']],
    ['an overlong note', { note: 'n'.repeat(2001) }, ['note']],
    ['an empty interaction id', { interactionId: '' }, ['interactionId']],
  ])('rejects %s', (_label, change, path) => {
    const result = FollowUpSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toStrictEqual(path);
  });
});
