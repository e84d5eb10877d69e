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
import { t } from '../lib/platform/i18n';
import { INTERACTION_LABELS } from '../lib/ui/format';
import type { FollowUpPatch } from '../lib/domain/part-patch';
import { EditFollowUp } from './EditFollowUp';
import { KindBadge } from './KindBadge';

/** The types a done item can be logged as, a note first. */
export const LOG_TYPES: readonly InteractionType[] = [
  'note',
  'call',
  'email',
  'meeting',
  'message',
];

export const typeLabel = (type: InteractionType) => INTERACTION_LABELS[type];

export function describeWhen(item: DueItemView, day: Intl.DateTimeFormat): string {
  if (item.state === 'today') return t('due_today');
  if (item.state === 'overdue') return t('due_wasDue', day.format(item.dueAt));
  return t('due_on', day.format(item.dueAt));
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
    ['tomorrow', t('due_tomorrow')],
    ['next-week', t('due_nextWeek')],
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
  /** Given, a follow-up can be corrected in place (its date and note). */
  onEdit?: (patch: FollowUpPatch) => void;
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
  onEdit,
}: DueRowProps) {
  const [panel, setPanel] = useState<'log' | 'snooze' | 'edit' | null>(null);
  const [type, setType] = useState<InteractionType>('note');
  const [summary, setSummary] = useState('');
  const summaryField = useRef<HTMLInputElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const snoozeButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const followUp = item.kind === 'followUp';
  const what = followUp
    ? t('due_followUp', item.note?.trim() || t('due_noNote'))
    : t('due_checkIn');

  // Before paint, so that a key pressed as the panel opens lands in it.
  useLayoutEffect(() => {
    if (panel === 'log') summaryField.current?.focus();
    if (panel === 'snooze') firstChoice.current?.focus();
  }, [panel]);

  const close = () => {
    const back = panel === 'log' ? doneButton : panel === 'edit' ? editButton : snoozeButton;
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
          {t('due_doneLogIt')}
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
            {t('due_snooze')}
          </button>
        )}
        {followUp && onEdit && (
          <button
            type="button"
            class="link"
            data-testid="due-edit"
            aria-expanded={panel === 'edit'}
            disabled={busy}
            ref={editButton}
            aria-label={t('tidy_edit_follow_up_label', item.partyName)}
            onClick={() => setPanel(panel === 'edit' ? null : 'edit')}
          >
            {t('tidy_edit')}
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
          aria-label={t('due_logLabel', item.partyName)}
          onSubmit={(event) => {
            event.preventDefault();
            onComplete({ type, summary: summary.trim() });
          }}
        >
          <div class="row">
            <label>
              {t('due_what')}
              <input
                type="text"
                value={summary}
                maxLength={10_000}
                placeholder={followUp ? item.note || t('due_followUpDone') : t('due_checkedIn')}
                onInput={(event) => setSummary(event.currentTarget.value)}
                data-testid="due-log-summary"
                ref={summaryField}
              />
            </label>
            <label class="due-log-type">
              {t('due_as')}
              <select
                value={type}
                onChange={(event) => setType(event.currentTarget.value as InteractionType)}
                data-testid="due-log-type"
              >
                {LOG_TYPES.map((option) => (
                  <option key={option} value={option}>
                    {INTERACTION_LABELS[option]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div class="due-actions">
            <button type="submit" class="primary" disabled={busy} data-testid="due-log-submit">
              {busy ? t('form_saving') : t('log_submit')}
            </button>
            {followUp && (
              <button
                type="button"
                disabled={busy}
                data-testid="due-done-only"
                onClick={() => onComplete(null)}
              >
                {t('due_doneOnly')}
              </button>
            )}
            <button type="button" class="link" onClick={close}>
              {t('common_cancel')}
            </button>
          </div>
        </form>
      )}
      {panel === 'edit' && onEdit && (
        <EditFollowUp
          partyName={item.partyName}
          dueAt={item.dueAt}
          note={item.note ?? ''}
          onCancel={close}
          onSave={(patch) => {
            close();
            onEdit(patch);
          }}
        />
      )}
      {panel === 'snooze' && (
        <div class="due-snooze" role="group" aria-label={t('due_snoozeLabel', item.partyName)}>
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
            {t('common_cancel')}
          </button>
        </div>
      )}
    </li>
  );
}
