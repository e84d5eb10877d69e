import {
  applyInteraction,
  describeIssues,
  err,
  InteractionDraftSchema,
  InteractionSchema,
  newId,
  ok,
  refusal,
  PartySchema,
  withoutUndefined,
  type FollowUp,
  type Interaction,
  type InteractionDraft,
  type Party,
  type Result,
} from '../domain';
import type { GetDb } from './open';
import type { RepositoryContext } from './party-repository';
import { inTransaction } from './in-transaction';
import { projectParty } from './search-projection';

export interface LogOutcome {
  interaction: Interaction;
  party: Party;
  followUp?: FollowUp;
  /** True when this request had already been recorded (a retry): nothing new was written. */
  replayed: boolean;
}

/**
 * Records an interaction, and in the same transaction moves the party's last
 * interaction and next check-in and adds the optional follow-up: either all of it
 * is stored or none. A repeated `requestId` returns the first result unchanged.
 */
export async function logInteraction(
  context: RepositoryContext,
  draft: InteractionDraft,
): Promise<Result<LogOutcome>> {
  const parsed = InteractionDraftSchema.safeParse(draft);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const input = parsed.data;
  const { cadence } = await context.settings();
  const now = context.clock();

  const db = await context.getDb();
  const tx = db.transaction(
    ['interactions', 'parties', 'followUps', 'searchBuckets'],
    'readwrite',
    { durability: 'strict' },
  );
  return inTransaction(tx, async (): Promise<Result<LogOutcome>> => {
    const storedParty = await tx.objectStore('parties').get(input.partyId);
    if (!storedParty) return err(refusal('not_found', 'error_record_gone'));
    const previous = await tx.objectStore('interactions').index('byRequestId').get(input.requestId);
    if (previous && previous.partyId !== input.partyId) {
      return err(refusal('conflict', 'error_request_used'));
    }
    if (previous) {
      return ok({
        interaction: InteractionSchema.parse(previous),
        party: PartySchema.parse(storedParty),
        replayed: true,
      });
    }

    const interaction: Interaction = withoutUndefined({
      id: newId(),
      partyId: input.partyId,
      type: input.type,
      direction: input.direction,
      at: input.at ?? now,
      summary: input.summary,
      link: input.link,
      requestId: input.requestId,
      createdAt: now,
    });
    const party = applyInteraction(PartySchema.parse(storedParty), interaction.at, now, cadence);
    await tx.objectStore('interactions').add(interaction);
    await tx.objectStore('parties').put(party);
    await projectParty(tx, party);
    let followUp: FollowUp | undefined;
    if (input.followUpAt !== undefined) {
      followUp = {
        id: newId(),
        partyId: party.id,
        dueAt: input.followUpAt,
        note: interaction.summary,
        status: 'open',
        interactionId: interaction.id,
        createdAt: now,
        updatedAt: now,
      };
      await tx.objectStore('followUps').add(followUp);
    }
    return ok({ interaction, party, replayed: false, ...(followUp ? { followUp } : {}) });
  });
}

export interface TimelinePage {
  interactions: Interaction[];
  /** Pass back to read the next (older) page; absent on the last page. */
  next?: { at: number; id: string };
}

/** A party's interactions, newest first, a page at a time. */
export async function listInteractions(
  getDb: GetDb,
  partyId: string,
  options: { limit: number; before?: { at: number; id: string } },
): Promise<TimelinePage> {
  const db = await getDb();
  const upper = options.before
    ? [partyId, options.before.at, options.before.id]
    : [partyId, Infinity, ''];
  const range = IDBKeyRange.bound(
    [partyId, -Infinity, ''],
    upper,
    false,
    options.before !== undefined,
  );
  const tx = db.transaction('interactions', 'readonly');
  const interactions: Interaction[] = [];
  let cursor = await tx.store.index('byPartyAt').openCursor(range, 'prev');
  while (cursor && interactions.length < options.limit) {
    interactions.push(InteractionSchema.parse(cursor.value));
    cursor = await cursor.continue();
  }
  const hasMore = cursor !== null;
  await tx.done;
  const last = interactions[interactions.length - 1];
  return hasMore && last ? { interactions, next: { at: last.at, id: last.id } } : { interactions };
}
