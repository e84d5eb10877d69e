import { browser } from 'wxt/browser';
import { z } from 'zod';
import { lazy } from '../domain/lazy';

/** One notification at a time: a new digest replaces the last one. */
export const DUE_NOTIFICATION = 'clientele-due';

/** Firefox notifications show no buttons (and refuse the option), so its actions live in the Due list. */
export const notificationButtonsSupported = !import.meta.env.FIREFOX;

// Chrome requires an icon on every notification; a data URL needs no packaged file.
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAABuUlEQVR42u2bPY7DIBCFI67gK9D5Gi7pqVz6CpS+gtuUnMcH4AK5glvLq5WGFVllExsDhuVFek2UYL/PmJ9h5saludWslBdjXJqWSyO4NAOXRnFpRpKi7wT9hv0HAIwMTVyamUuzcmm2nVrpPxO1wUoC0HFpNJdmOWD4kxZqs8sZQE9PbYusma6VDQCRyPgrEOJKAA11y+1iabqXpAC+yT8yMG/18O0NPuZVRsZ/S8UGMGVs3mqKBeBegHmre2gAU0HmD/WE0t/502PCntE+6E19+kSAIHwBNKGmOt9PwCmy8QGgrzIeAYQ+CkDkYDwwCHEEwJyb+QAQ5r0A+lzNB4DQ7wEwxzSfqp29veBVMCOK+RzaJHXvAOjc5vUI7eu/ADCfMFaKRU3gayxujPHU1Jd4RRdldXhqw1Oo+aeNkvfoX/DTf5oN3Pd/reTp23MH5gJoK+r+Vq0LQFRm/mcgtACGCgEMLgBVIQDlAhgrBDACAF4BDIKYBrEQwlIYmyFshxEQQUgMQVGExXEwgqMxHI7ieBwJEkiRQZIU0uSQKIlUWSRLI10eBRMomUHRFMrmUDiJ0lkUT9ehL2VphhIyqqR3AAAAAElFTkSuQmCC';

export interface DueNotice {
  title: string;
  message: string;
  /** Chrome only: button labels, in order; their index comes back on a click. */
  buttons?: string[];
}

/** The options `notifications.create` takes; buttons only where the browser shows them. */
export function notificationOptions(notice: DueNotice, withButtons = notificationButtonsSupported) {
  return {
    type: 'basic' as const,
    iconUrl: ICON,
    title: notice.title,
    message: notice.message,
    ...(withButtons && notice.buttons?.length
      ? { buttons: notice.buttons.map((title) => ({ title })) }
      : {}),
  };
}

export async function showDueNotification(notice: DueNotice): Promise<void> {
  await browser.notifications.create(DUE_NOTIFICATION, notificationOptions(notice));
}

export async function clearDueNotification(): Promise<void> {
  await browser.notifications.clear(DUE_NOTIFICATION);
}

/** Where a problem is told when no page of the extension is there to show it. */
export const PROBLEM_NOTIFICATION = 'clientele-problem';

export async function showProblemNotification(title: string, message: string): Promise<void> {
  await browser.notifications.create(
    PROBLEM_NOTIFICATION,
    notificationOptions({ title, message }, false),
  );
}

/** A click on the notification itself. Add at the top of the worker. */
export function onDueNotificationClicked(listener: () => void): void {
  browser.notifications.onClicked.addListener((id) => {
    if (id === DUE_NOTIFICATION) listener();
  });
}

/** A click on one of the notification's buttons (Chrome), by index. */
export function onDueNotificationButton(listener: (index: number) => void): void {
  // Firefox declares the event but never fires it; it shows no buttons to click.
  if (!notificationButtonsSupported) return;
  browser.notifications.onButtonClicked.addListener((id, index) => {
    if (id === DUE_NOTIFICATION) listener(index);
  });
}

/** Opens the popup's Due list in a tab (a notification cannot open the popup itself). */
export async function openDueList(): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?view=due` });
}

const RefSchema = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('followUp'), id: z.string().min(1).max(64) }),
    z.object({ kind: z.literal('checkIn'), partyId: z.string().min(1).max(64) }),
  ]),
);

/** What has been announced, so nothing is announced twice, kept across worker restarts. */
export const ReminderStateSchema = lazy(() =>
  z.object({
    /** Keys of the due items already announced (or seen in the Due list). */
    announced: z.array(z.string().max(300)).max(20_000),
    /** What the notification on screen says, when one is. */
    shown: z.object({ title: z.string().max(500), message: z.string().max(2000) }).optional(),
    /** The one item its buttons act on, when it names one. */
    single: RefSchema.optional(),
  }),
);
export type ReminderState = z.infer<typeof ReminderStateSchema>;

const STATE_KEY = 'dueReminders';

export async function readReminderState(): Promise<ReminderState> {
  const stored: Record<string, unknown> = await browser.storage.local.get(STATE_KEY);
  const parsed = ReminderStateSchema.safeParse(stored[STATE_KEY]);
  return parsed.success ? parsed.data : { announced: [] };
}

export async function writeReminderState(state: ReminderState): Promise<void> {
  await browser.storage.local.set({ [STATE_KEY]: ReminderStateSchema.parse(state) });
}
