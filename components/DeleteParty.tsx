import { useLayoutEffect, useRef } from 'preact/hooks';
import { t, tCount } from '../lib/platform/i18n';
import { listOf } from '../lib/ui/format';
import './delete-party.css';

/** How many records of each kind a deletion removes. */
export interface DeletionCounts {
  parties: number;
  interactions: number;
  followUps: number;
  engagements: number;
  purchases: number;
}

export interface DeletePartyProps {
  name: string;
  /** Set once the counts are in: the confirmation shows. */
  counts: DeletionCounts | null;
  busy: boolean;
  /** Why the last attempt failed, shown above the button or the confirmation. */
  problem?: string | null;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "its 3 interactions, 1 follow-up and 2 purchases" — only what there is. */
export function describeDependents(counts: DeletionCounts): string {
  const parts = [
    counts.interactions > 0 ? tCount('delete_interactions', counts.interactions) : '',
    counts.followUps > 0 ? tCount('delete_followUps', counts.followUps) : '',
    counts.engagements > 0 ? tCount('delete_engagements', counts.engagements) : '',
    counts.purchases > 0 ? tCount('delete_purchases', counts.purchases) : '',
  ].filter(Boolean);
  return parts.length === 0 ? t('delete_nothingElse') : listOf(parts);
}

/**
 * The record's Delete button, and the confirmation that says what goes with it.
 * Focus moves to Cancel when the confirmation opens (a stray Enter deletes
 * nothing); Escape cancels.
 */
export function DeleteParty({ problem, ...props }: DeletePartyProps) {
  return (
    <>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <DeleteControls {...props} />
    </>
  );
}

function DeleteControls({
  name,
  counts,
  busy,
  onAsk,
  onConfirm,
  onCancel,
}: Omit<DeletePartyProps, 'problem'>) {
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (counts) cancel.current?.focus();
  }, [counts]);
  if (!counts)
    return (
      <button
        type="button"
        class="danger"
        data-testid="delete-party"
        disabled={busy}
        onClick={onAsk}
      >
        {t('delete_ask')}
      </button>
    );
  return (
    <div
      class="confirm-delete"
      role="alertdialog"
      aria-labelledby="confirm-delete-text"
      data-testid="delete-confirmation"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id="confirm-delete-text">{t('delete_confirmText', name, describeDependents(counts))}</p>
      <button
        type="button"
        class="danger"
        data-testid="confirm-delete"
        disabled={busy}
        onClick={onConfirm}
      >
        {t('delete_confirm')}
      </button>{' '}
      <button type="button" ref={cancel} onClick={onCancel}>
        {t('common_cancel')}
      </button>
    </div>
  );
}
