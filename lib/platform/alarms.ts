import { browser } from 'wxt/browser';

/** Wakes the worker to look for anything newly due, however the records changed. */
export const DUE_CHECK_ALARM = 'clientele-due-check';
/** Wakes the worker when the next follow-up or check-in comes due. */
export const DUE_NEXT_ALARM = 'clientele-due-next';

/**
 * Every 15 minutes: follow-ups added from the log form are announced at most this
 * long after they come due, without the worker staying awake in between.
 */
export const DUE_CHECK_MINUTES = 15;

/** Calls `listener` with the name of each alarm that fires. Add it at the top of the worker. */
export function onAlarm(listener: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => listener(alarm.name));
}

/**
 * Makes sure the periodic check exists. Chrome keeps alarms across restarts only
 * "generally", and Firefox not at all, so this runs at every start.
 */
export async function ensureDueCheckAlarm(): Promise<void> {
  const existing = await browser.alarms.get(DUE_CHECK_ALARM);
  if (existing?.periodInMinutes === DUE_CHECK_MINUTES) return;
  await browser.alarms.create(DUE_CHECK_ALARM, {
    delayInMinutes: DUE_CHECK_MINUTES,
    periodInMinutes: DUE_CHECK_MINUTES,
  });
}

/** Sets the one-off alarm for the next due moment, or removes it when nothing is ahead. */
export async function scheduleNextDue(when: number | undefined): Promise<void> {
  if (when === undefined) {
    await browser.alarms.clear(DUE_NEXT_ALARM);
    return;
  }
  const existing = await browser.alarms.get(DUE_NEXT_ALARM);
  if (existing?.scheduledTime === when) return;
  await browser.alarms.create(DUE_NEXT_ALARM, { when });
}
