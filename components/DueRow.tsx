import { t } from '../lib/platform/i18n';
// One due item: when it fell due, done (optionally logged), snooze choices, open.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { InteractionType } from '../lib/domain/interaction';
import {
  localDayNumber,
  snoozeUntil,
  type SnoozeChoice,
  type TimeZone,
} from '../lib/domain/local-calendar';
import type { DueItemView } from '../lib/protocol/areas/due';
import { KindBadge } from './KindBadge';

export const LOG_TYPES: { type: InteractionType; label: string }[] = [
  { type: 'note', label: 'Note' },
  { type: 'call', label: 'Call' },
  { type: 'email', label: 'Email' },
  { type: 'meeting', label: 'Meeting' },
  { type: 'message', label: 'Message' },
];

export const typeLabel = (type: InteractionType) =>
  LOG_TYPES.find((option) => option.type === type)?.label ?? type;

export function describeWhen(item: DueItemView, day: Intl.DateTimeFormat): string {
  if (item.state === 'today') return 'today';
  if (item.state === 'overdue') return `was due ${day.format(item.dueAt)}`;
  return `due ${day.format(item.dueAt)}`;
}

interface SnoozeOption {
  choice: SnoozeChoice;
  label: string;
  date: string;
}

/** Tomorrow and next week, each only when it moves the item later (a coming check-in may already be later). */
export function choicesFor(
  item: DueItemView,
  now: number,
  zone: TimeZone,
  day: Intl.DateTimeFormat,
): SnoozeOption[] {
  const options: SnoozeOption[] = [];
  for (const [choice, label] of [
    ['tomorrow', 'Tomorrow'],
    ['next-week', 'Next week'],
  ] as const) {
    const until = snoozeUntil(choice, now, zone);
    if (until <= item.dueAt) continue;
    // On a Sunday "next week" is tomorrow: offer it once.
    if (
      options.some(
        (option) =>
          localDayNumber(snoozeUntil(option.choice, now, zone), zone) ===
          localDayNumber(until, zone),
      )
    )
      continue;
    options.push({ choice, label, date: day.format(until) });
  }
  return options;
}

interface DueRowProps {
  item: DueItemView;
  busy: boolean;
  when: string;
  snoozeChoices: SnoozeOption[];
  onOpen: () => void;
  onComplete: (log: { type: InteractionType; summary: string } | null) => void;
  onSnooze: (choice: SnoozeChoice, label: string) => void;
  /** Given, a follow-up offers Delete (set by mistake); the list offers Undo. */
  onDelete?: () => void;
}

export function DueRow({
  item,
  busy,
  when,
  snoozeChoices,
  onOpen,
  onComplete,
  onSnooze,
  onDelete,
}: DueRowProps) {
  const [panel, setPanel] = useState<'log' | 'snooze' | null>(null);
  const [type, setType] = useState<InteractionType>('note');
  const [summary, setSummary] = useState('');
  const summaryField = useRef<HTMLInputElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const snoozeButton = useRef<HTMLButtonElement>(null);
  const followUp = item.kind === 'followUp';
  const what = followUp ? `Follow-up: ${item.note?.trim() || 'no note'}` : 'Check-in';

  // Before paint, so that a key pressed as the panel opens lands in it.
  useLayoutEffect(() => {
    if (panel === 'log') summaryField.current?.focus();
    if (panel === 'snooze') firstChoice.current?.focus();
  }, [panel]);

  const close = () => {
    const back = panel === 'log' ? doneButton : snoozeButton;
    setPanel(null);
    back.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && panel) {
      event.preventDefault();
      close();
    }
  };

  return (
    <li
      class="due-item"
      data-testid="due-item"
      data-party-id={item.partyId}
      data-due-kind={item.kind}
      data-state={item.state}
      onKeyDown={onKeyDown}
    >
      <div class="due-main">
        <button type="button" class="link due-name" data-testid="due-open" onClick={onOpen}>
          {item.partyName}
        </button>
        <KindBadge kind={item.partyKind} />
      </div>
      <p class="due-what">
        {what} <span class="muted">· {when}</span>
      </p>
      <div class="due-actions">
        <button
          type="button"
          class="primary"
          data-testid="due-done"
          aria-expanded={panel === 'log'}
          disabled={busy}
          ref={doneButton}
          onClick={() => setPanel(panel === 'log' ? null : 'log')}
        >
          Done, log it
        </button>
        {snoozeChoices.length > 0 && (
          <button
            type="button"
            data-testid="due-snooze"
            aria-expanded={panel === 'snooze'}
            disabled={busy}
            ref={snoozeButton}
            onClick={() => setPanel(panel === 'snooze' ? null : 'snooze')}
          >
            Snooze
          </button>
        )}
        {followUp && onDelete && (
          <button
            type="button"
            class="link"
            data-testid="due-delete"
            disabled={busy}
            aria-label={t('tidy_delete_follow_up_label', item.partyName)}
            onClick={onDelete}
          >
            {t('tidy_delete')}
          </button>
        )}
      </div>
      {panel === 'log' && (
        <form
          class="due-log"
          data-testid="due-log"
          aria-label={`Log it: ${item.partyName}`}
          onSubmit={(event) => {
            event.preventDefault();
            onComplete({ type, summary: summary.trim() });
          }}
        >
          <div class="row">
            <label>
              What
              <input
                type="text"
                value={summary}
                maxLength={10_000}
                placeholder={followUp ? item.note || 'Follow-up done' : 'Checked in'}
                onInput={(event) => setSummary(event.currentTarget.value)}
                data-testid="due-log-summary"
                ref={summaryField}
              />
            </label>
            <label class="due-log-type">
              As
              <select
                value={type}
                onChange={(event) => setType(event.currentTarget.value as InteractionType)}
                data-testid="due-log-type"
              >
                {LOG_TYPES.map((option) => (
                  <option key={option.type} value={option.type}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div class="due-actions">
            <button type="submit" class="primary" disabled={busy} data-testid="due-log-submit">
              {busy ? 'Saving…' : 'Log it'}
            </button>
            {followUp && (
              <button
                type="button"
                disabled={busy}
                data-testid="due-done-only"
                onClick={() => onComplete(null)}
              >
                Done, don’t log
              </button>
            )}
            <button type="button" class="link" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {panel === 'snooze' && (
        <div class="due-snooze" role="group" aria-label={`Snooze ${item.partyName} until`}>
          {snoozeChoices.map((option, index) => (
            <button
              key={option.choice}
              type="button"
              disabled={busy}
              data-testid={`due-snooze-${option.choice}`}
              ref={index === 0 ? firstChoice : undefined}
              onClick={() => onSnooze(option.choice, option.date)}
            >
              {option.label} <span class="muted">({option.date})</span>
            </button>
          ))}
          <button type="button" class="link" onClick={close}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}
