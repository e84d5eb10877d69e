import { z } from 'zod';
import { lazy } from '../domain/lazy';

/**
 * The outbox: local changes waiting for the server. A change enters it in the same
 * transaction as the change itself, so a worker stopped at any point either has
 * both or neither. Entries hold no copy of the record — what is sent is the record
 * as it is when sending — so ten edits of one party send one PUT.
 */

export type RecordType = 'party' | 'followUp' | 'interaction';

export interface OutboxEntry {
  /** `type:id`: one entry per record at most. */
  key: string;
  type: RecordType;
  id: string;
  op: 'put' | 'delete';
  /** Grows with every change; an acknowledgement removes the entry only if it is unchanged. */
  seq: number;
}

export function recordKey(type: RecordType, id: string): string {
  return `${type}:${id}`;
}

/**
 * The entry after one more change to a record; it replaces any entry the record
 * had (a later put or delete supersedes what was waiting). `onServer` says whether the server
 * has a copy (a synced state exists): a record made and deleted between two syncs
 * leaves nothing to send.
 */
export function coalesce(
  change: { type: RecordType; id: string; op: 'put' | 'delete' },
  seq: number,
  onServer: boolean,
): OutboxEntry | undefined {
  if (change.op === 'delete' && !onServer) return undefined;
  return { key: recordKey(change.type, change.id), ...change, seq };
}

/** Whether the server's acknowledgement of `sent` may remove `current` (no newer change since). */
export function acknowledges(current: OutboxEntry | undefined, sent: OutboxEntry): boolean {
  return current !== undefined && current.seq === sent.seq;
}

/** What to send, oldest change first, so a party goes up before the follow-ups made for it. */
export function sendOrder(entries: readonly OutboxEntry[]): OutboxEntry[] {
  return [...entries].sort((a, b) => a.seq - b.seq);
}

/**
 * A transaction that changes many records (a bulk delete, its undo, an import)
 * queues them as one entry, not one per record: a bulk action of thousands then
 * costs one more write, not thousands. Member `i` stands for the change
 * `{ key: keys[i], op, seq: seq + i }`, so each keeps the order it had. A `derived`
 * put (a party queued because one of its dealings changed) does not replace a
 * waiting deletion. The sync store expands batches into per-record entries
 * (`expandBatches`) before it reads what to send, in one transaction.
 */
export interface OutboxBatch {
  /** `batch:<seq>`: never a record key (no record type is called "batch"). */
  key: string;
  /** The first member's; the batch holds `seq` … `seq + keys.length - 1`. */
  seq: number;
  keys: string[];
  ops: BatchOp[];
}

export type BatchOp = 'put' | 'delete' | 'derived';
export type QueuedChange = { type: RecordType; id: string; op: BatchOp };

const RECORD_TYPES = ['party', 'followUp', 'interaction'] as const;
const BATCH_PREFIX = 'batch:';

export const OutboxEntrySchema = lazy(() =>
  z.object({
    key: z.string(),
    type: z.enum(RECORD_TYPES),
    id: z.string(),
    op: z.enum(['put', 'delete']),
    seq: z.number(),
  }),
);

export const OutboxBatchSchema = lazy(() =>
  z
    .object({
      key: z.string().startsWith(BATCH_PREFIX),
      seq: z.number(),
      keys: z.array(z.string()),
      ops: z.array(z.enum(['put', 'delete', 'derived'])),
    })
    .refine((batch) => batch.keys.length === batch.ops.length, 'one op per key'),
);

/** Every batch's key falls in this range, and no record entry's does. */
export const BATCH_KEYS = { lower: BATCH_PREFIX, upper: `${BATCH_PREFIX}\uffff` };

export function isBatch(value: OutboxEntry | OutboxBatch): value is OutboxBatch {
  return value.key.startsWith(BATCH_PREFIX);
}

/**
 * One batch from a transaction's changes, in the order they were made: a record
 * changed twice keeps its last change, at its last place; a derived put never
 * replaces a deletion, nor turns a plain put into a derived one. `firstSeq` is the
 * first of the `keys.length` numbers the batch takes.
 */
export function batchOf(changes: readonly QueuedChange[], firstSeq: number): OutboxBatch {
  const latest = new Map<string, BatchOp>();
  for (const { type, id, op } of changes) {
    const key = recordKey(type, id);
    const was = latest.get(key);
    if (op === 'derived' && was === 'delete') continue;
    latest.delete(key);
    latest.set(key, op === 'derived' && was === 'put' ? 'put' : op);
  }
  return {
    key: `${BATCH_PREFIX}${firstSeq}`,
    seq: firstSeq,
    keys: [...latest.keys()],
    ops: [...latest.values()],
  };
}

/** The record key's type and id (`type:id`); undefined for a type this version does not know. */
export function splitRecordKey(key: string): { type: RecordType; id: string } | undefined {
  const at = key.indexOf(':');
  const type = key.slice(0, at) as RecordType;
  return at > 0 && RECORD_TYPES.includes(type) ? { type, id: key.slice(at + 1) } : undefined;
}

/**
 * The per-record entries `batches` leave, given the entries already there: the
 * entries to write. Oldest batch first; a member replaces an entry only if it is
 * newer, and a derived put never replaces a waiting deletion (as when written one by one).
 */
export function expandBatches(
  existing: ReadonlyMap<string, OutboxEntry>,
  batches: readonly OutboxBatch[],
): OutboxEntry[] {
  const written = new Map<string, OutboxEntry>();
  for (const batch of [...batches].sort((a, b) => a.seq - b.seq))
    batch.keys.forEach((key, i) => {
      const record = splitRecordKey(key);
      if (!record) return;
      const op = batch.ops[i]!;
      const seq = batch.seq + i;
      const current = written.get(key) ?? existing.get(key);
      if (current && current.seq >= seq) return;
      if (op === 'derived' && current?.op === 'delete') return;
      written.set(key, { key, ...record, op: op === 'delete' ? 'delete' : 'put', seq });
    });
  return [...written.values()];
}

/** Every record key queued, in entries and batches alike. */
export function queuedKeys(values: readonly (OutboxEntry | OutboxBatch)[]): Set<string> {
  const keys = new Set<string>();
  for (const value of values)
    if (isBatch(value)) for (const key of value.keys) keys.add(key);
    else keys.add(value.key);
  return keys;
}
