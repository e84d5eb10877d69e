import type { Instant } from './ids';
import type { KindChange } from './relationship';
import { withoutUndefined } from './new-party';
import type { Party } from './party';
import { err, ok, refusal, type Result } from './result';
import type { CadenceDefaults } from './cadence';
import {
  NOTES_LIMIT,
  mergeNewerWins,
  mergeOnFileWins,
  notesTooLong,
  type MergeNoteWords,
} from './merge-dated';

/**
 * Whose single values win when two records of one person are made one:
 *
 * - `survivor`: the user merges two duplicates and picks the one to keep (at `at`);
 * - `newer`: a backup is merged into the book; the record changed last wins;
 * - `on-file`: an imported row (a file carries no dates) only fills what the record on
 *   file leaves empty; a row that adds nothing leaves the record as it was.
 *
 * Every policy keeps every email, phone, domain and tag of both, and both sides'
 * notes whole: when together they would pass the stored limit, the merge is refused
 * with a reason the user is shown, never truncated.
 */
export type MergePolicy =
  | { keep: 'survivor'; at: Instant }
  | { keep: 'newer'; cadence: CadenceDefaults; words?: MergeNoteWords }
  | { keep: 'on-file'; cadence: CadenceDefaults; now: Instant; words?: MergeNoteWords };

/**
 * The one merge of two party records; `first` is the record on file (or the survivor).
 *
 * @example mergeParties(onFile, fromBackup, { keep: 'newer', cadence })
 */
export function mergeParties(first: Party, second: Party, policy: MergePolicy): Result<Party> {
  switch (policy.keep) {
    case 'survivor':
      return mergeSurvivorWins(first, second, policy.at);
    case 'newer':
      return mergeNewerWins(first, second, policy.cadence, policy.words);
    case 'on-file':
      return mergeOnFileWins(first, second, policy.cadence, policy.now, policy.words);
  }
}

/**
 * Folds `absorbed` into `survivor`: the survivor's identity, name and kind win, and
 * nothing of either is dropped — every email, phone, domain, tag and kind-history
 * entry is kept, notes are joined, and fields only the absorbed record had are
 * filled in. The caller re-points dependents (interactions, follow-ups,
 * engagements, purchases) and recomputes the next check-in.
 *
 * Refuses only when the joined notes would not fit the stored limit: truncating
 * them would lose what the user wrote.
 */
function mergeSurvivorWins(survivor: Party, absorbed: Party, at: Instant): Result<Party> {
  if (survivor.id === absorbed.id) return err(refusal('invalid', 'error_merge_self'));
  const notes = joinNotes(survivor.notes, absorbed.notes);
  if (notes.length > NOTES_LIMIT) return notesTooLong(survivor.name);
  const organizationId = [survivor.organizationId, absorbed.organizationId].find(
    (id) => id !== undefined && id !== survivor.id && id !== absorbed.id,
  );
  const lastInteractionAt = maxDefined(survivor.lastInteractionAt, absorbed.lastInteractionAt);
  const merged: Party = {
    ...survivor,
    kindHistory: mergeHistory(survivor, absorbed, at),
    emails: union(survivor.emails, absorbed.emails),
    phones: union(survivor.phones, absorbed.phones),
    domains: union(survivor.domains, absorbed.domains),
    tags: union(survivor.tags, absorbed.tags),
    notes,
    organizationId,
    organizationName: survivor.organizationName ?? absorbed.organizationName,
    title: survivor.title ?? absorbed.title,
    website: survivor.website ?? absorbed.website,
    captured: earliestCapture(survivor, absorbed),
    prospect:
      survivor.kind === 'prospect'
        ? (survivor.prospect ?? absorbed.prospect ?? { stage: 'new' })
        : undefined,
    checkInDays: survivor.checkInDays ?? absorbed.checkInDays,
    lastInteractionAt,
    createdAt: Math.min(survivor.createdAt, absorbed.createdAt),
    updatedAt: at,
  };
  return ok(withoutUndefined(merged));
}

/**
 * Both histories in time order. If the absorbed record changed kind last, the
 * merged history would end on a kind the record does not have, so a dated entry
 * saying the merge kept the survivor's kind closes it.
 */
function mergeHistory(survivor: Party, absorbed: Party, at: Instant): KindChange[] {
  const seen = new Set<string>();
  const all: KindChange[] = [];
  for (const entry of [...survivor.kindHistory, ...absorbed.kindHistory]) {
    const key = JSON.stringify([entry.kind, entry.from, entry.at, entry.reason]);
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(entry);
  }
  // Stable: on equal instants the survivor's entries stay first.
  all.sort((a, b) => a.at - b.at);
  const last = all.at(-1);
  if (last && last.kind !== survivor.kind) {
    all.push({
      kind: survivor.kind,
      from: last.kind,
      at: Math.max(at, last.at),
      reason: `Merged with ${absorbed.name}`.slice(0, 500),
    });
  }
  return all;
}

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

function joinNotes(first: string, second: string): string {
  if (first.includes(second)) return first;
  if (first === '') return second;
  return `${first}\n\n${second}`;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

function earliestCapture(a: Party, b: Party): Party['captured'] {
  if (!a.captured) return b.captured;
  if (!b.captured) return a.captured;
  return b.captured.at < a.captured.at ? b.captured : a.captured;
}

/** What a merge moves from the absorbed record to the survivor. */
export interface MergeCounts {
  interactions: number;
  followUps: number;
  engagements: number;
  purchases: number;
  /** People linked to the absorbed organization, now linked to the survivor. */
  members: number;
}
