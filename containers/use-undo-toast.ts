import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/platform/i18n';
import { sendMessage } from '../lib/platform/messaging';
import { say } from '../lib/ui/ui-text';

/** How long the toast offers Undo; after that the entry is in Options → Recently deleted. */
export const UNDO_TOAST_MS = 10_000;

export interface UndoToast {
  entryId: string;
  message: string;
}

/**
 * The toast after a deletion or a bulk change: shown for ten seconds, Undo sends
 * `undo/apply` and calls `onUndone` so the page reloads what came back.
 */
export function useUndoToast(onUndone: (message: string) => void) {
  const [toast, setToast] = useState<UndoToast | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const undo = async () => {
    if (!toast) return;
    const result = await sendMessage('undo/apply', { entryId: toast.entryId });
    setToast(null);
    if (!result.ok) return setProblem(t('undo_failed', say(result.error.message)));
    setProblem(null);
    onUndone(t('undo_done', say(result.value.label)));
  };

  return {
    toast,
    problem,
    show: (entryId: string, message: string) => {
      setProblem(null);
      setToast({ entryId, message });
    },
    undo,
    dismiss: () => setToast(null),
  };
}
