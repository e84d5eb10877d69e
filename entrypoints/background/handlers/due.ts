import { localTimeZone, snoozeUntil } from '../../../lib/domain/cadence';
import { ok } from '../../../lib/domain/result';
import { completeDue, readDue, snoozeDue } from '../../../lib/db/due-repository';
import { addFollowUp, listOpenFollowUps } from '../../../lib/db/follow-up-repository';
import type { dueMessages } from '../../../lib/protocol/areas/due';
import type { HandlersFor } from '../../../lib/protocol/listener';
import { createReminders, doneWords } from '../reminders';
import { viewOf, type BackgroundDeps } from './deps';

/**
 * The Due list's answers, and a party's follow-ups for its record. Dates are counted in the machine's zone, which is the
 * user's; after each, the reminders catch up (title, next alarm, notification).
 */
export function createDueHandlers(deps: BackgroundDeps): HandlersFor<typeof dueMessages> {
  const { repo } = deps;
  const reminders = createReminders(deps);
  return {
    'due/list': async ({ limit }) => {
      const due = await readDue(repo, localTimeZone());
      await reminders.seen(due);
      return ok({
        items: due.items.slice(0, limit),
        count: due.count,
        total: due.items.length,
      });
    },
    'due/complete': async ({ item, log, requestId }) => {
      const done = await completeDue(repo, item, {
        ...(log ? { log } : {}),
        ...(requestId ? { requestId } : {}),
        words: doneWords(),
      });
      if (!done.ok) return done;
      await reminders.refresh();
      const { party, ...rest } = done.value;
      return ok({ ...rest, ...(party ? { view: await viewOf(repo, party) } : {}) });
    },
    'due/snooze': async ({ item, until }) => {
      const when =
        typeof until === 'number' ? until : snoozeUntil(until, repo.clock(), localTimeZone());
      const snoozed = await snoozeDue(repo, item, when);
      if (!snoozed.ok) return snoozed;
      await reminders.refresh();
      const { party, ...rest } = snoozed.value;
      return ok({ ...rest, ...(party ? { view: await viewOf(repo, party) } : {}) });
    },
    'followUps/list': async ({ partyId }) =>
      ok({ followUps: await listOpenFollowUps(repo.getDb, partyId) }),
    'followUps/create': async (draft) => {
      const added = await addFollowUp(repo, draft);
      // One set for today (or earlier) is due at once: the title and alarm catch up.
      if (added.ok && !added.value.replayed) await reminders.refresh();
      return added;
    },
  };
}
