// Restore: pick a backup file, see what it holds, choose empty-book or merge.
import { useRef, useState } from 'preact/hooks';
import { BACKUP_STORES, readBackup, type BackupFile } from '../../../lib/transfer/backup-format';
import { describeProblem } from '../../../lib/transfer/problems';
import {
  messageOf,
  restoreBackup,
  type Progress,
  type Transport,
} from '../../../lib/transfer/transfer-client';
import { number, plural } from './format';

export function RestorePicker({
  transport,
  disabled,
  onDone,
}: {
  transport: Transport;
  disabled: boolean;
  onDone: (text: string, error?: boolean) => void;
}) {
  const [file, setFile] = useState<BackupFile | null>(null);
  const [mode, setMode] = useState<'empty' | 'merge'>('merge');
  const [progress, setProgress] = useState<Progress | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    const read = readBackup(await picked.text());
    if (!read.ok) {
      setFile(null);
      onDone(`${describeProblem(read.error)} Nothing was restored.`, true);
      return;
    }
    setFile(read.value);
  };
  const restore = async () => {
    if (!file) return;
    setProgress({ done: 0, total: 1 });
    try {
      const { outcome } = await restoreBackup(transport, file, mode, setProgress);
      const parts = BACKUP_STORES.filter(
        (s) => outcome[s] && (outcome[s].added || outcome[s].merged),
      ).map(
        (s) =>
          `${STORE_NAMES[s]}: ${number(outcome[s].added)} added${outcome[s].merged ? `, ${number(outcome[s].merged)} merged` : ''}`,
      );
      onDone(`Restored. ${parts.join(' · ') || 'Nothing new was in the backup.'}`);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (error) {
      onDone(messageOf(error), true);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div class="restore">
      <label class="file-label">
        Restore from a backup
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          data-testid="backup-restore"
          disabled={disabled || progress !== null}
          onChange={(event) => void pick(event.currentTarget.files?.[0])}
        />
      </label>
      {file && (
        <div class="restore-choice" data-testid="restore-choice">
          <p>
            Backup of {new Date(file.exportedAt).toLocaleString()}:{' '}
            {plural(file.stores.parties.length, 'contact', 'contacts')},{' '}
            {plural(file.stores.interactions.length, 'interaction', 'interactions')}.
          </p>
          <fieldset>
            <legend>Restore</legend>
            <label>
              <input
                type="radio"
                name="restore-mode"
                value="merge"
                data-testid="restore-merge"
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
              />
              merge into my book (the same email or phone is the same person; nothing is lost)
            </label>
            <label>
              <input
                type="radio"
                name="restore-mode"
                value="empty"
                data-testid="restore-empty"
                checked={mode === 'empty'}
                onChange={() => setMode('empty')}
              />
              into an empty book, exactly as it was
            </label>
          </fieldset>
          <button
            type="button"
            data-testid="restore-confirm"
            disabled={progress !== null}
            onClick={() => void restore()}
          >
            Restore
          </button>
          {progress && (
            <progress value={progress.done} max={progress.total} aria-label="Restore progress" />
          )}
        </div>
      )}
    </div>
  );
}

const STORE_NAMES: Record<string, string> = {
  parties: 'contacts',
  interactions: 'interactions',
  followUps: 'follow-ups',
  services: 'services',
  engagements: 'engagements',
  purchases: 'purchases',
};
