import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { InteractionType } from '../lib/domain/interaction';
import {
  localDayNumber,
  localTimeZone,
  snoozeUntil,
  type SnoozeChoice,
  type TimeZone,
} from '../lib/domain/local-calendar';
import type { Result } from '../lib/domain/result';
import type { DueItemView } from '../lib/protocol/areas/due';
import type { RequestInput, Response } from '../lib/protocol/messages';
import { KindBadge } from './KindBadge';
import './due.css';

type DueMessage = 'due/list' | 'due/complete' | 'due/snooze';

/** Sends one of the Due list's messages: `sendMessage` from lib/platform/messaging.ts fits. */
export type DueSend = <N extends DueMessage>(
  name: N,
  request: RequestInput<N>,
) => Promise<Result<Response<N>>>;

export interface DueListProps {
  send: DueSend;
  onOpen: (partyId: string) => void;
  /** The clock and zone snooze dates are shown in; tests pass fixed ones. */
  now?: () => number;
  timeZone?: TimeZone;
}

const GROUPS = [
  { state: 'overdue', label: 'Overdue' },
  { state: 'today', label: 'Today' },
  { state: 'soon', label: 'Coming up' },
] as const;

const LOG_TYPES: { type: InteractionType; label: string }[] = [
  { type: 'note', label: 'Note' },
  { type: 'call', label: 'Call' },
  { type: 'email', label: 'Email' },
  { type: 'meeting', label: 'Meeting' },
  { type: 'message', label: 'Message' },
];

const typeLabel = (type: InteractionType) =>
  LOG_TYPES.find((option) => option.type === type)?.label ?? type;

type Loaded = { items: DueItemView[]; count: number; total: number };

const refOf = (item: DueItemView) =>
  item.kind === 'followUp' && item.followUpId
    ? { kind: 'followUp' as const, id: item.followUpId }
    : { kind: 'checkIn' as const, partyId: item.partyId };

/**
 * What is due: overdue and today's check-ins and follow-ups, then the check-ins
 * coming up. Each can be done ("Done, log it": Enter logs a note at once), snoozed to
 * tomorrow or next week, or opened. It loads and acts through `send`.
 */
export function DueList({ send, onOpen, now = Date.now, timeZone }: DueListProps) {
  const zone = timeZone ?? localTimeZone();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const list = useRef<HTMLElement>(null);
  // After an item leaves, focus goes to the one that took its place.
  const focusIndex = useRef<number | null>(null);

  const load = useCallback(async () => {
    const reply = await send('due/list', {});
    if (reply.ok) {
      setLoaded(reply.value);
      setProblem(null);
    } else setProblem(`Could not read what is due: ${reply.error.message}`);
  }, [send]);

  useEffect(() => void load(), [load]);

  useLayoutEffect(() => {
    if (focusIndex.current === null || !list.current) return;
    const rows = list.current.querySelectorAll<HTMLElement>('[data-testid="due-open"]');
    const target = rows[Math.min(focusIndex.current, rows.length - 1)] ?? list.current;
    focusIndex.current = null;
    target.focus();
  }, [loaded]);

  const act = async (item: DueItemView, work: () => Promise<Result<unknown>>, done: string) => {
    setBusyKey(item.key);
    const reply = await work();
    setBusyKey(null);
    if (!reply.ok) {
      setStatus(`${reply.error.message}`);
      return;
    }
    focusIndex.current = loaded?.items.findIndex((other) => other.key === item.key) ?? 0;
    setStatus(done);
    await load();
  };

  const complete = (item: DueItemView, log: { type: InteractionType; summary: string } | null) =>
    act(
      item,
      () =>
        send('due/complete', {
          item: refOf(item),
          ...(log
            ? { log: { type: log.type, ...(log.summary ? { summary: log.summary } : {}) } }
            : {}),
        }),
      log
        ? `Done: ${typeLabel(log.type).toLowerCase()} logged for ${item.partyName}.`
        : `Done: the follow-up with ${item.partyName}.`,
    );

  const snooze = (item: DueItemView, choice: SnoozeChoice, label: string) =>
    act(
      item,
      () => send('due/snooze', { item: refOf(item), until: choice }),
      `Snoozed ${item.partyName} until ${label}.`,
    );

  const day = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: zone,
  });

  return (
    <section
      class="due-list"
      data-testid="due-list"
      aria-labelledby="due-heading"
      ref={list}
      tabIndex={-1}
    >
      <h2 id="due-heading">{loaded && loaded.count > 0 ? `Due (${loaded.count})` : 'Due'}</h2>
      <p class="due-status" role="status" data-testid="due-status">
        {status}
      </p>
      {problem && (
        <p class="error" role="alert">
          {problem}{' '}
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </p>
      )}
      {!loaded && !problem && <p class="muted">Loading…</p>}
      {loaded && loaded.items.length === 0 && (
        <p class="empty" data-testid="due-empty">
          Nothing due. Check-ins and follow-ups show up here on the day they come due.
        </p>
      )}
      {loaded &&
        GROUPS.map(({ state, label }) => {
          const items = loaded.items.filter((item) => item.state === state);
          if (items.length === 0) return null;
          return (
            <div key={state} class={`due-group due-${state}`}>
              <h3 id={`due-group-${state}`}>{label}</h3>
              <ul class="due-items" aria-labelledby={`due-group-${state}`}>
                {items.map((item) => (
                  <DueRow
                    key={item.key}
                    item={item}
                    busy={busyKey === item.key}
                    when={describeWhen(item, day)}
                    snoozeChoices={choicesFor(item, now(), zone, day)}
                    onOpen={() => onOpen(item.partyId)}
                    onComplete={(log) => void complete(item, log)}
                    onSnooze={(choice, text) => void snooze(item, choice, text)}
                  />
                ))}
              </ul>
            </div>
          );
        })}
      {loaded && loaded.total > loaded.items.length && (
        <p class="muted">
          Showing the first {loaded.items.length} of {loaded.total}.
        </p>
      )}
    </section>
  );
}

function describeWhen(item: DueItemView, day: Intl.DateTimeFormat): string {
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
function choicesFor(
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
}

function DueRow({ item, busy, when, snoozeChoices, onOpen, onComplete, onSnooze }: DueRowProps) {
  const [panel, setPanel] = useState<'log' | 'snooze' | null>(null);
  const [type, setType] = useState<InteractionType>('note');
  const [summary, setSummary] = useState('');
  const summaryField = useRef<HTMLInputElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const snoozeButton = useRef<HTMLButtonElement>(null);
  const followUp = item.kind === 'followUp';
  const what = followUp ? `Follow-up: ${item.note?.trim() || 'no note'}` : 'Check-in';

  useEffect(() => {
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
