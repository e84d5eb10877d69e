import { useState } from 'preact/hooks';
import type { DeletionSummaryMessage } from '../../lib/protocol/areas/undo';
import { describeDependents } from '../DeleteParty';
import { formatDateTime, t, tCount } from '../../lib/platform/i18n';
import { say } from '../../lib/ui/ui-text';

export interface RecentlyDeletedSectionProps {
  /** Undefined while the list is being read. */
  entries: readonly DeletionSummaryMessage[] | undefined;
  loadError?: string | null;
  now: number;
  onRestore: (entry: DeletionSummaryMessage) => void;
  onForget: (entry: DeletionSummaryMessage, neverCapture: boolean) => void;
}

const DAY = 86_400_000;

/**
 * What was deleted in the last 30 days: each can be restored exactly, or forgotten
 * now (a second click confirms, since that cannot be undone), optionally adding
 * its addresses and phones to the never-capture list.
 */
export function RecentlyDeletedSection({
  entries,
  loadError,
  now,
  onRestore,
  onForget,
}: RecentlyDeletedSectionProps) {
  const [confirming, setConfirming] = useState<{ id: string; neverCapture: boolean } | null>(null);
  return (
    <section id="recently-deleted" aria-labelledby="recently-deleted-title">
      <h2 id="recently-deleted-title">{t('deleted_heading')}</h2>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {entries === undefined && !loadError && <p class="muted">{t('deleted_reading')}</p>}
      {entries?.length === 0 && (
        <p class="muted" data-testid="recently-deleted-empty">
          {t('deleted_empty')}
        </p>
      )}
      <ul class="deleted-list" data-testid="recently-deleted">
        {entries?.map((entry) => {
          const asking = confirming?.id === entry.id ? confirming : null;
          const days = Math.max(0, Math.ceil((entry.expiresAt - now) / DAY));
          const hasContacts = entry.emails.length + entry.phones.length > 0;
          return (
            <li key={entry.id} data-testid="recently-deleted-entry" data-entry-id={entry.id}>
              <strong>{say(entry.label)}</strong>{' '}
              <span class="muted">
                {entry.counts.parties > 0
                  ? `${t('deleted_with', describeDependents(entry.counts))} · `
                  : ''}
                {t('deleted_at', formatDateTime(entry.at))} · {tCount('deleted_keptDays', days)}
              </span>
              <div class="deleted-actions">
                {asking ? (
                  <>
                    <span role="status">
                      {asking.neverCapture ? t('deleted_forgetNeverAsk') : t('deleted_forgetAsk')}
                    </span>{' '}
                    <button
                      type="button"
                      data-testid="forget-confirm"
                      onClick={() => {
                        setConfirming(null);
                        onForget(entry, asking.neverCapture);
                      }}
                    >
                      {t('deleted_forget')}
                    </button>{' '}
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('deleted_keep')}
                    </button>
                  </>
                ) : (
                  <>
                    <button
                      type="button"
                      data-testid="restore-entry"
                      onClick={() => onRestore(entry)}
                    >
                      {t('deleted_restore')}
                    </button>{' '}
                    <button
                      type="button"
                      data-testid="forget-entry"
                      onClick={() => setConfirming({ id: entry.id, neverCapture: false })}
                    >
                      {t('deleted_forgetForGood')}
                    </button>
                    {hasContacts && (
                      <>
                        {' '}
                        <button
                          type="button"
                          data-testid="forget-never-capture"
                          onClick={() => setConfirming({ id: entry.id, neverCapture: true })}
                        >
                          {t('deleted_forgetNever')}
                        </button>
                      </>
                    )}
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
