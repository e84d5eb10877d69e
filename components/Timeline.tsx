import type { Interaction } from '../lib/domain/interaction';
import { relativeTime } from '../lib/ui/format';

export interface TimelineProps {
  interactions: Interaction[];
  now: number;
  hasMore: boolean;
  onMore: () => void;
}

/** Interactions newest first; older ones a page at a time. */
export function Timeline({ interactions, now, hasMore, onMore }: TimelineProps) {
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
