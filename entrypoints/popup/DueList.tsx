import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { InteractionType } from '../../lib/domain/interaction';
import { localTimeZone, type SnoozeChoice, type TimeZone } from '../../lib/domain/local-calendar';
import type { FollowUpPatch } from '../../lib/domain/part-patch';
import type { Result } from '../../lib/domain/result';
import type { DueItemView } from '../../lib/protocol/areas/due';
import type { RequestInput, Response } from '../../lib/protocol/messages';
import { t, uiLanguage, type MessageKey } from '../../lib/platform/i18n';
import { choicesFor, describeWhen, DueRow } from '../../components/DueRow';
import { UndoNotice } from '../../components/options/UndoNotice';
import '../../components/due.css';
import { say } from '../../lib/ui/ui-text';

type DueMessage =
  'due/list' | 'due/complete' | 'due/snooze' | 'records/delete' | 'records/update' | 'undo/apply';

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
  { state: 'overdue', label: 'popup_due_overdue' },
  { state: 'today', label: 'popup_due_today' },
  { state: 'soon', label: 'popup_due_soon' },
] as const satisfies readonly { state: string; label: MessageKey }[];

const DONE_LOGGED: Record<InteractionType, MessageKey> = {
  note: 'popup_due_done_note',
  call: 'popup_due_done_call',
  email: 'popup_due_done_email',
  meeting: 'popup_due_done_meeting',
  message: 'popup_due_done_message',
};

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
  const [undo, setUndo] = useState<{ entryId: string; label: string } | null>(null);
  const list = useRef<HTMLElement>(null);
  // After an item leaves, focus goes to the one that took its place.
  const focusIndex = useRef<number | null>(null);

  const load = useCallback(async () => {
    const reply = await send('due/list', {});
    if (reply.ok) {
      setLoaded(reply.value);
      setProblem(null);
    } else setProblem(t('popup_due_read_failed', say(reply.error.message)));
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
      setStatus(`${say(reply.error.message)}`);
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
      log ? t(DONE_LOGGED[log.type], item.partyName) : t('popup_due_done_followup', item.partyName),
    );

  const remove = (item: DueItemView) =>
    act(
      item,
      async () => {
        const reply = await send('records/delete', { store: 'followUps', id: item.followUpId! });
        if (reply.ok)
          setUndo({ entryId: reply.value.entry.id, label: say(reply.value.entry.label) });
        return reply;
      },
      '',
    );

  const edit = (item: DueItemView, patch: FollowUpPatch) =>
    act(
      item,
      () => send('records/update', { store: 'followUps', id: item.followUpId!, patch }),
      t('tidy_updated_follow_up', item.partyName),
    );

  const takeBack = async () => {
    if (!undo) return;
    const reply = await send('undo/apply', { entryId: undo.entryId });
    setUndo(null);
    setStatus(reply.ok ? t('tidy_undone', say(reply.value.label)) : say(reply.error.message));
    await load();
  };

  const snooze = (item: DueItemView, choice: SnoozeChoice, label: string) =>
    act(
      item,
      () => send('due/snooze', { item: refOf(item), until: choice }),
      t('popup_due_snoozed', item.partyName, label),
    );

  const day = new Intl.DateTimeFormat(uiLanguage(), {
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
      <h2 id="due-heading">
        {loaded && loaded.count > 0
          ? t('popup_due_heading_count', loaded.count)
          : t('popup_view_due')}
      </h2>
      <p class="due-status" role="status" data-testid="due-status">
        {status}
      </p>
      {undo && (
        <UndoNotice
          message={t('tidy_deleted', undo.label)}
          onUndo={() => void takeBack()}
          onDismiss={() => setUndo(null)}
        />
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}{' '}
          <button type="button" onClick={() => void load()}>
            {t('popup_try_again')}
          </button>
        </p>
      )}
      {!loaded && !problem && <p class="muted">{t('popup_loading')}</p>}
      {loaded && loaded.items.length === 0 && (
        <p class="empty" data-testid="due-empty">
          {t('popup_due_empty')}
        </p>
      )}
      {loaded &&
        GROUPS.map(({ state, label }) => {
          const items = loaded.items.filter((item) => item.state === state);
          if (items.length === 0) return null;
          return (
            <div key={state} class={`due-group due-${state}`}>
              <h3 id={`due-group-${state}`}>{t(label)}</h3>
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
                    {...(item.followUpId
                      ? {
                          onDelete: () => void remove(item),
                          onEdit: (patch: FollowUpPatch) => void edit(item, patch),
                        }
                      : {})}
                  />
                ))}
              </ul>
            </div>
          );
        })}
      {loaded && loaded.total > loaded.items.length && (
        <p class="muted">{t('popup_due_more', loaded.items.length, loaded.total)}</p>
      )}
    </section>
  );
}
