import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { FollowUp } from '../lib/domain/follow-up';
import type { FollowUpPatch } from '../lib/domain/part-patch';
import type { Result } from '../lib/domain/result';
import type { PartyView } from '../lib/protocol/contact-schemas';
import { t } from '../lib/platform/i18n';
import { sendMessage } from '../lib/platform/messaging';
import { followUpDate } from '../lib/ui/follow-up-when';
import { say } from '../lib/ui/ui-text';

/** What the logged note says: the follow-up's own words, or that it was done. */
const doneSummary = (followUp: FollowUp) => followUp.note.trim() || t('due_followUpDone');

export interface FollowUpsOptions {
  partyId: string;
  partyName: string;
  /**
   * Changes whenever the record was read or written again (the party's view): a
   * follow-up set by the log form, or a renewal raised by an engagement, then shows.
   */
  version: unknown;
  /** A follow-up was deleted: the record shows the Undo toast. */
  onPartDeleted: (entryId: string, label: string) => void;
  /**
   * Done logged an interaction: the record shows the party as it is now (last contact,
   * check-in) and reads its timeline again.
   */
  onLogged: (view: PartyView | undefined) => void;
  /** Clock for the confirmation's date; tests pass a fixed one. */
  now?: () => number;
}

/**
 * The record's follow-up list, in the side panel and the popup: reads a party's open
 * follow-ups and does what the list offers (done, corrected, deleted, added), reading
 * them again after each.
 */
export function useFollowUps({
  partyId,
  partyName,
  version,
  onPartDeleted,
  onLogged,
  now = Date.now,
}: FollowUpsOptions) {
  const [followUps, setFollowUps] = useState<FollowUp[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  // One id per new follow-up until it is saved: a retry after the worker stopped adds none.
  const pendingRequest = useRef<string | null>(null);

  const load = useCallback(async () => {
    const reply = await sendMessage('followUps/list', { partyId });
    if (!reply.ok) return setProblem(t('panel_followups_failed', say(reply.error.message)));
    setProblem(null);
    setFollowUps(reply.value.followUps);
  }, [partyId]);

  useEffect(() => {
    void load();
  }, [load, version]);

  /** One action on one follow-up: its outcome in words, then the list read again. */
  const act = async <T>(
    followUp: FollowUp,
    work: () => Promise<Result<T>>,
    said: (value: T) => string,
  ) => {
    setBusyId(followUp.id);
    const reply = await work();
    setBusyId(null);
    setStatus(reply.ok ? said(reply.value) : say(reply.error.message));
    await load();
  };

  return {
    followUps,
    problem,
    status,
    busyId,
    /**
     * Done logs a note, as the Due list's "Done, log it" does at its first Enter: the
     * same message, so the check-in and last contact move the same way from both. The
     * follow-up's id keys the log, so a retry logs once.
     */
    done: (followUp: FollowUp) =>
      act(
        followUp,
        () =>
          sendMessage('due/complete', {
            item: { kind: 'followUp', id: followUp.id },
            log: { type: 'note', summary: doneSummary(followUp) },
          }),
        ({ view }) => {
          onLogged(view);
          return t('popup_due_done_note', partyName);
        },
      ),
    edit: (followUp: FollowUp, patch: FollowUpPatch) =>
      act(
        followUp,
        () => sendMessage('records/update', { store: 'followUps', id: followUp.id, patch }),
        () => t('tidy_updated_follow_up', partyName),
      ),
    remove: (followUp: FollowUp) =>
      act(
        followUp,
        () => sendMessage('records/delete', { store: 'followUps', id: followUp.id }),
        ({ entry }) => {
          onPartDeleted(entry.id, say(entry.label));
          return t('tidy_deleted', say(entry.label));
        },
      ),
    add: async (draft: Required<FollowUpPatch>): Promise<boolean> => {
      pendingRequest.current ??= crypto.randomUUID();
      const reply = await sendMessage('followUps/create', {
        partyId,
        ...draft,
        requestId: pendingRequest.current,
      });
      if (reply.ok) pendingRequest.current = null;
      setStatus(
        reply.ok
          ? t('panel_followup_added', followUpDate(reply.value.followUp.dueAt, now()))
          : say(reply.error.message),
      );
      await load();
      return reply.ok;
    },
  };
}
