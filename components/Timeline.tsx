import { useState } from 'preact/hooks';
import type { Interaction, InteractionPatch } from '../lib/domain/interaction';
import { formatDateTime, t } from '../lib/platform/i18n';
import { INTERACTION_WORDS, relativeTime } from '../lib/ui/format';
import { InPlaceEdit } from './EditForm';
import { EditInteraction } from './EditInteraction';

export interface TimelineProps {
  interactions: Interaction[];
  now: number;
  hasMore: boolean;
  onMore: () => void;
  /** Shows a Delete button on each interaction (logged by mistake). */
  onDelete?: (interaction: Interaction) => void;
  /** Shows an Edit button on each interaction, to correct it in place. */
  onEdit?: (interaction: Interaction, patch: InteractionPatch) => void;
}

/** Interactions newest first; older ones a page at a time. */
export function Timeline({ interactions, now, hasMore, onMore, onDelete, onEdit }: TimelineProps) {
  const [editing, setEditing] = useState<string | null>(null);
  if (interactions.length === 0) {
    return (
      <p class="empty" data-testid="timeline">
        {t('timeline_empty')}
      </p>
    );
  }
  return (
    <section aria-label={t('timeline_label')}>
      <ol class="timeline" data-testid="timeline">
        {interactions.map((interaction) => (
          <li key={interaction.id} data-testid="timeline-item" data-type={interaction.type}>
            <span class="timeline-type">
              {INTERACTION_WORDS[interaction.type]} ·{' '}
              {interaction.direction === 'inbound' ? t('timeline_in') : t('timeline_out')}
            </span>
            <time
              dateTime={new Date(interaction.at).toISOString()}
              title={formatDateTime(interaction.at)}
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
            {onEdit && (
              <InPlaceEdit
                open={editing === interaction.id}
                onOpen={() => setEditing(interaction.id)}
                label={t('tidy_edit_interaction')}
                testId="edit-interaction"
                class="timeline-edit"
              >
                <EditInteraction
                  interaction={interaction}
                  onCancel={() => setEditing(null)}
                  onSave={(patch) => {
                    setEditing(null);
                    onEdit(interaction, patch);
                  }}
                />
              </InPlaceEdit>
            )}
            {onDelete && (
              <button
                type="button"
                class="link timeline-delete"
                data-testid="delete-interaction"
                aria-label={t('timeline_deleteThis', INTERACTION_WORDS[interaction.type])}
                onClick={() => onDelete(interaction)}
              >
                {t('timeline_delete')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {hasMore && (
        <button type="button" onClick={onMore}>
          {t('timeline_older')}
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
    return t('timeline_openHost', new URL(link).host);
  } catch {
    return t('timeline_openLink');
  }
}
