import { t } from '../../lib/platform/i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/platform/messaging';
import type { DeletionSummaryMessage } from '../../lib/protocol/areas/undo';
import type { StatusReport } from './use-status';
import { say } from '../../lib/ui/ui-text';

/** The "Recently deleted" list, read and acted on through the background. */
export function useRecentlyDeleted(report: StatusReport) {
  const [entries, setEntries] = useState<DeletionSummaryMessage[]>();
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const read = await sendMessage('undo/recentlyDeleted', {});
    if (read.ok) {
      setEntries(read.value.entries);
      setLoadError(null);
    } else setLoadError(t('options_deleted_unreadable', say(read.error.message)));
  }, []);

  useEffect(() => void reload(), [reload]);

  const restore = async (entry: DeletionSummaryMessage) => {
    report.saving();
    const done = await sendMessage('undo/apply', { entryId: entry.id });
    await reload();
    if (done.ok) report.saved(t('options_deleted_back', say(entry.label)));
    else report.failed(say(done.error.message));
  };

  const forget = async (entry: DeletionSummaryMessage, neverCapture: boolean) => {
    report.saving();
    const done = await sendMessage('undo/forget', { entryId: entry.id, neverCapture });
    await reload();
    if (!done.ok) return report.failed(say(done.error.message));
    report.saved(
      neverCapture
        ? t('options_forgotten_never', say(entry.label))
        : t('options_forgotten', say(entry.label)),
    );
  };

  return { entries, loadError, reload, restore, forget };
}
