import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/platform/messaging';
import type { DeletionSummaryMessage } from '../../lib/protocol/areas/undo';
import type { StatusReport } from './use-status';

/** The "Recently deleted" list, read and acted on through the background. */
export function useRecentlyDeleted(report: StatusReport) {
  const [entries, setEntries] = useState<DeletionSummaryMessage[]>();
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const read = await sendMessage('undo/recentlyDeleted', {});
    if (read.ok) {
      setEntries(read.value.entries);
      setLoadError(null);
    } else setLoadError(`Recently deleted could not be read: ${read.error.message}`);
  }, []);

  useEffect(() => void reload(), [reload]);

  const restore = async (entry: DeletionSummaryMessage) => {
    report.saving();
    const done = await sendMessage('undo/apply', { entryId: entry.id });
    await reload();
    if (done.ok) report.saved(`${entry.label} is back.`);
    else report.failed(done.error.message);
  };

  const forget = async (entry: DeletionSummaryMessage, neverCapture: boolean) => {
    report.saving();
    const done = await sendMessage('undo/forget', { entryId: entry.id, neverCapture });
    await reload();
    if (!done.ok) return report.failed(done.error.message);
    report.saved(
      neverCapture
        ? `${entry.label} forgotten; its addresses and phones will never be captured again.`
        : `${entry.label} forgotten for good.`,
    );
  };

  return { entries, loadError, reload, restore, forget };
}
