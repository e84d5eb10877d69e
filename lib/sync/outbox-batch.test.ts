import { describe, expect, it } from 'vitest';
import {
  batchOf,
  expandBatches,
  OutboxBatchSchema,
  queuedKeys,
  splitRecordKey,
  type OutboxEntry,
} from './outbox';

const entry = (key: string, op: 'put' | 'delete', seq: number): OutboxEntry => {
  const { type, id } = splitRecordKey(key)!;
  return { key, type, id, op, seq };
};

describe('outbox batches', () => {
  it('keeps each record once, at its last change, in the order of the changes', () => {
    const batch = batchOf(
      [
        { type: 'party', id: 'a', op: 'put' },
        { type: 'interaction', id: 'i', op: 'put' },
        { type: 'party', id: 'a', op: 'delete' },
        { type: 'followUp', id: 'f', op: 'put' },
      ],
      100,
    );
    expect(batch).toEqual({
      key: 'batch:100',
      seq: 100,
      keys: ['interaction:i', 'party:a', 'followUp:f'],
      ops: ['put', 'delete', 'put'],
    });
    expect(OutboxBatchSchema.safeParse(batch).success).toBe(true);
  });

  it('a derived put neither replaces a deletion nor makes a plain put derived', () => {
    const batch = batchOf(
      [
        { type: 'party', id: 'gone', op: 'delete' },
        { type: 'party', id: 'gone', op: 'derived' },
        { type: 'party', id: 'kept', op: 'put' },
        { type: 'party', id: 'kept', op: 'derived' },
        { type: 'party', id: 'dealing', op: 'derived' },
      ],
      1,
    );
    expect(Object.fromEntries(batch.keys.map((key, i) => [key, batch.ops[i]]))).toEqual({
      'party:gone': 'delete',
      'party:kept': 'put',
      'party:dealing': 'derived',
    });
  });

  it('expands into per-record entries, each with its own seq, newer than what waited', () => {
    const existing = new Map([
      ['party:a', entry('party:a', 'put', 5)],
      // Changed after the batch was written: stays as it is.
      ['party:b', entry('party:b', 'put', 500)],
    ]);
    const written = expandBatches(existing, [
      {
        key: 'batch:100',
        seq: 100,
        keys: ['party:a', 'party:b', 'interaction:c'],
        ops: ['delete', 'delete', 'delete'],
      },
    ]);
    expect(written).toEqual([
      entry('party:a', 'delete', 100),
      entry('interaction:c', 'delete', 102),
    ]);
  });

  it('expands the oldest batch first: a party deleted then restored is sent as a put', () => {
    const deleted = batchOf(
      [
        { type: 'party', id: 'p', op: 'delete' },
        { type: 'interaction', id: 'i', op: 'delete' },
      ],
      10,
    );
    const restored = batchOf(
      [
        { type: 'party', id: 'p', op: 'put' },
        { type: 'interaction', id: 'i', op: 'put' },
      ],
      20,
    );
    expect(expandBatches(new Map(), [restored, deleted])).toEqual([
      entry('party:p', 'put', 20),
      entry('interaction:i', 'put', 21),
    ]);
  });

  it('a derived member does not replace a waiting deletion, in an entry or an earlier batch', () => {
    const existing = new Map([['party:x', entry('party:x', 'delete', 1)]]);
    const earlier = batchOf([{ type: 'party', id: 'y', op: 'delete' }], 10);
    const later = batchOf(
      [
        { type: 'party', id: 'x', op: 'derived' },
        { type: 'party', id: 'y', op: 'derived' },
        { type: 'party', id: 'z', op: 'derived' },
      ],
      20,
    );
    expect(expandBatches(existing, [later, earlier])).toEqual([
      entry('party:y', 'delete', 10),
      entry('party:z', 'put', 22),
    ]);
  });

  it('skips a member whose type this version does not know', () => {
    expect(
      expandBatches(new Map(), [
        { key: 'batch:1', seq: 1, keys: ['note:n', 'party:p'], ops: ['put', 'put'] },
      ]),
    ).toEqual([entry('party:p', 'put', 2)]);
    expect(splitRecordKey('note:n')).toBeUndefined();
    expect(splitRecordKey('party:with:colon')).toEqual({ type: 'party', id: 'with:colon' });
  });

  it('names every queued record, from entries and batches alike', () => {
    expect(
      queuedKeys([
        entry('party:a', 'put', 1),
        { key: 'batch:2', seq: 2, keys: ['party:a', 'followUp:f'], ops: ['put', 'delete'] },
      ]),
    ).toEqual(new Set(['party:a', 'followUp:f']));
  });

  it('refuses a batch whose keys and ops do not pair up', () => {
    expect(
      OutboxBatchSchema.safeParse({ key: 'batch:1', seq: 1, keys: ['party:a'], ops: [] }).success,
    ).toBe(false);
  });
});
