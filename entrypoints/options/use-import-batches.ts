import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ImportBatchRow } from '../../components/options/ImportBatchesSection';
import { watchBookChanged } from '../../lib/platform/book-changed';
import { t } from '../../lib/platform/i18n';
import { sendMessage } from '../../lib/platform/messaging';
import type { StatusReport } from './use-status';
import { say } from '../../lib/ui/ui-text';

/**
 * The list of imports, read again whenever the book changes (an import finishing
 * in the data section, an undo anywhere), and undone through the background.
 */
export function useImportBatches(report: StatusReport, onUndone: () => void) {
  const [batches, setBatches] = useState<ImportBatchRow[]>();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const read = await sendMessage('imports/list', {});
    if (read.ok) {
      setBatches(read.value.batches);
      setLoadError(null);
    } else setLoadError(say(read.error.message));
  }, []);

  useEffect(() => void reload(), [reload]);
  useEffect(() => watchBookChanged(() => void reload()), [reload]);

  const undo = async (batch: ImportBatchRow) => {
    report.saving();
    const done = await sendMessage('imports/undo', { batchId: batch.id });
    await reload();
    onUndone();
    if (!done.ok) return report.failed(say(done.error.message));
    const { removed, restored, keptEdited, keptWithRecords, gone } = done.value;
    const said = [t('tidy_imports_done', removed, restored)];
    if (keptEdited + keptWithRecords > 0)
      said.push(t('tidy_imports_kept', keptEdited, keptWithRecords));
    if (gone > 0) said.push(t('tidy_imports_gone', gone));
    setOutcome(said.join(' '));
    report.saved(said[0]!);
  };

  return { batches, loadError, outcome, undo };
}
