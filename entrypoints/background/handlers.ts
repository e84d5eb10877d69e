import { checkInHealth, normalizeEmail, ok, type Party } from '../../lib/domain';
import {
  createParty,
  findPartiesByEmails,
  getParty,
  setPartyKind,
  type RepositoryContext,
} from '../../lib/db/party-repository';
import { listInteractions, logInteraction } from '../../lib/db/interaction-repository';
import { readSearchRows } from '../../lib/db/search-projection';
import type { PageContacts, PageFindings, PartyView } from '../../lib/protocol/contact-schemas';
import type { Handlers } from '../../lib/protocol/listener';

export interface BackgroundDeps {
  repo: RepositoryContext;
  findings: {
    save: (tabId: number, findings: PageFindings) => Promise<void>;
    read: (tabId: number) => Promise<PageFindings | undefined>;
  };
  /** Runs the scanner in a tab now and returns what it found (undefined if the tab cannot be scanned). */
  scanTab: (tabId: number) => Promise<PageFindings | undefined>;
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

  const pageContacts = async (findings: PageFindings | undefined): Promise<PageContacts> => {
    if (!findings) return { scanned: false, contacts: [] };
    const emails = findings.contacts.flatMap((contact) => contact.emails);
    const known = await findPartiesByEmails(await repo.getDb(), normalized(emails));
    const contacts = await Promise.all(
      findings.contacts.map(async (contact) => {
        const party = contact.emails
          .map((email) => known.get(normalizeEmail(email) ?? ''))
          .find((found) => found !== undefined);
        return party ? { contact, known: await view(party) } : { contact };
      }),
    );
    return { scanned: true, url: findings.url, contacts };
  };

  return {
    'page/contactsFound': async (request, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await deps.findings.save(tabId, request);
      const emails = normalized(request.contacts.flatMap((contact) => contact.emails));
      const known = await findPartiesByEmails(await repo.getDb(), emails);
      return ok({ known: [...known].map(([email, party]) => ({ email, kind: party.kind })) });
    },
    'page/contacts': async ({ tabId }) => ok(await pageContacts(await deps.findings.read(tabId))),
    'page/scan': async ({ tabId }) => {
      const findings = await deps.scanTab(tabId);
      if (findings) await deps.findings.save(tabId, findings);
      return ok(await pageContacts(findings ?? (await deps.findings.read(tabId))));
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

function normalized(emails: readonly string[]): string[] {
  return emails
    .map((email) => normalizeEmail(email))
    .filter((email): email is string => email !== null);
}
