import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY_MS } from '../../lib/domain/clock';
import { DEFAULT_CADENCE } from '../../lib/domain/cadence';
import { completeDue, readDue, type DueItem } from '../../lib/db/due-repository';
import { logInteraction } from '../../lib/db/interaction-repository';
import { createDbOpener } from '../../lib/db/open';
import { createParty, type RepositoryContext } from '../../lib/db/party-repository';
import { DUE_CHECK_ALARM, DUE_CHECK_MINUTES, DUE_NEXT_ALARM } from '../../lib/platform/alarms';
import {
  DUE_NOTIFICATION,
  notificationOptions,
  readReminderState,
} from '../../lib/platform/notifications';
import { CHANNEL } from '../../lib/protocol/envelope';
import { installPermissionAndScriptingStubs } from '../../tests/unit/fake-browser-extras';
import background from './index';
import { createReminders, describeDue, dueButtons } from './reminders';

// What the worker does after an event is several fake-IndexedDB round trips: a
// busy machine can take more than vi.waitFor's default second over them.
const PATIENTLY = { timeout: 10_000, interval: 25 };

const HOUR = 3_600_000;
const NY = 'America/New_York';
// 10:00 on a Monday in New York.
const T = Date.parse('2026-11-23T10:00-05:00');

const item = (kind: DueItem['kind'], partyName: string, rest: Partial<DueItem> = {}): DueItem => ({
  kind,
  key: `${kind}:${partyName}`,
  partyId: partyName,
  partyName,
  partyKind: 'client',
  dueAt: T,
  state: 'overdue',
  ...rest,
});

describe('describeDue', () => {
  it.each([
    [
      'one follow-up, told in full with buttons',
      [item('followUp', 'Ada', { note: 'Send the proposal' })],
      'Follow-up due: Ada',
      'Send the proposal',
    ],
    ['one check-in', [item('checkIn', 'Ada')], 'Check-in due: Ada', 'Time to get in touch.'],
    [
      'a follow-up with no note',
      [item('followUp', 'Ada', { note: ' ' })],
      'Follow-up due: Ada',
      'A follow-up is due.',
    ],
    [
      'three check-ins and a follow-up',
      [
        item('checkIn', 'Ada'),
        item('checkIn', 'Grace'),
        item('checkIn', 'Marcus'),
        item('followUp', 'Ada'),
      ],
      '3 check-ins and 1 follow-up due',
      'Ada, Grace, Marcus',
    ],
    [
      'two follow-ups',
      [item('followUp', 'Ada'), item('followUp', 'Zoe')],
      '2 follow-ups due',
      'Ada, Zoe',
    ],
    [
      'many people',
      ['A', 'B', 'C', 'D', 'E'].map((name) => item('checkIn', name)),
      '5 check-ins due',
      'A, B, C and 2 more',
    ],
  ])('%s', (_label, items, title, message) => {
    const notice = describeDue(items);
    expect(notice).toMatchObject({ title, message });
    expect(notice.buttons).toEqual(
      items.length === 1 ? ['Done, log it', 'Snooze until tomorrow'] : undefined,
    );
  });
});

describe('notificationOptions', () => {
  const notice = { title: 'Check-in due: Ada', message: 'Time', buttons: ['A', 'B'] };

  it('carries buttons where the browser shows them (Chrome)', () => {
    expect(notificationOptions(notice, true)).toMatchObject({
      type: 'basic',
      title: 'Check-in due: Ada',
      message: 'Time',
      buttons: [{ title: 'A' }, { title: 'B' }],
      iconUrl: expect.stringMatching(/^data:image\/png;base64,/),
    });
  });

  it('leaves them out where it refuses them (Firefox)', () => {
    expect(notificationOptions(notice, false)).not.toHaveProperty('buttons');
  });
});

interface TestContext extends RepositoryContext {
  setNow(instant: number): void;
}

function makeContext(): TestContext {
  let now = T;
  return {
    getDb: createDbOpener(`clientele-reminders-${crypto.randomUUID()}`),
    clock: () => now,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
    setNow: (instant) => {
      now = instant;
    },
  };
}

/** A client last touched `daysAgo` days ago, with a follow-up due at `followUpAt`. */
async function clientWith(
  context: TestContext,
  name: string,
  daysAgo: number,
  followUpAt?: number,
) {
  const created = await createParty(context, { name, kind: 'client' });
  if (!created.ok) throw new Error(created.error.message.code);
  const partyId = created.value.party.id;
  const logged = await logInteraction(context, {
    partyId,
    type: 'call',
    at: T - daysAgo * DAY_MS,
    summary: `Talked to ${name}`,
    requestId: crypto.randomUUID(),
    ...(followUpAt !== undefined ? { followUpAt } : {}),
  });
  if (!logged.ok) throw new Error(logged.error.message.code);
  return { partyId, followUpId: logged.value.followUp?.id };
}

const shown = () => fakeBrowser.notifications.getAllCreateOptions()[DUE_NOTIFICATION];

describe('createReminders', () => {
  let context: TestContext;
  let reminders: ReturnType<typeof createReminders>;

  beforeEach(() => {
    context = makeContext();
    reminders = createReminders({ repo: context }, () => NY);
  });

  it('raises one digest for everything due, with the count in the title', async () => {
    await clientWith(context, 'Ada Lovelace', 40, T - HOUR); // check-in overdue + follow-up due
    await clientWith(context, 'Grace Hopper', 35); // check-in overdue
    await clientWith(context, 'Marcus Chen', 2); // nothing due
    const create = vi.spyOn(fakeBrowser.notifications, 'create');

    await reminders.announce();

    expect(create).toHaveBeenCalledTimes(1);
    expect(shown()).toMatchObject({ title: '2 check-ins and 1 follow-up due' });
    expect(shown()?.message).toMatch(/^(Ada Lovelace, Grace Hopper|Grace Hopper, Ada Lovelace)$/);
    expect(shown()).not.toHaveProperty('buttons');
    expect(await fakeBrowser.action.getTitle({})).toBe('Clientele — 3 due');
    expect((await readReminderState()).announced).toHaveLength(3);
  });

  it('never announces the same items twice, and announces what comes due later', async () => {
    await clientWith(context, 'Ada Lovelace', 40, T - HOUR);
    await clientWith(context, 'Grace Hopper', 3, T + 2 * HOUR);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');

    await reminders.announce();
    expect(create).toHaveBeenCalledTimes(1);
    // The next alarm is set for Grace's follow-up; the periodic check exists.
    expect((await fakeBrowser.alarms.get(DUE_NEXT_ALARM))?.scheduledTime).toBe(T + 2 * HOUR);
    expect((await fakeBrowser.alarms.get(DUE_CHECK_ALARM))?.periodInMinutes).toBe(
      DUE_CHECK_MINUTES,
    );

    await fakeBrowser.notifications.clear(DUE_NOTIFICATION); // the user dismissed it
    context.setNow(T + HOUR);
    await reminders.announce();
    expect(create).toHaveBeenCalledTimes(1);
    expect(shown()).toBeUndefined();

    context.setNow(T + 2 * HOUR);
    await reminders.announce();
    expect(create).toHaveBeenCalledTimes(2);
    expect(shown()).toMatchObject({ title: '1 check-in and 2 follow-ups due' });
  });

  it('a single item carries "Done, log it" and "Snooze"', async () => {
    const { followUpId } = await clientWith(context, 'Ada Lovelace', 1, T - HOUR);
    await reminders.announce();
    expect(shown()).toMatchObject({
      title: 'Follow-up due: Ada Lovelace',
      message: 'Talked to Ada Lovelace',
      buttons: dueButtons().map((title) => ({ title })),
    });
    expect((await readReminderState()).single).toEqual({ kind: 'followUp', id: followUpId });
  });

  it('"Done, log it" on the notification logs a note and closes the follow-up', async () => {
    const { partyId, followUpId } = await clientWith(context, 'Ada Lovelace', 1, T - HOUR);
    await reminders.announce();
    context.setNow(T + 60_000);
    await reminders.act(0);
    const db = await context.getDb();
    expect(await db.get('followUps', followUpId!)).toMatchObject({ status: 'done' });
    const logged = await db.getAllFromIndex(
      'interactions',
      'byPartyAt',
      IDBKeyRange.bound([partyId, T, ''], [partyId, Infinity, '']),
    );
    expect(logged).toMatchObject([{ type: 'note', summary: 'Talked to Ada Lovelace' }]);
    expect((await db.get('parties', partyId))?.lastInteractionAt).toBe(T + 60_000);
    expect(shown()).toBeUndefined();
    expect(await fakeBrowser.action.getTitle({})).toBe('Clientele');
  });

  it('"Snooze" moves it to 9:00 tomorrow in the user’s zone', async () => {
    const { partyId } = await clientWith(context, 'Ada Lovelace', 40);
    await reminders.announce();
    expect((await readReminderState()).single).toEqual({ kind: 'checkIn', partyId });
    await reminders.act(1);
    const db = await context.getDb();
    expect((await db.get('parties', partyId))?.nextCheckInAt).toBe(
      Date.parse('2026-11-24T09:00-05:00'),
    );
    expect(shown()).toBeUndefined();
  });

  it('a click opens the Due list in a tab and puts the notification away', async () => {
    await clientWith(context, 'Ada Lovelace', 40);
    await reminders.announce();
    await reminders.open();
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(
      'chrome-extension://test-extension-id/popup.html?view=due',
    );
    expect(shown()).toBeUndefined();
  });

  it('reading the Due list counts as seeing it: no notification for what it showed', async () => {
    await clientWith(context, 'Ada Lovelace', 40, T - HOUR);
    await reminders.seen(await readDue(context, NY));
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await reminders.announce();
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getTitle({})).toBe('Clientele — 2 due');
  });

  it('clears the notification and the title once nothing is due', async () => {
    const { followUpId } = await clientWith(context, 'Ada Lovelace', 40, T - HOUR);
    await reminders.announce();
    expect(shown()).toBeDefined();
    await completeDue(
      context,
      { kind: 'followUp', id: followUpId! },
      {
        log: { type: 'call', direction: 'outbound' },
        words: { followUpDone: 'Follow-up done', checkedIn: 'Checked in' },
      },
    );
    await reminders.announce();
    expect(shown()).toBeUndefined();
    expect(await fakeBrowser.action.getTitle({})).toBe('Clientele');
    expect(await readReminderState()).toEqual({ announced: [] });
  });

  it('survives damaged stored state by starting afresh', async () => {
    await fakeBrowser.storage.local.set({ dueReminders: { announced: 'everything' } });
    await clientWith(context, 'Ada Lovelace', 40);
    await reminders.announce();
    expect(shown()).toMatchObject({ title: 'Check-in due: Ada Lovelace' });
  });
});

describe('reminders in the worker', () => {
  const popup = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };

  /** Writes through the worker's own message listener, as the popup would. */
  async function send(name: string, request: unknown): Promise<Record<string, unknown>> {
    const reply = await new Promise<unknown>((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(
        { channel: CHANNEL, name, request },
        popup,
        resolve,
      );
    });
    const settled = reply as { ok: boolean; value: Record<string, unknown> };
    if (!settled.ok) throw new Error(JSON.stringify(reply));
    return settled.value;
  }

  /** A client whose check-in came due while the browser was closed, and a follow-up. */
  async function overdueClient() {
    const created = await send('parties/create', { name: 'Ada Lovelace', kind: 'client' });
    const partyId = (created.view as { party: { id: string } }).party.id;
    await send('interactions/log', {
      partyId,
      type: 'call',
      at: Date.now() - 40 * DAY_MS,
      followUpAt: Date.now() - DAY_MS,
      summary: 'Sent the proposal',
      requestId: 'r-1',
    });
    return partyId;
  }

  beforeEach(() => {
    installPermissionAndScriptingStubs();
    background.main();
  });

  it.each([
    ['the browser starts', () => fakeBrowser.runtime.onStartup.trigger()],
    [
      'the extension is installed or updated',
      () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.1' }),
    ],
    [
      'the periodic alarm wakes it',
      () =>
        fakeBrowser.alarms.onAlarm.trigger({
          name: DUE_CHECK_ALARM,
          scheduledTime: Date.now(),
          persistAcrossSessions: true,
        }),
    ],
    [
      'the next-due alarm wakes it',
      () =>
        fakeBrowser.alarms.onAlarm.trigger({
          name: DUE_NEXT_ALARM,
          scheduledTime: Date.now(),
          persistAcrossSessions: true,
        }),
    ],
  ])('announces what is due when %s', async (_label, wake) => {
    await overdueClient();
    expect(shown()).toBeUndefined();
    await wake();
    await vi.waitFor(
      () => expect(shown()).toMatchObject({ title: '1 check-in and 1 follow-up due' }),
      PATIENTLY,
    );
    expect(await fakeBrowser.action.getTitle({})).toBe('Clientele — 2 due');
  });

  it('ignores alarms that are not its own', async () => {
    await overdueClient();
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'something-else',
      scheduledTime: 0,
      persistAcrossSessions: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown()).toBeUndefined();
  });

  it('a click on the notification opens the Due list', async () => {
    await overdueClient();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(shown()).toBeDefined(), PATIENTLY);
    await fakeBrowser.notifications.onClicked.trigger(DUE_NOTIFICATION);
    await vi.waitFor(async () => {
      const tabs = await fakeBrowser.tabs.query({});
      expect(tabs.map((tab) => tab.url)).toContain(
        'chrome-extension://test-extension-id/popup.html?view=due',
      );
      expect(shown()).toBeUndefined();
    }, PATIENTLY);
  });

  it('a button on a single-item notification acts on that item', async () => {
    const created = await send('parties/create', { name: 'Grace Hopper', kind: 'prospect' });
    const partyId = (created.view as { party: { id: string } }).party.id;
    await send('interactions/log', {
      partyId,
      type: 'email',
      at: Date.now() - 20 * DAY_MS,
      requestId: 'r-2',
    });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(
      () => expect(shown()).toMatchObject({ title: 'Check-in due: Grace Hopper' }),
      PATIENTLY,
    );
    await fakeBrowser.notifications.onButtonClicked.trigger(DUE_NOTIFICATION, 0);
    await vi.waitFor(async () => {
      const view = await send('parties/get', { id: partyId });
      expect(view.health).toBe('on-time');
      expect(shown()).toBeUndefined();
    }, PATIENTLY);
  });
});
