import { useLayoutEffect, useRef } from 'preact/hooks';
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

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** "its 3 interactions, 1 follow-up and 2 purchases" — only what there is. */
export function describeDependents(counts: DeletionCounts): string {
  const parts = [
    counts.interactions > 0 ? plural(counts.interactions, 'interaction') : '',
    counts.followUps > 0 ? plural(counts.followUps, 'follow-up') : '',
    counts.engagements > 0 ? plural(counts.engagements, 'engagement') : '',
    counts.purchases > 0 ? plural(counts.purchases, 'purchase') : '',
  ].filter(Boolean);
  if (parts.length === 0)
    return 'nothing else: no interactions, follow-ups, engagements or purchases';
  const last = parts.pop()!;
  return parts.length > 0 ? `${parts.join(', ')} and ${last}` : last;
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
        Delete…
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
      <p id="confirm-delete-text">
        Delete {name} and {describeDependents(counts)}? You can undo it for 30 days from Options →
        Recently deleted.
      </p>
      <button
        type="button"
        class="danger"
        data-testid="confirm-delete"
        disabled={busy}
        onClick={onConfirm}
      >
        Delete
      </button>{' '}
      <button type="button" ref={cancel} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
