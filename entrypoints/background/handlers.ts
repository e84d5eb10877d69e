import { checkInHealth, ok, type CadenceDefaults, type Party } from '../../lib/domain';
import {
  createParty,
  getParty,
  setPartyKind,
  type RepositoryContext,
} from '../../lib/db/party-repository';
import { listInteractions, logInteraction } from '../../lib/db/interaction-repository';
import { readSearchRows } from '../../lib/db/search-projection';
import { knownTexts, pageContacts } from '../../lib/findings/page-contacts';
import { screenFindings } from '../../lib/findings/screen';
import type { PageFindings, PartyView } from '../../lib/protocol/contact-schemas';
import type { Handlers } from '../../lib/protocol/listener';

export interface BackgroundDeps {
  /** The store, with settings that also carry the never-capture list. */
  repo: Omit<RepositoryContext, 'settings'> & {
    settings: () => Promise<{ region: string; cadence: CadenceDefaults; neverCapture: string[] }>;
  };
  findings: {
    save: (tabId: number, findings: PageFindings) => Promise<void>;
    read: (tabId: number) => Promise<PageFindings | undefined>;
  };
  /** Runs the scanner in a tab now and returns what it found (undefined if the tab cannot be scanned). */
  scanTab: (tabId: number) => Promise<PageFindings | undefined>;
  /** Shows how many contacts a tab holds on the toolbar icon. */
  badge: (tabId: number, count: number) => Promise<void>;
}

/**
 * The background's answers, one per message. Each is a thin adapter: parsing and
 * sender checks happened in the listener, rules live in lib/domain and lib/db.
 */
export function createHandlers(deps: BackgroundDeps): Handlers {
  const { repo } = deps;
  const view = async (party: Party): Promise<PartyView> => {
    const { cadence } = await repo.settings();
    return { party, health: checkInHealth(party, repo.clock(), cadence) };
  };

  /** Screens what a page reported, keeps it for the tab, and badges the count. */
  const keep = async (tabId: number | undefined, reported: PageFindings) => {
    const settings = await repo.settings();
    const screened = screenFindings(reported, settings);
    if (tabId !== undefined) {
      await deps.findings.save(tabId, screened.findings);
      await deps.badge(tabId, screened.findings.contacts.length);
    }
    return screened;
  };

  const contactsOf = async (findings: PageFindings | undefined) => {
    const { cadence } = await repo.settings();
    return pageContacts(await repo.getDb(), findings, repo.clock(), cadence);
  };

  return {
    'page/contactsFound': async (request, sender) => {
      const screened = await keep(sender.tab?.id, request);
      const known = await knownTexts(await repo.getDb(), screened.findings, screened.writtenPhones);
      return ok({ known });
    },
    'page/contacts': async ({ tabId }) => ok(await contactsOf(await deps.findings.read(tabId))),
    'page/scan': async ({ tabId }) => {
      const reported = await deps.scanTab(tabId);
      const findings = reported
        ? (await keep(tabId, reported)).findings
        : await deps.findings.read(tabId);
      return ok(await contactsOf(findings));
    },
    'parties/create': async (draft) => {
      const outcome = await createParty(repo, draft);
      if (!outcome.ok) return outcome;
      const { party, created } = outcome.value;
      return ok({
        created,
        view: await view(party),
        ...(outcome.value.created ? {} : { matchedBy: outcome.value.matchedBy }),
      });
    },
    'parties/get': async ({ id }) => {
      const party = await getParty(repo.getDb, id);
      if (!party)
        return {
          ok: false,
          error: { code: 'not_found', message: 'That record no longer exists.' },
        };
      return ok(await view(party));
    },
    'parties/setKind': async ({ id, kind, reason }) => {
      const moved = await setPartyKind(repo, id, kind, reason);
      return moved.ok ? ok(await view(moved.value)) : moved;
    },
    'interactions/log': async (draft) => {
      const logged = await logInteraction(repo, draft);
      if (!logged.ok) return logged;
      const { interaction, party, followUp, replayed } = logged.value;
      return ok({
        interaction,
        replayed,
        view: await view(party),
        ...(followUp ? { followUp } : {}),
      });
    },
    'interactions/list': async ({ partyId, limit, before }) =>
      ok(await listInteractions(repo.getDb, partyId, before ? { limit, before } : { limit })),
    'search/rows': async () => ok({ rows: await readSearchRows(repo.getDb) }),
  };
}
