import type { Result } from '../../lib/domain/result';
import { useState } from 'preact/hooks';
import type { Party } from '../../lib/domain/party';
import type { RelationshipKind } from '../../lib/domain/relationship';
import { sendMessage } from '../../lib/platform/messaging';
import { t } from '../../lib/platform/i18n';
import { downloadFile } from '../options/data/format';
import { say } from '../../lib/ui/ui-text';

/** A bulk action in progress: what it is doing, and the name `bulk/cancel` stops it by. */
export interface RunningBulk {
  operation: string;
  kind: 'delete' | 'change';
  count: number;
}

/**
 * The selection and what is done to it: each action is one message (one
 * transaction), answered with an undo entry that `onDone` shows as a toast;
 * `onChanged` re-reads the list. While one runs it can be cancelled: the
 * transaction is aborted and `onSaid` tells that nothing changed.
 */
export function useBulkActions(
  onDone: (entryId: string, message: string) => void,
  onChanged: () => void,
  onSaid: (message: string) => void = () => undefined,
) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState<RunningBulk | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = () => [...selected];

  const run = async <T>(
    kind: RunningBulk['kind'],
    call: (operation: string) => Promise<Result<T>>,
    done: (value: T) => [string, string],
  ) => {
    const operation = crypto.randomUUID();
    setBusy(true);
    setRunning({ operation, kind, count: selected.size });
    const result = await call(operation);
    setBusy(false);
    setRunning(null);
    if (!result.ok && result.error.code === 'cancelled') {
      setProblem(null);
      return onSaid(t('bulk_cancelled'));
    }
    if (!result.ok) return setProblem(say(result.error.message));
    setProblem(null);
    const [entryId, message] = done(result.value);
    onDone(entryId, message);
    onChanged();
  };

  return {
    selected,
    busy,
    running,
    problem,
    /** Stops the running action; if it had already finished, its toast's Undo still takes it back. */
    cancel: async () => {
      if (!running) return;
      const reply = await sendMessage('bulk/cancel', { operation: running.operation });
      if (reply.ok && !reply.value.cancelled) onSaid(t('bulk_too_late'));
    },
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
      run(
        'delete',
        (operation) => sendMessage('parties/delete', { ids: ids(), operation }),
        (summary) => {
          setSelected(new Set());
          return [summary.id, t('popup_bulk_deleted', say(summary.label))];
        },
      ),
    kind: (to: RelationshipKind, reason: string) =>
      run(
        'change',
        (operation) =>
          sendMessage('parties/changeMany', {
            ids: ids(),
            change: reason ? { kind: 'kind', to, reason } : { kind: 'kind', to },
            operation,
          }),
        (outcome) => [outcome.entryId, say(outcome.label)],
      ),
    tag: (tag: string, add: boolean) =>
      run(
        'change',
        (operation) =>
          sendMessage('parties/changeMany', {
            ids: ids(),
            change: { kind: 'tag', tag, add },
            operation,
          }),
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
