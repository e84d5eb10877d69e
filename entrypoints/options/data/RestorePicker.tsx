// Restore: pick a backup file, see what it holds, choose empty-book or merge.
import { useRef, useState } from 'preact/hooks';
import { BACKUP_STORES, readBackup, type BackupFile } from '../../../lib/transfer/backup-format';
import { describeProblem } from '../../../lib/ui/ui-text';
import {
  messageOf,
  restoreBackup,
  type Progress,
  type Transport,
} from '../../../lib/transfer/transfer-client';
import { t, tCount, uiLanguage, type MessageKey } from '../../../lib/platform/i18n';
import { number } from './format';
import { say } from '../../../lib/ui/ui-text';

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
      onDone(t('options_restore_nothing', describeProblem(read.error)), true);
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
      ).map((s) =>
        outcome[s].merged
          ? t(
              'options_restored_part_merged',
              t(STORE_NAMES[s]),
              number(outcome[s].added),
              number(outcome[s].merged),
            )
          : t('options_restored_part', t(STORE_NAMES[s]), number(outcome[s].added)),
      );
      onDone(t('options_restored', parts.join(' · ') || t('options_restored_nothing')));
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (error) {
      onDone(say(messageOf(error)), true);
    } finally {
      setProgress(null);
    }
  };

  return (
    <div class="restore">
      <label class="file-label">
        {t('options_restore_label')}
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
            {t(
              'options_backup_of',
              new Intl.DateTimeFormat(uiLanguage(), {
                dateStyle: 'medium',
                timeStyle: 'short',
              }).format(new Date(file.exportedAt)),
              tCount('options_count_contacts', file.stores.parties.length),
              tCount('options_count_interactions', file.stores.interactions.length),
            )}
          </p>
          <fieldset>
            <legend>{t('options_restore_legend')}</legend>
            <label>
              <input
                type="radio"
                name="restore-mode"
                value="merge"
                data-testid="restore-merge"
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
              />
              {t('options_restore_merge')}
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
              {t('options_restore_empty')}
            </label>
          </fieldset>
          <button
            type="button"
            data-testid="restore-confirm"
            disabled={progress !== null}
            onClick={() => void restore()}
          >
            {t('options_restore_button')}
          </button>
          {progress && (
            <progress
              value={progress.done}
              max={progress.total}
              aria-label={t('options_restore_progress')}
            />
          )}
        </div>
      )}
    </div>
  );
}

const STORE_NAMES: Record<(typeof BACKUP_STORES)[number], MessageKey> = {
  parties: 'options_store_parties',
  interactions: 'options_store_interactions',
  followUps: 'options_store_followUps',
  services: 'options_store_services',
  engagements: 'options_store_engagements',
  purchases: 'options_store_purchases',
};
