import { useState } from 'preact/hooks';
import type { Result } from '../../lib/domain/result';
import type { Party } from '../../lib/domain/party';
import type { RelationshipKind } from '../../lib/domain/relationship';
import { sendMessage } from '../../lib/platform/messaging';
import { t } from '../../lib/platform/i18n';
import { downloadFile } from '../options/data/format';
import { say } from '../../lib/ui/ui-text';

/**
 * The selection and what is done to it: each action is one message, answered with
 * an undo entry that `onDone` shows as a toast; `onChanged` re-reads the list.
 */
export function useBulkActions(
  onDone: (entryId: string, message: string) => void,
  onChanged: () => void,
) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = () => [...selected];

  const run = async <T>(call: Promise<Result<T>>, done: (value: T) => [string, string]) => {
    setBusy(true);
    const result = await call;
    setBusy(false);
    if (!result.ok) return setProblem(say(result.error.message));
    setProblem(null);
    const [entryId, message] = done(result.value);
    onDone(entryId, message);
    onChanged();
  };

  return {
    selected,
    busy,
    problem,
    change: (changed: readonly string[], on: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        for (const id of changed) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    clear: () => setSelected(new Set()),
    remove: () =>
      run(sendMessage('parties/delete', { ids: ids() }), (summary) => {
        setSelected(new Set());
        return [summary.id, t('popup_bulk_deleted', say(summary.label))];
      }),
    kind: (to: RelationshipKind, reason: string) =>
      run(
        sendMessage('parties/changeMany', {
          ids: ids(),
          change: reason ? { kind: 'kind', to, reason } : { kind: 'kind', to },
        }),
        (outcome) => [outcome.entryId, say(outcome.label)],
      ),
    tag: (tag: string, add: boolean) =>
      run(
        sendMessage('parties/changeMany', { ids: ids(), change: { kind: 'tag', tag, add } }),
        (outcome) => [outcome.entryId, say(outcome.label)],
      ),
    exportSelection: async (format: 'csv' | 'vcard') => {
      setBusy(true);
      const parties: Party[] = [];
      for (const id of selected) {
        const read = await sendMessage('parties/get', { id });
        if (read.ok) parties.push(read.value.party);
      }
      // The writers load only when asked: they are not part of every popup opening.
      const text =
        format === 'csv'
          ? (await import('../../lib/transfer/csv-write')).partiesToCsv(parties)
          : (await import('../../lib/transfer/vcard-write')).partiesToVcards(parties);
      setBusy(false);
      downloadFile(
        format === 'csv' ? 'clientele-selection.csv' : 'clientele-selection.vcf',
        text,
        format === 'csv' ? 'text/csv' : 'text/vcard',
      );
    },
  };
}
