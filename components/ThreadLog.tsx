import type { ThreadStatus } from '../lib/protocol/areas/email';
import { formatDateTime, t, tCount } from '../lib/platform/i18n';
import { listOf } from '../lib/ui/format';

export interface ThreadLogProps {
  status: ThreadStatus;
  busy: boolean;
  message: string | null;
  onLog: () => void;
  onRemove: (interactionId: string) => void;
}

/** "3 emails with Ada in this thread", or "5 emails with Ada and Bob…" when several are offered. */
export function offerText(offers: ThreadStatus['offers']): string {
  const count = offers.reduce((sum, offer) => sum + offer.count, 0);
  const names = offers.map((offer) => offer.name);
  const who =
    names.length <= 2 ? listOf(names) : tCount('thread_andOthers', names.length - 1, names[0]!);
  return tCount('thread_emailsWith', count, who);
}

/**
 * The open webmail thread's emails with people on file: in ask mode an offer to log
 * them in one click; in any mode the ones logged, each removable from the history.
 */
export function ThreadLog({ status, busy, message, onLog, onRemove }: ThreadLogProps) {
  if (!status.thread || status.mode === 'off') return null;
  if (status.offers.length === 0 && status.logged.length === 0 && !message) return null;
  return (
    <section class="thread-log" aria-labelledby="thread-log-title" data-testid="thread-log">
      <h2 id="thread-log-title">{t('thread_heading')}</h2>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      {status.mode === 'ask' && status.offers.length > 0 && (
        <p>
          {offerText(status.offers)} —{' '}
          <button type="button" data-testid="log-thread" disabled={busy} onClick={onLog}>
            {t('thread_logThem')}
          </button>
        </p>
      )}
      {status.logged.length > 0 && (
        <ul class="timeline" data-testid="thread-logged">
          {status.logged.map(({ interaction, name }) => (
            <li
              key={interaction.id}
              data-testid="thread-logged-item"
              data-direction={interaction.direction}
            >
              <span>
                {interaction.direction === 'outbound'
                  ? t('thread_to', name)
                  : t('thread_from', name)}{' '}
                · {formatDateTime(interaction.at)}
              </span>{' '}
              <button
                type="button"
                class="link"
                data-testid="thread-log-remove"
                disabled={busy}
                aria-label={t('thread_removeLabel', name)}
                onClick={() => onRemove(interaction.id)}
              >
                {t('thread_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
