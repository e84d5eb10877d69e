import type { FieldConflict } from '../sync/merge';
import type { RecordType } from '../sync/outbox';

/**
 * What a merge replaced, in words for the party's timeline: the field, the value
 * it now has and where that came from, and the value that lost, so the user can
 * put it back. "Changed by" is the sync identity (the user name at the server) of
 * whoever wrote the server's copy: with an address book shared by a team, the
 * colleague's name, carried in the card.
 *
 * These notes (and the kept-record tag) are worded when they are written, not when
 * shown: they are stored as interactions and a tag, and travel to the server and the
 * other devices as text. They are worded in the user's language through the catalogue
 * (`SyncNoteWords`, the background's `browser.i18n`), English where none is given.
 */

/** The English of each note, with `$1`… for its values in catalogue order. */
const ENGLISH = {
  sync_note_remoteWon:
    'Sync: $1 changed on the server by $2 to “$3”, edited later than here. Kept from this device: it was “$4”.',
  sync_note_localWon:
    'Sync: $1 changed on this device to “$2”, edited later than on the server. Kept from the server ($3): it was “$4”.',
  sync_note_followUpField: 'follow-up $1',
  sync_note_interactionField: 'logged interaction $1',
  sync_note_empty: '(empty)',
  sync_kept_tag: 'Kept after a deletion',
  sync_kept_deletedHere:
    '$1 was deleted on this device but changed on the server by $2 since the last sync, so it was kept. Remove the “$3” tag once you have decided.',
  sync_kept_deletedServer:
    '$1 was deleted on the server but changed on this device ($2) since the last sync, so it was kept. Remove the “$3” tag once you have decided.',
  sync_kept_party: 'This record',
  sync_kept_followUp: 'A follow-up of this record',
  sync_kept_interaction: 'A logged interaction of this record',
} as const;

export type SyncNoteKey = keyof typeof ENGLISH;
/** A catalogue lookup, as `browser.i18n.getMessage(key, substitutions)`; '' when it has none. */
export type SyncNoteWords = (key: SyncNoteKey, substitutions?: readonly string[]) => string;

export const SYNC_NOTE_KEYS = Object.keys(ENGLISH) as SyncNoteKey[];

/** The English notes, for where no catalogue is at hand (and for a key it lacks). */
export const englishNotes: SyncNoteWords = (key, substitutions = []) =>
  ENGLISH[key].replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');

/** `words`, falling back to English for a key the catalogue does not answer. */
export function notesIn(words: SyncNoteWords | undefined): SyncNoteWords {
  if (!words) return englishNotes;
  return (key, substitutions) => words(key, substitutions) || englishNotes(key, substitutions);
}

const MAX_VALUE = 500;

function shown(value: unknown, words: SyncNoteWords): string {
  if (value === undefined || value === null || value === '') return words('sync_note_empty');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

function fieldLabel(type: RecordType, field: string, words: SyncNoteWords): string {
  if (type === 'followUp') return words('sync_note_followUpField', [field]);
  if (type === 'interaction') return words('sync_note_interactionField', [field]);
  return field;
}

export function keptNote(
  type: RecordType,
  conflicts: FieldConflict[],
  identity: string,
  words: SyncNoteWords = englishNotes,
): string[] {
  return conflicts.map(({ field, kept, replaced, winner }) => {
    const label = fieldLabel(type, field, words);
    return winner === 'remote'
      ? words('sync_note_remoteWon', [label, identity, shown(kept, words), shown(replaced, words)])
      : words('sync_note_localWon', [label, shown(kept, words), identity, shown(replaced, words)]);
  });
}

/** The note on a record kept because one side deleted it while the other changed it. */
export function keptAfterDeletionNote(
  type: RecordType,
  deletedOn: 'here' | 'server',
  who: string,
  words: SyncNoteWords = englishNotes,
): string {
  const what = words(
    type === 'party'
      ? 'sync_kept_party'
      : type === 'followUp'
        ? 'sync_kept_followUp'
        : 'sync_kept_interaction',
  );
  const tag = words('sync_kept_tag');
  return words(deletedOn === 'here' ? 'sync_kept_deletedHere' : 'sync_kept_deletedServer', [
    what,
    who,
    tag,
  ]);
}
