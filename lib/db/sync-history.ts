import type { FieldConflict } from '../sync/merge';
import type { RecordType } from '../sync/outbox';

/**
 * What a merge replaced, in words for the party's timeline: the field, the value
 * it now has and where that came from, and the value that lost, so the user can
 * put it back. "Changed by" is the sync identity (the user name at the server) of
 * whoever wrote the server's copy: with an address book shared by a team, the
 * colleague's name, carried in the card.
 */

/** The tag that flags a record kept after a deletion on one side; the user removes it. */
export const KEPT_TAG = 'Kept after a deletion';

const MAX_VALUE = 500;

function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

const NOUN: Record<RecordType, string> = {
  party: '',
  followUp: 'follow-up ',
  interaction: 'logged interaction ',
};

export function keptNote(type: RecordType, conflicts: FieldConflict[], identity: string): string[] {
  return conflicts.map(({ field, kept, replaced, winner }) => {
    const label = `${NOUN[type]}${field}`;
    return winner === 'remote'
      ? `Sync: ${label} changed on the server by ${identity} to “${shown(kept)}”, edited later than here. Kept from this device: it was “${shown(replaced)}”.`
      : `Sync: ${label} changed on this device to “${shown(kept)}”, edited later than on the server. Kept from the server (${identity}): it was “${shown(replaced)}”.`;
  });
}
