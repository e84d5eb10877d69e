import { ok } from '../../../lib/domain/result';
import { normalizeEmail } from '../../../lib/domain/email';
import { dismissCorrespondent, listPeopleYouEmail } from '../../../lib/db/correspondent-repository';
import {
  logEmails,
  loggedByRequestId,
  removeLoggedEmail,
  undoneRequestIds,
  withRequestIds,
} from '../../../lib/db/email-log-repository';
import { DEFAULT_EMAIL_LOG } from '../../../lib/email/email-settings';
import { AUTO_LOGS_PER_MINUTE, createMinuteCap } from '../../../lib/email/minute-cap';
import { judgeThread, threadKeyOf } from '../../../lib/email/thread-log';
import { isWebmailUrl } from '../../../lib/platform/webmail-sites';
import type { emailMessages, ThreadReportMessage } from '../../../lib/protocol/areas/email';
import type { HandlersFor } from '../../../lib/protocol/listener';
import type { BackgroundDeps } from './deps';

/** Email that logs itself: the background decides what of a webmail thread is logged. */
export function createEmailHandlers(deps: BackgroundDeps): HandlersFor<typeof emailMessages> {
  const { repo } = deps;
  const minuteCap = createMinuteCap(AUTO_LOGS_PER_MINUTE, () => repo.clock());
  const memory = new Map<number, ThreadReportMessage>();
  const threads = deps.threads ?? {
    save: (tabId: number, thread: ThreadReportMessage) =>
      Promise.resolve(void memory.set(tabId, thread)),
    read: (tabId: number) => Promise.resolve(memory.get(tabId)),
  };
  const settingsNow = async () => {
    const settings = await repo.settings();
    return { ...settings, emailLog: settings.emailLog ?? DEFAULT_EMAIL_LOG };
  };
  const judge = async (thread: ThreadReportMessage) => {
    const settings = await settingsNow();
    const decision = await judgeThread(await repo.getDb(), thread, settings, repo.clock());
    return { settings, decision };
  };

  return {
    'email/threadRead': async (thread, sender) => {
      // The browser's word for where the report came from, never the page's.
      const url = sender.url ?? sender.tab?.url;
      const tabId = sender.tab?.id;
      if (tabId === undefined || !isWebmailUrl(url)) return ok({});
      const { emailLog } = await settingsNow();
      if (emailLog.mode === 'off') return ok({});
      const located = { ...thread, url: url! };
      const { decision } = await judge(located);
      const granted = emailLog.mode === 'auto' ? minuteCap.take(decision.candidates.length) : 0;
      const threadKey = threadKeyOf(located);
      await logEmails(repo, {
        candidates: decision.candidates.slice(0, granted),
        writtenTo: decision.writtenTo,
        ...(threadKey && { threadKey }),
      });
      // Saved after logging: a side panel watching the tab reads the thread's logs then.
      await threads.save(tabId, located, repo.clock());
      return ok(emailLog.keepOpening ? { opening: true } : {});
    },
    'email/thread': async ({ tabId }) => {
      const thread = await threads.read(tabId);
      const { settings, decision } = thread
        ? await judge(thread)
        : { settings: await settingsNow(), decision: undefined };
      const mode = settings.emailLog.mode;
      if (!decision) return ok({ mode, thread: false, offers: [], logged: [] });
      const keyed = await withRequestIds(decision.candidates);
      const ids = keyed.map((entry) => entry.requestId);
      const logged = await loggedByRequestId(repo, ids);
      const undone = await undoneRequestIds(repo, ids);
      const offers = new Map<string, { partyId: string; name: string; count: number }>();
      for (const { candidate, requestId } of keyed) {
        if (logged.has(requestId) || undone.has(requestId)) continue;
        const offer = offers.get(candidate.partyId);
        if (offer) offer.count++;
        else
          offers.set(candidate.partyId, {
            partyId: candidate.partyId,
            name: candidate.partyName,
            count: 1,
          });
      }
      const names = new Map(decision.candidates.map((c) => [c.partyId, c.partyName]));
      return ok({
        mode,
        thread: true,
        ...(thread?.subject && { subject: thread.subject }),
        offers: mode === 'off' ? [] : [...offers.values()],
        logged: [...logged.values()]
          .sort((a, b) => b.at - a.at)
          .map((interaction) => ({ interaction, name: names.get(interaction.partyId) ?? '' })),
      });
    },
    'email/logThread': async ({ tabId }) => {
      const thread = await threads.read(tabId);
      if (!thread) return ok({ logged: 0 });
      const { decision } = await judge(thread);
      const logged = await logEmails(repo, { candidates: decision.candidates });
      return ok({ logged: logged.length });
    },
    'email/undo': async ({ interactionId }) =>
      ok({ removed: await removeLoggedEmail(repo, interactionId) }),
    'email/people': async () => {
      const { emailLog } = await settingsNow();
      return ok({ people: await listPeopleYouEmail(repo.getDb, emailLog.suggestAfter) });
    },
    'email/dismissPerson': async ({ email }) => {
      const normalized = normalizeEmail(email);
      if (normalized) await dismissCorrespondent(repo.getDb, normalized, repo.clock());
      return ok({});
    },
  };
}
