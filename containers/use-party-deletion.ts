import { useState } from 'preact/hooks';
import { t } from '../lib/platform/i18n';
import { sendMessage } from '../lib/platform/messaging';
import type { DeletionCounts } from '../components/DeleteParty';
import { say } from '../lib/ui/ui-text';

/**
 * Deleting the record on show: the counts for the confirmation are asked first,
 * then `parties/delete`; `onDeleted` gets the undo entry for the toast.
 */
export function usePartyDeletion(
  partyId: string,
  onDeleted: (entryId: string, label: string) => void,
) {
  const [counts, setCounts] = useState<DeletionCounts | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const ask = async () => {
    setBusy(true);
    const result = await sendMessage('parties/deletionCounts', { ids: [partyId] });
    setBusy(false);
    if (!result.ok) return setProblem(say(result.error.message));
    setProblem(null);
    setCounts(result.value);
  };

  const confirm = async () => {
    setBusy(true);
    const result = await sendMessage('parties/delete', { ids: [partyId] });
    setBusy(false);
    setCounts(null);
    if (!result.ok) return setProblem(t('record_notDeleted', say(result.error.message)));
    setProblem(null);
    onDeleted(result.value.id, say(result.value.label));
  };

  return { counts, busy, problem, ask, confirm, cancel: () => setCounts(null) };
}
