import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ask, launchWithExtension, watchServiceWorker, type Launched } from './helpers';

/** The parts of `chrome` this test reads, beyond what globals.d.ts declares. */
interface DueChrome {
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  };
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    clear(id: string): Promise<boolean>;
  };
  action: { getTitle(details: object): Promise<string> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

const DAY_MS = 86_400_000;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > deadline)
      throw new Error(`${what} never happened (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/**
 * Reminders end to end in Chromium: a client out of touch for 40 days with a
 * follow-up that came due yesterday (the past stands in for a moving clock).
 * The periodic alarm wakes a stopped worker, which raises one digest; it is not
 * raised again; the Due list shows both; "Done, log it" records the interaction
 * and resets the check-in, and nothing is due any more.
 */
describe('what is due: announced once, done and logged', () => {
  let ext: Launched;
  let page: Page;

  beforeAll(async () => {
    ext = await launchWithExtension();
    page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('popup.html'));
  });

  afterAll(async () => {
    await ext?.close();
  });

  const notifications = () =>
    page.evaluate(() => (chrome as unknown as DueChrome).notifications.getAll());
  const title = () => page.evaluate(() => (chrome as unknown as DueChrome).action.getTitle({}));
  const shown = () =>
    page.evaluate(async () => {
      const stored = await (chrome as unknown as DueChrome).storage.local.get('dueReminders');
      return (stored.dueReminders as { shown?: { title: string; message: string } } | undefined)
        ?.shown;
    });
  /** Fires the periodic check as Chrome would, and waits until the worker has handled it. */
  async function firePeriodicCheck() {
    await page.evaluate(() =>
      (chrome as unknown as DueChrome).alarms.create('clientele-due-check', {
        when: Date.now() + 200,
      }),
    );
    // Handling ends by putting the 15-minute period back on the alarm.
    await until(
      () => page.evaluate(() => (chrome as unknown as DueChrome).alarms.get('clientele-due-check')),
      (alarm) => alarm?.periodInMinutes === 15,
      'the periodic check',
    );
  }

  it('announces one digest, never twice, and "Done, log it" resets the check-in', async () => {
    const created = await ask<{ view: { party: { id: string } } }>(page, 'parties/create', {
      name: 'Ada Lovelace',
      kind: 'client',
      emails: ['ada@northwind.example'],
    });
    const partyId = created.view.party.id;
    await ask(page, 'interactions/log', {
      partyId,
      type: 'call',
      at: Date.now() - 40 * DAY_MS,
      followUpAt: Date.now() - DAY_MS,
      summary: 'Send the proposal',
      requestId: 'e2e-seed',
    });

    // The worker sleeps; the alarm wakes it.
    const worker = await watchServiceWorker(ext.context, page);
    await worker.stop();
    await firePeriodicCheck();
    expect(await notifications()).toEqual({ 'clientele-due': true });
    expect(await shown()).toEqual({
      title: '1 check-in and 1 follow-up due',
      message: 'Ada Lovelace',
    });
    expect(await title()).toBe('Clientele — 2 due');

    // Dismissed; the next check finds nothing new and stays quiet.
    await page.evaluate(() =>
      (chrome as unknown as DueChrome).notifications.clear('clientele-due'),
    );
    await firePeriodicCheck();
    expect(await notifications()).toEqual({});

    const due = await ask<{
      items: { kind: string; partyId: string; followUpId?: string; state: string }[];
      count: number;
    }>(page, 'due/list', {});
    expect(due.count).toBe(2);
    expect(due.items.map((item) => [item.kind, item.partyId, item.state]).sort()).toEqual([
      ['checkIn', partyId, 'overdue'],
      ['followUp', partyId, 'overdue'],
    ]);
    const followUpId = due.items.find((item) => item.kind === 'followUp')?.followUpId;

    const before = Date.now();
    const done = await ask<{
      followUp: { status: string };
      interaction: { type: string; summary: string };
      view: { health: string; party: { lastInteractionAt: number; nextCheckInAt: number } };
    }>(page, 'due/complete', {
      item: { kind: 'followUp', id: followUpId },
      log: { type: 'note' },
    });
    expect(done.followUp.status).toBe('done');
    expect(done.interaction).toEqual(
      expect.objectContaining({ type: 'note', summary: 'Send the proposal' }),
    );
    expect(done.view.health).toBe('on-time');
    expect(done.view.party.lastInteractionAt).toBeGreaterThanOrEqual(before);
    // Thirty calendar days on: between 29 and 31 × 24 h whatever the zone's clocks do.
    const ahead = done.view.party.nextCheckInAt - done.view.party.lastInteractionAt;
    expect(ahead).toBeGreaterThanOrEqual(30 * DAY_MS - 3_600_000);
    expect(ahead).toBeLessThanOrEqual(30 * DAY_MS + 3_600_000);

    // Asked again (a retry), nothing more is logged.
    const again = await ask<{ replayed: boolean }>(page, 'due/complete', {
      item: { kind: 'followUp', id: followUpId },
      log: { type: 'note' },
    });
    expect(again.replayed).toBe(true);
    const timeline = await ask<{ interactions: { type: string }[] }>(page, 'interactions/list', {
      partyId,
    });
    expect(timeline.interactions.map((interaction) => interaction.type)).toEqual(['note', 'call']);

    const after = await ask<{ items: unknown[]; count: number }>(page, 'due/list', {});
    expect(after).toEqual({ items: [], count: 0, total: 0 });
    expect(await title()).toBe('Clientele');
  });
});
