import {
  applyInteraction,
  InteractionSchema,
  newId,
  PartySchema,
  withoutUndefined,
  type Interaction,
  type Party,
} from '../domain';
import type { EmailCandidate } from '../email/decide-thread';
import { emailRequestId } from '../email/message-identity';
import { inTransaction } from './in-transaction';
import { deletePartRecord } from './record-deletion';
import type { RepositoryContext } from './party-repository';
import { projectParty } from './search-projection';

/** Threads remembered per correspondent: enough to pass any "written to more than N" setting. */
export const MAX_CORRESPONDENT_THREADS = 60;

export interface EmailLogBatch {
  candidates: readonly EmailCandidate[];
  /** Unknown people the user wrote to in the thread, counted for "People you email". */
  writtenTo?: readonly { email: string; name?: string }[];
  /** The thread's identity, counted once per correspondent. */
  threadKey?: string;
}

/** Each candidate with the request id its interaction is stored under. */
export async function withRequestIds(candidates: readonly EmailCandidate[]) {
  return Promise.all(
    candidates.map(async (candidate) => ({
      candidate,
      requestId: await emailRequestId(candidate.identity, candidate.partyId),
    })),
  );
}

/**
 * Logs a thread's emails in one transaction: each message once per party, whatever
 * tab, reload or worker writes it — the check for an earlier log (or an undone one)
 * and the write share the transaction, and the unique request id index backs them.
 * Each party's last contact and next check-in move once, to its newest email.
 */
export async function logEmails(
  context: RepositoryContext,
  batch: EmailLogBatch,
): Promise<Interaction[]> {
  const keyed = await withRequestIds(batch.candidates);
  const { cadence } = await context.settings();
  const now = context.clock();
  const db = await context.getDb();
  const tx = db.transaction(
    ['interactions', 'parties', 'searchBuckets', 'emailUndone', 'correspondents'],
    'readwrite',
    { durability: 'strict' },
  );
  return inTransaction(tx, async () => {
    const logged: Interaction[] = [];
    const parties = new Map<string, Party | null>();
    for (const { candidate, requestId } of keyed) {
      if (await tx.objectStore('interactions').index('byRequestId').getKey(requestId)) continue;
      if (await tx.objectStore('emailUndone').getKey(requestId)) continue;
      if (!parties.has(candidate.partyId)) {
        const stored = await tx.objectStore('parties').get(candidate.partyId);
        parties.set(candidate.partyId, stored ? PartySchema.parse(stored) : null);
      }
      const party = parties.get(candidate.partyId);
      if (!party) continue; // deleted since the thread was read
      const interaction: Interaction = withoutUndefined({
        id: newId(),
        partyId: party.id,
        type: 'email' as const,
        direction: candidate.direction,
        at: candidate.at,
        summary: candidate.summary,
        link: candidate.link,
        requestId,
        createdAt: now,
      });
      await tx.objectStore('interactions').add(interaction);
      parties.set(party.id, applyInteraction(party, interaction.at, now, cadence));
      logged.push(interaction);
    }
    const touched = new Set(logged.map((interaction) => interaction.partyId));
    for (const party of parties.values()) {
      if (!party || !touched.has(party.id)) continue;
      await tx.objectStore('parties').put(party);
      await projectParty(tx, party);
    }
    if (batch.threadKey) {
      for (const person of batch.writtenTo ?? []) {
        const known = await tx.objectStore('correspondents').get(person.email);
        const threads = known?.threads ?? [];
        if (threads.includes(batch.threadKey)) continue;
        await tx.objectStore('correspondents').put(
          withoutUndefined({
            email: person.email,
            name: person.name ?? known?.name,
            threads: [...threads, batch.threadKey].slice(-MAX_CORRESPONDENT_THREADS),
            dismissed: known?.dismissed ?? false,
            updatedAt: now,
          }),
        );
      }
    }
    return logged;
  });
}

/** Which of these request ids are logged now, with their interactions. */
export async function loggedByRequestId(
  context: Pick<RepositoryContext, 'getDb'>,
  requestIds: readonly string[],
): Promise<Map<string, Interaction>> {
  const db = await context.getDb();
  const index = db.transaction('interactions').store.index('byRequestId');
  const found = new Map<string, Interaction>();
  for (const requestId of requestIds) {
    const stored = await index.get(requestId);
    if (stored) found.set(requestId, InteractionSchema.parse(stored));
  }
  return found;
}

/** Which of these request ids the user undid. */
export async function undoneRequestIds(
  context: Pick<RepositoryContext, 'getDb'>,
  requestIds: readonly string[],
): Promise<Set<string>> {
  const store = (await context.getDb()).transaction('emailUndone').store;
  const undone = new Set<string>();
  for (const requestId of requestIds) if (await store.getKey(requestId)) undone.add(requestId);
  return undone;
}

/**
 * Takes back an automatic email log: the interaction goes through the one part
 * deletion (undo entry, tombstone, last contact recomputed) and its message is
 * marked never to be logged again, in one transaction. False when it is not a
 * logged email (or gone already).
 */
export async function removeLoggedEmail(
  context: RepositoryContext,
  interactionId: string,
): Promise<boolean> {
  const deleted = await deletePartRecord(context, 'interactions', interactionId, {
    loggedEmail: true,
  });
  return deleted.ok;
}
