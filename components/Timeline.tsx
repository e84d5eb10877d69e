import type { Interaction } from '../lib/domain/interaction';
import { relativeTime } from '../lib/ui/format';

export interface TimelineProps {
  interactions: Interaction[];
  now: number;
  hasMore: boolean;
  onMore: () => void;
  /** Shows a Delete button on each interaction (logged by mistake). */
  onDelete?: (interaction: Interaction) => void;
}

/** Interactions newest first; older ones a page at a time. */
export function Timeline({ interactions, now, hasMore, onMore, onDelete }: TimelineProps) {
  if (interactions.length === 0) {
    return (
      <p class="empty" data-testid="timeline">
        Nothing logged yet. Your first note starts the history.
      </p>
    );
  }
  return (
    <section aria-label="Timeline">
      <ol class="timeline" data-testid="timeline">
        {interactions.map((interaction) => (
          <li key={interaction.id} data-testid="timeline-item" data-type={interaction.type}>
            <span class="timeline-type">
              {interaction.type} · {interaction.direction === 'inbound' ? 'in' : 'out'}
            </span>
            <time
              dateTime={new Date(interaction.at).toISOString()}
              title={new Date(interaction.at).toLocaleString()}
            >
              {relativeTime(interaction.at, now)}
            </time>
            {interaction.summary && <p>{interaction.summary}</p>}
            {interaction.link && isOpenable(interaction.link) && (
              <a
                class="timeline-link"
                href={interaction.link}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="timeline-link"
              >
                {linkLabel(interaction.link)}
              </a>
            )}
            {onDelete && (
              <button
                type="button"
                class="link timeline-delete"
                data-testid="delete-interaction"
                aria-label={`Delete this ${interaction.type}`}
                onClick={() => onDelete(interaction)}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ol>
      {hasMore && (
        <button type="button" onClick={onMore}>
          Older
        </button>
      )}
    </section>
  );
}

// Stored links are checked on write (LinkSchema); checked again here because an href is a sink.
function isOpenable(link: string): boolean {
  return /^(https?|mailto):/i.test(link);
}

function linkLabel(link: string): string {
  if (/^mailto:/i.test(link)) return link.slice(7);
  try {
    return `Open ${new URL(link).host}`;
  } catch {
    return 'Open link';
  }
}
