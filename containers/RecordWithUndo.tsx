import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { UndoNotice } from '../components/options/UndoNotice';
import { t } from '../lib/platform/i18n';
import { useUndoToast } from './use-undo-toast';

export interface RecordActions {
  /** The notice the record opens with (the caller's, or "Undone: …" after an undo). */
  notice: string | null;
  /** The record was deleted: it gives way to the toast. */
  onDeleted: (entryId: string, label: string) => void;
  /** One of its interactions, follow-ups, engagements or purchases was deleted. */
  onPartDeleted: (entryId: string, label: string) => void;
}

export interface RecordWithUndoProps {
  partyId: string;
  notice: string | null;
  children: (actions: RecordActions) => ComponentChildren;
  /** Shown under the toast once the record is deleted (the popup's way back). */
  deletedFooter?: ComponentChildren;
}

/**
 * A record (side panel or popup) with the Undo toast for what was deleted from it.
 * After an undo the record is mounted afresh, so it reads back everything that
 * returned, its timeline included.
 */
export function RecordWithUndo({ partyId, notice, children, deletedFooter }: RecordWithUndoProps) {
  const [generation, setGeneration] = useState(0);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [undone, setUndone] = useState<string | null>(null);
  const toast = useUndoToast((message) => {
    setDeleted(null);
    setUndone(message);
    setGeneration((n) => n + 1);
  });

  // Another record, or the same one opened again: what happened before is over.
  useEffect(() => {
    setDeleted(null);
    setUndone(null);
  }, [partyId, notice]);

  const toastView = toast.toast && (
    <UndoNotice
      message={toast.toast.message}
      onUndo={() => void toast.undo()}
      onDismiss={toast.dismiss}
    />
  );
  const problem = toast.problem && (
    <p class="error" role="alert">
      {toast.problem}
    </p>
  );
  if (deleted !== null)
    return (
      <div class="record-deleted" data-testid="record-deleted">
        {toastView}
        {problem}
        {!toast.toast && (
          <p class="muted" role="status">
            {t('record_wasDeleted', deleted)}
          </p>
        )}
        {deletedFooter}
      </div>
    );
  return (
    <div key={generation}>
      {toastView}
      {problem}
      {children({
        notice: undone ?? notice,
        onDeleted: (entryId, label) => {
          setDeleted(label);
          toast.show(entryId, t('record_deleted', label));
        },
        onPartDeleted: (entryId, label) => toast.show(entryId, t('record_partDeleted', label)),
      })}
    </div>
  );
}
