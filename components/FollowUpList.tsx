import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FollowUp } from '../lib/domain/follow-up';
import type { FollowUpPatch } from '../lib/domain/part-patch';
import { t } from '../lib/platform/i18n';
import { followUpWhen } from '../lib/ui/follow-up-when';
import { followUpsShown } from '../lib/ui/follow-ups-shown';
import { DisclosureButton, DisclosurePanel } from './Disclosure';
import { EditFollowUp } from './EditFollowUp';
import { InPlaceEdit } from './EditForm';
import './follow-ups.css';

export interface FollowUpListProps {
  partyName: string;
  /** Open follow-ups, soonest first; null while they are read. */
  followUps: readonly FollowUp[] | null;
  /** Why they could not be read. */
  problem: string | null;
  /** What the last action did (or why it failed), read out politely. */
  status: string;
  /** The follow-up an action is under way on. */
  busyId: string | null;
  now: number;
  /** Where a new follow-up's date starts (tomorrow morning). */
  defaultDueAt: number;
  /** Given (the popup), only the soonest this many show until "Show all". */
  limit?: number;
  onDone: (followUp: FollowUp) => void;
  onEdit: (followUp: FollowUp, patch: FollowUpPatch) => void;
  onDelete: (followUp: FollowUp) => void;
  /** Sets a new one; resolves true once it is saved, so the form closes. */
  onAdd: (draft: Required<FollowUpPatch>) => Promise<boolean>;
}

/**
 * A record's open follow-ups, due or still to come (the due list shows only those
 * that have come due): each can be marked done (which logs a note), corrected in
 * place or deleted, and one can be added. When a row is done, the keyboard moves on
 * to the next one; when one is deleted, the record's Undo toast takes it. With a
 * `limit`, "Show all" reveals the rest and the keyboard lands on the first of them.
 */
export function FollowUpList(props: FollowUpListProps) {
  const { partyName, followUps, problem, status, busyId, now } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [all, setAll] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // The position of a row that was done: its successor takes the focus.
  const leaving = useRef<number | null>(null);
  // The position of the first row "Show all" revealed: it takes the focus from the button.
  const revealed = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (leaving.current === null || !followUps) return;
    const rows = list.current?.querySelectorAll<HTMLElement>('[data-testid="followup-done"]');
    const next = rows?.[Math.min(leaving.current, rows.length - 1)] ?? addButton.current;
    leaving.current = null;
    next?.focus();
  }, [followUps]);

  useLayoutEffect(() => {
    if (revealed.current === null) return;
    const rows = list.current?.querySelectorAll<HTMLElement>('[data-testid="followup-done"]');
    rows?.[revealed.current]?.focus();
    revealed.current = null;
  }, [all]);

  const { shown, hidden } = followUpsShown(followUps ?? [], props.limit, all);

  const done = (followUp: FollowUp) => {
    leaving.current = followUps?.indexOf(followUp) ?? null;
    props.onDone(followUp);
  };
  const closeAdd = () => {
    setAdding(false);
    addButton.current?.focus();
  };
  const what = (followUp: FollowUp) => followUp.note.trim() || t('due_noNote');

  return (
    <section
      class="panel-section follow-ups"
      data-testid="panel-followups"
      aria-labelledby="followups-title"
    >
      <h3 id="followups-title">{t('panel_followups_heading')}</h3>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {!followUps && !problem && <p class="muted">{t('panel_reading')}</p>}
      {followUps?.length === 0 && (
        <p class="empty" data-testid="followups-empty">
          {t('panel_followups_empty')}
        </p>
      )}
      {shown.length > 0 && (
        <ul class="follow-up-list" ref={list} aria-labelledby="followups-title">
          {shown.map((followUp) => {
            const overdue = followUp.dueAt < now;
            const busy = busyId === followUp.id;
            return (
              <li
                key={followUp.id}
                class="follow-up"
                data-testid="followup-row"
                data-followup-id={followUp.id}
                data-state={overdue ? 'overdue' : 'upcoming'}
              >
                <p class="follow-up-what">
                  {what(followUp)}{' '}
                  <span class={overdue ? 'follow-up-when overdue' : 'follow-up-when muted'}>
                    · {followUpWhen(followUp.dueAt, now)}
                  </span>
                </p>
                <div class="follow-up-actions">
                  <button
                    type="button"
                    data-testid="followup-done"
                    disabled={busy}
                    aria-label={t('panel_followup_done_label', what(followUp))}
                    onClick={() => done(followUp)}
                  >
                    {t('due_doneLogIt')}
                  </button>
                  <InPlaceEdit
                    open={editing === followUp.id}
                    onOpen={() => setEditing(followUp.id)}
                    label={t('panel_followup_edit_label', what(followUp))}
                    testId="followup-edit"
                  >
                    <EditFollowUp
                      partyName={partyName}
                      dueAt={followUp.dueAt}
                      note={followUp.note}
                      label={t('panel_followup_edit_label', what(followUp))}
                      onCancel={() => setEditing(null)}
                      onSave={(patch) => {
                        setEditing(null);
                        props.onEdit(followUp, patch);
                      }}
                    />
                  </InPlaceEdit>
                  <button
                    type="button"
                    class="link"
                    data-testid="followup-delete"
                    disabled={busy}
                    aria-label={t('panel_followup_delete_label', what(followUp))}
                    // The focus is left to the record's Undo toast, as for every deletion.
                    onClick={() => props.onDelete(followUp)}
                  >
                    {t('tidy_delete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {hidden > 0 && (
        <button
          type="button"
          class="link follow-ups-all"
          data-testid="followups-show-all"
          onClick={() => {
            revealed.current = shown.length;
            setAll(true);
          }}
        >
          {t('panel_followups_show_all', followUps?.length ?? 0)}
        </button>
      )}
      <DisclosureButton
        label={t('panel_followup_add')}
        expanded={adding}
        controls="followup-add"
        onToggle={() => (adding ? closeAdd() : setAdding(true))}
        testId="add-followup"
        buttonRef={addButton}
      />
      {adding && (
        <DisclosurePanel
          id="followup-add"
          label={t('panel_followup_add_label', partyName)}
          onClose={closeAdd}
        >
          <EditFollowUp
            name="add-follow-up"
            label={t('panel_followup_add_label', partyName)}
            partyName={partyName}
            dueAt={props.defaultDueAt}
            note=""
            onCancel={closeAdd}
            onSave={(draft) => void props.onAdd(draft).then((saved) => saved && closeAdd())}
          />
        </DisclosurePanel>
      )}
      {/* Always there, so assistive tech is already listening when an action fills it. */}
      <p class="follow-ups-status" role="status" data-testid="followups-status">
        {status}
      </p>
    </section>
  );
}
