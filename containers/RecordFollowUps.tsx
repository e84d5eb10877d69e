import { FollowUpList } from '../components/FollowUpList';
import { localTimeZone, snoozeUntil } from '../lib/domain/local-calendar';
import type { PartyView } from '../lib/protocol/contact-schemas';
import { useFollowUps } from './use-follow-ups';

export interface RecordFollowUpsProps {
  /** The record as last read: its party, and a new object whenever it was read again. */
  view: PartyView;
  now: number;
  /** A follow-up was deleted: the record shows the Undo toast. */
  onPartDeleted: (entryId: string, label: string) => void;
  /** Done logged an interaction: the record shows the party as it is now. */
  onLogged: (view: PartyView | undefined) => void;
  /** How many to show before "more" (the popup is short); all when absent. */
  limit?: number;
}

/**
 * A record's follow-up list wired to the book, the same in the side panel and the
 * popup: reads the party's open follow-ups again whenever the record is read again,
 * and a new one defaults to tomorrow.
 */
export function RecordFollowUps({
  view,
  now,
  onPartDeleted,
  onLogged,
  limit,
}: RecordFollowUpsProps) {
  const followUps = useFollowUps({
    partyId: view.party.id,
    partyName: view.party.name,
    version: view,
    onPartDeleted,
    onLogged,
  });
  return (
    <FollowUpList
      partyName={view.party.name}
      followUps={followUps.followUps}
      problem={followUps.problem}
      status={followUps.status}
      busyId={followUps.busyId}
      now={now}
      defaultDueAt={snoozeUntil('tomorrow', now, localTimeZone())}
      {...(limit === undefined ? {} : { limit })}
      onDone={(followUp) => void followUps.done(followUp)}
      onEdit={(followUp, patch) => void followUps.edit(followUp, patch)}
      onDelete={(followUp) => void followUps.remove(followUp)}
      onAdd={followUps.add}
    />
  );
}
