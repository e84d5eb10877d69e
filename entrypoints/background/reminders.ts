import { t, tCount } from '../../lib/platform/i18n';
import { browser } from 'wxt/browser';
import { localTimeZone, snoozeUntil, type TimeZone } from '../../lib/domain/cadence';
import {
  completeDue,
  readDue,
  snoozeDue,
  refOf,
  type DoneWords,
  type DueItem,
  type DueSnapshot,
} from '../../lib/db/due-repository';
import {
  DUE_CHECK_ALARM,
  DUE_NEXT_ALARM,
  ensureDueCheckAlarm,
  onAlarm,
  scheduleNextDue,
} from '../../lib/platform/alarms';
import { showDueCount } from '../../lib/platform/badge';
import {
  clearDueNotification,
  onDueNotificationButton,
  onDueNotificationClicked,
  openDueList,
  readReminderState,
  showDueNotification,
  writeReminderState,
  type DueNotice,
} from '../../lib/platform/notifications';
import type { RepositoryContext } from '../../lib/db/party-repository';
import type { BackgroundDeps } from './handlers';

/** The notification's buttons, in the order `onDueNotificationButton` gets their index. */
export const dueButtons = () => [t('menu_due_done'), t('menu_due_snooze')];

/** What "done" logs when nothing was typed, in the user's language (stored as the summary). */
export const doneWords = (): DoneWords => ({
  followUpDone: t('due_followUpDone'),
  checkedIn: t('due_checkedIn'),
});

/**
 * One notification for everything due: "3 check-ins and 1 follow-up due" and who
 * they are, or a single item told in full, with buttons to act on it.
 */
export function describeDue(items: readonly DueItem[]): DueNotice {
  const [only] = items;
  if (only && items.length === 1) {
    const followUp = only.kind === 'followUp';
    return {
      title: t(followUp ? 'menu_due_followup' : 'menu_due_checkin', only.partyName),
      message: followUp
        ? only.note?.trim() || t('menu_due_followup_message')
        : t('menu_due_checkin_message'),
      buttons: dueButtons(),
    };
  }
  const checkIns = items.filter((item) => item.kind === 'checkIn').length;
  const followUps = items.length - checkIns;
  const title =
    checkIns > 0 && followUps > 0
      ? t(
          'menu_due_both',
          tCount('menu_due_checkins', checkIns),
          tCount('menu_due_followups', followUps),
        )
      : t(
          'menu_due_some',
          checkIns > 0
            ? tCount('menu_due_checkins', checkIns)
            : tCount('menu_due_followups', followUps),
        );
  const names = [...new Set(items.map((item) => item.partyName))];
  const shown = names.slice(0, 3).join(', ');
  const message = names.length > 3 ? t('menu_due_names_more', shown, names.length - 3) : shown;
  return { title, message };
}

/** Runs a reminder step without letting its failure reach the caller's own work. */
async function guarded(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    console.error('Clientele: reminders', error);
  }
}

/**
 * Reminders over the store: what is due now is read afresh each time, and what was
 * announced is kept in storage, so a stopped worker forgets nothing.
 */
export function createReminders(
  { repo }: { repo: RepositoryContext },
  zoneOf: () => TimeZone = localTimeZone,
) {
  const dueNow = (due: DueSnapshot) => due.items.filter((item) => item.dueAt <= repo.clock());

  /** The title's count, the next alarm, the periodic check. */
  const settle = async (due: DueSnapshot) => {
    await showDueCount(due.count);
    await scheduleNextDue(due.nextDueAt);
    await ensureDueCheckAlarm();
  };

  /** Raises one digest when anything came due that was not announced; else stays quiet. */
  const announce = () =>
    guarded(async () => {
      const due = await readDue(repo, zoneOf());
      const now = dueNow(due);
      const state = await readReminderState();
      const announced = new Set(state.announced);
      const keys = now.map((item) => item.key);
      if (now.length === 0) {
        if (state.shown) await clearDueNotification();
        await writeReminderState({ announced: [] });
      } else if (keys.some((key) => !announced.has(key))) {
        const notice = describeDue(now);
        await showDueNotification(notice);
        const single = now.length === 1 && now[0] ? refOf(now[0]) : undefined;
        await writeReminderState({
          announced: keys,
          shown: { title: notice.title, message: notice.message },
          ...(single ? { single } : {}),
        });
      } else {
        await writeReminderState({ ...state, announced: keys });
      }
      await settle(due);
    });

  /** The Due list was read: what it showed as due now counts as announced. */
  const seen = (due: DueSnapshot) =>
    guarded(async () => {
      const state = await readReminderState();
      if (state.shown) await clearDueNotification();
      await writeReminderState({ announced: dueNow(due).map((item) => item.key) });
      await settle(due);
    });

  /** Something was done or snoozed: the notification on screen is out of date. */
  const refresh = () =>
    guarded(async () => {
      const due = await readDue(repo, zoneOf());
      const state = await readReminderState();
      if (state.shown) await clearDueNotification();
      const still = new Set(dueNow(due).map((item) => item.key));
      await writeReminderState({ announced: state.announced.filter((key) => still.has(key)) });
      await settle(due);
    });

  /** "Done, log it" (0) or "Snooze" (1) on a single-item notification. */
  const act = (index: number) =>
    guarded(async () => {
      const { single } = await readReminderState();
      if (!single) return openDueList();
      if (index === 0) {
        await completeDue(repo, single, {
          log: { type: 'note', direction: 'outbound' },
          words: doneWords(),
        });
      } else {
        await snoozeDue(repo, single, snoozeUntil('tomorrow', repo.clock(), zoneOf()));
      }
      await refresh();
    });

  const open = () =>
    guarded(async () => {
      await clearDueNotification();
      await writeReminderState({ announced: (await readReminderState()).announced });
      await openDueList();
    });

  return { announce, seen, refresh, act, open };
}

/**
 * Check-ins and follow-ups coming due: alarms wake the worker, which raises one
 * digest notification. Listeners are added synchronously, at the top of the worker,
 * so an alarm or a click that wakes it is heard. What came due while the browser
 * was closed is announced when it starts again.
 */
export function registerReminders(deps: BackgroundDeps): void {
  const reminders = createReminders(deps);
  onAlarm((name) => {
    if (name === DUE_CHECK_ALARM || name === DUE_NEXT_ALARM) void reminders.announce();
  });
  onDueNotificationClicked(() => void reminders.open());
  onDueNotificationButton((index) => void reminders.act(index));
  browser.runtime.onStartup.addListener(() => void reminders.announce());
  browser.runtime.onInstalled.addListener(() => void reminders.announce());
}
