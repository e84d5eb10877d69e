import { nextCheckIn, type CadenceDefaults } from './cadence';
import { withoutUndefined } from './new-party';
import type { Party } from './party';
import type { KindChange } from './relationship';
import { err, ok, refusal, type Result } from './result';

/** The stored limit of a record's notes (PartySchema). */
export const NOTES_LIMIT = 100_000;

/** The refusal when two records' notes would not fit in one: truncating them would lose what the user wrote. */
export const notesTooLong = (name: string) =>
  err(
    refusal('too_long', 'error_merge_notes_too_long', {
      name: name.slice(0, 80),
      limit: NOTES_LIMIT,
    }),
  );

/**
 * Two records of the same person or organization made one, by date (restoring a
 * backup into a book), losing nothing:
 *
 * - every email, phone, domain and tag of both is kept (the record on file first);
 * - single-valued fields (name, kind, title, organization, website, stage, cadence)
 *   come from the record changed most recently (`updatedAt`; a tie keeps the one on
 *   file); the other record only fills fields the newer one leaves empty — an older
 *   value never overwrites a newer one;
 * - where the older record said something different, that is written into the notes
 *   ("Also on file: title “CTO”"), so nothing is dropped silently; notes of both
 *   are kept, and when together they would not fit, the merge is refused;
 * - histories are joined by date; first contact and creation take the earliest
 *   date, last interaction the latest, and the next check-in is counted again.
 *
 * The id is the one on file. Merging a record with itself changes nothing.
 */
export function mergeNewerWins(
  existing: Party,
  incoming: Party,
  cadence: CadenceDefaults,
  words: MergeNoteWords = englishMergeNotes,
): Result<Party> {
  const incomingIsNewer = incoming.updatedAt > existing.updatedAt;
  const newer = incomingIsNewer ? incoming : existing;
  const older = incomingIsNewer ? existing : incoming;
  const notes = mergeNotes(newer, older, words);
  if (notes === undefined) return notesTooLong(existing.name);

  const merged: Party = {
    ...older,
    ...withoutUndefined(newer),
    id: existing.id,
    kindHistory: mergeHistory(existing.kindHistory, incoming.kindHistory),
    emails: union(existing.emails, incoming.emails),
    phones: union(existing.phones, incoming.phones),
    domains: union(existing.domains, incoming.domains),
    tags: union(existing.tags, incoming.tags),
    notes,
    captured: earliest(existing.captured, incoming.captured),
    createdAt: Math.min(existing.createdAt, incoming.createdAt),
    updatedAt: Math.max(existing.updatedAt, incoming.updatedAt),
    lastInteractionAt: latest(existing.lastInteractionAt, incoming.lastInteractionAt),
  };
  return ok(withoutUndefined({ ...merged, nextCheckInAt: nextCheckIn(merged, cadence) }));
}

function union<T>(first: readonly T[], second: readonly T[]): T[] {
  return [...new Set([...first, ...second])];
}

function mergeHistory(onFile: readonly KindChange[], other: readonly KindChange[]): KindChange[] {
  const keys = new Set(onFile.map((change) => JSON.stringify(change)));
  const added = other.filter((change) => !keys.has(JSON.stringify(change)));
  // The history on file keeps its order; changes only the other record knew are dated in.
  return added.length === 0 ? [...onFile] : [...onFile, ...added].sort((x, y) => x.at - y.at);
}

const FIELD_KEYS = {
  name: 'text_merge_alsoOnFile_name',
  title: 'text_merge_alsoOnFile_title',
  organizationName: 'text_merge_alsoOnFile_organization',
  website: 'text_merge_alsoOnFile_website',
} as const;
export type MergeNoteKey = (typeof FIELD_KEYS)[keyof typeof FIELD_KEYS] | 'text_merge_alsoOnFile';

/**
 * The catalogue's `t`, as far as a merge's note uses it (lib/domain does not reach
 * the browser): the note is stored, so it is worded once, in the user's language.
 */
export type MergeNoteWords = (key: MergeNoteKey, value: string) => string;

const ENGLISH: Record<MergeNoteKey, string> = {
  text_merge_alsoOnFile: 'Also on file: $1',
  text_merge_alsoOnFile_name: 'name “$1”',
  text_merge_alsoOnFile_title: 'title “$1”',
  text_merge_alsoOnFile_organization: 'organization “$1”',
  text_merge_alsoOnFile_website: 'website “$1”',
};
/** The catalogue's English, where no catalogue is at hand (a restore, a test). */
export const englishMergeNotes: MergeNoteWords = (key, value) =>
  ENGLISH[key].replace('$1', () => value);

/** Both records' notes, and the older one's differing values; undefined when they would not fit. */
function mergeNotes(newer: Party, older: Party, words: MergeNoteWords): string | undefined {
  let notes = newer.notes;
  const add = (text: string) => {
    if (text === '' || notes.includes(text)) return;
    notes = notes === '' ? text : `${notes}\n\n${text}`;
  };
  add(older.notes);
  const differing = (Object.keys(FIELD_KEYS) as (keyof typeof FIELD_KEYS)[])
    .filter((field) => older[field] && newer[field] && older[field] !== newer[field])
    .map((field) => words(FIELD_KEYS[field], older[field]!));
  if (differing.length > 0) add(words('text_merge_alsoOnFile', differing.join(', ')));
  return notes.length <= NOTES_LIMIT ? notes : undefined;
}

function earliest<T extends { at: number }>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.at < a.at ? b : a;
}

function latest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/**
 * An imported row (CSV, vCard) that matches a record on file. A file carries no
 * dates, so the record on file wins every single value and the row only fills what
 * is empty; emails, phones and tags are added, and differing values go into the
 * notes. The relationship's history is not touched. Unchanged records stay as they were.
 */
export function mergeOnFileWins(
  onFile: Party,
  imported: Party,
  cadence: CadenceDefaults,
  now: number,
  words?: MergeNoteWords,
): Result<Party> {
  const result = mergeNewerWins(
    onFile,
    { ...imported, kindHistory: [], createdAt: onFile.createdAt, updatedAt: -1 },
    cadence,
    words,
  );
  if (!result.ok) return result;
  const merged = result.value;
  const changed =
    canonical({ ...merged, nextCheckInAt: 0 }) !== canonical({ ...onFile, nextCheckInAt: 0 });
  return ok(changed ? { ...merged, updatedAt: Math.max(now, onFile.updatedAt) } : onFile);
}

function canonical(value: object): string {
  return JSON.stringify(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
}
