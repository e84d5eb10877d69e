import { describe, expect, it } from 'vitest';
import { retryDelay, failureOf, retries } from './backoff';
import { acknowledges, coalesce, sendOrder } from './outbox';
import { MemoryStore } from '../../tests/support/memory-store';

describe('outbox rules', () => {
  it('a later change replaces the waiting one: one entry per record, the newest seq', () => {
    const store = new MemoryStore();
    const card = (notes: string) => ({
      type: 'followUp' as const,
      value: {
        id: 'f',
        partyId: 'p',
        dueAt: 1,
        note: notes,
        status: 'open' as const,
        createdAt: 0,
      },
    });
    store.put(card('one'));
    store.put(card('two'));
    expect([...store.outbox.values()]).toEqual([
      { key: 'followUp:f', type: 'followUp', id: 'f', op: 'put', seq: 2 },
    ]);
  });

  it('a record made and deleted between two syncs leaves nothing to send', () => {
    expect(coalesce({ type: 'party', id: 'p', op: 'delete' }, 3, false)).toBeUndefined();
    expect(coalesce({ type: 'party', id: 'p', op: 'delete' }, 3, true)).toMatchObject({
      op: 'delete',
    });
  });

  it('an acknowledgement removes only the change that was sent, not one made meanwhile', () => {
    const sent = { key: 'party:p', type: 'party' as const, id: 'p', op: 'put' as const, seq: 4 };
    expect(acknowledges(sent, sent)).toBe(true);
    expect(acknowledges({ ...sent, seq: 5 }, sent)).toBe(false);
    expect(acknowledges(undefined, sent)).toBe(false);
  });

  it('sends the oldest change first', () => {
    const e = (seq: number) => ({
      key: `party:${seq}`,
      type: 'party' as const,
      id: `${seq}`,
      op: 'put' as const,
      seq,
    });
    expect(sendOrder([e(3), e(1), e(2)]).map((x) => x.seq)).toEqual([1, 2, 3]);
  });
});

describe('backoff', () => {
  it('doubles from 30 s to a ceiling of 6 h, with jitter between half and all of it', () => {
    expect(retryDelay(1, () => 1)).toBe(30_000);
    expect(retryDelay(2, () => 1)).toBe(60_000);
    expect(retryDelay(1, () => 0)).toBe(15_000);
    expect(retryDelay(50, () => 1)).toBe(6 * 3600_000);
  });

  it('doubles from a shorter first wait when one is given, to the same ceiling', () => {
    expect(retryDelay(1, () => 1, 1_000)).toBe(1_000);
    expect(retryDelay(3, () => 1, 1_000)).toBe(4_000);
    expect(retryDelay(50, () => 1, 1_000)).toBe(6 * 3600_000);
  });

  it.each([
    [401, 'auth', false],
    [403, 'forbidden', false],
    [500, 'server', true],
    [503, 'server', true],
    [412, 'conflict', true],
    [undefined, 'offline', true],
  ] as const)('status %s is a %s failure (retried: %s)', (status, kind, retried) => {
    expect(failureOf(status)).toBe(kind);
    expect(retries(failureOf(status))).toBe(retried);
  });
});
