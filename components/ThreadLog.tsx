import type { ThreadStatus } from '../lib/protocol/areas/email';

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
    names.length <= 2 ? names.join(' and ') : `${names[0]} and ${names.length - 1} others`;
  return `${count === 1 ? '1 email' : `${count} emails`} with ${who} in this thread`;
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
      <h2 id="thread-log-title">Emails in this thread</h2>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      {status.mode === 'ask' && status.offers.length > 0 && (
        <p>
          {offerText(status.offers)} —{' '}
          <button type="button" data-testid="log-thread" disabled={busy} onClick={onLog}>
            Log them
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
                {interaction.direction === 'outbound' ? 'To' : 'From'} {name} ·{' '}
                {new Date(interaction.at).toLocaleString()}
              </span>{' '}
              <button
                type="button"
                class="link"
                data-testid="thread-log-remove"
                disabled={busy}
                aria-label={`Remove this email with ${name} from the history`}
                onClick={() => onRemove(interaction.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
