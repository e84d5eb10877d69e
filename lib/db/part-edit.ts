import { describeIssues } from '../domain/issues';
import { EngagementSchema, type Engagement } from '../domain/engagement';
import { FollowUpSchema, type FollowUp } from '../domain/follow-up';
import { PartEditSchema, type PartEdit } from '../domain/part-patch';
import { PurchaseSchema, type Purchase } from '../domain/purchase';
import { err, ok, refusal, type Result } from '../domain/result';
import type { UiTextCode } from '../domain/ui-text';
import { inTransaction } from './in-transaction';
import type { RepositoryContext } from './party-repository';

export type EditedPart =
  | { store: 'followUps'; record: FollowUp }
  | { store: 'engagements'; record: Engagement }
  | { store: 'purchases'; record: Purchase };

const GONE: Record<PartEdit['store'], UiTextCode> = {
  followUps: 'error_follow_up_gone',
  engagements: 'error_engagement_gone',
  purchases: 'error_purchase_gone',
};

/**
 * Corrects one follow-up, engagement or purchase in one transaction, as
 * updateInteraction does an interaction: the record as corrected must parse, and
 * it keeps its id, party and links. A field patched with `null` is removed (see
 * part-patch.ts). Follow-ups and engagements note when they were
 * changed (a sync merge picks the later side by it).
 */
export async function updatePartRecord(
  context: Pick<RepositoryContext, 'getDb' | 'clock'>,
  edit: PartEdit,
): Promise<Result<EditedPart>> {
  const parsed = PartEditSchema.safeParse(edit);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const { store, id, patch } = parsed.data;
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
  return inTransaction(tx, async (): Promise<Result<EditedPart>> => {
    const stored = await tx.store.get(id);
    if (!stored) return err(refusal('not_found', GONE[store]));
    const merged: Record<string, unknown> = {
      ...stored,
      ...patch,
      ...(store === 'purchases' ? {} : { updatedAt: now }),
    };
    // `null` removes the field: the stored record (and so its card and backups) lacks
    // the key, as if it had never been set, rather than holding `undefined` or `null`.
    for (const [field, value] of Object.entries(patch)) if (value === null) delete merged[field];
    const checked = (
      store === 'followUps'
        ? FollowUpSchema
        : store === 'engagements'
          ? EngagementSchema
          : PurchaseSchema
    ).safeParse(merged);
    if (!checked.success) return err({ code: 'invalid', message: describeIssues(checked.error) });
    const record = checked.data;
    if ('endOn' in record && record.endOn !== undefined && record.endOn < record.startOn)
      return err(refusal('invalid', 'error_end_before_start'));
    await tx.store.put(record);
    return ok({ store, record } as EditedPart);
  });
}
