import { describeIssues } from '../domain/issues';
import {
  FollowUpDraftSchema,
  FollowUpSchema,
  type FollowUp,
  type FollowUpDraft,
} from '../domain/follow-up';
import { newId } from '../domain/ids';
import { err, ok, refusal, type Result } from '../domain/result';
import type { GetDb } from './open';
import { inTransaction } from './in-transaction';
import type { RepositoryContext } from './party-repository';

export interface AddedFollowUp {
  followUp: FollowUp;
  /** True when this request had already been stored: nothing new was written. */
  replayed: boolean;
}

/**
 * Adds one open follow-up to a party that exists, in one transaction. A repeated
 * `requestId` returns the follow-up it made, unchanged.
 */
export async function addFollowUp(
  context: Pick<RepositoryContext, 'getDb' | 'clock'>,
  draft: FollowUpDraft,
): Promise<Result<AddedFollowUp>> {
  const parsed = FollowUpDraftSchema.safeParse(draft);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const { partyId, dueAt, note, requestId } = parsed.data;
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(['parties', 'followUps'], 'readwrite', { durability: 'strict' });
  return inTransaction(tx, async (): Promise<Result<AddedFollowUp>> => {
    if (!(await tx.objectStore('parties').getKey(partyId)))
      return err(refusal('not_found', 'error_record_gone'));
    const id = requestId ?? newId();
    const previous = await tx.objectStore('followUps').get(id);
    if (previous) {
      if (previous.partyId !== partyId) return err(refusal('conflict', 'error_request_used'));
      return ok({ followUp: FollowUpSchema.parse(previous), replayed: true });
    }
    const followUp: FollowUp = {
      id,
      partyId,
      dueAt,
      note,
      status: 'open',
      createdAt: now,
      updatedAt: now,
    };
    await tx.objectStore('followUps').add(followUp);
    return ok({ followUp, replayed: false });
  });
}

/**
 * A party's open follow-ups, due or not yet, soonest first: the record lists them
 * all, where the due list shows only those that have come due. Done ones are left
 * out (their interaction, when logged, is in the timeline).
 */
export async function listOpenFollowUps(getDb: GetDb, partyId: string): Promise<FollowUp[]> {
  const db = await getDb();
  const stored = await db.getAllFromIndex('followUps', 'byParty', partyId);
  return stored
    .map((record) => FollowUpSchema.safeParse(record))
    .flatMap((parsed) => (parsed.success && parsed.data.status === 'open' ? [parsed.data] : []))
    .sort((a, b) => a.dueAt - b.dueAt || a.createdAt - b.createdAt);
}
