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
