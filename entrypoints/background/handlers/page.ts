import { ok } from '../../../lib/domain/result';
import { highlightsFor, mayHighlight } from '../../../lib/findings/highlight-policy';
import { knownTexts, pageContacts } from '../../../lib/findings/page-contacts';
import { screenFindings } from '../../../lib/findings/screen';
import type { PageFindings } from '../../../lib/protocol/contact-schemas';
import type { pageMessages } from '../../../lib/protocol/areas/page';
import type { HandlersFor } from '../../../lib/protocol/listener';
import type { BackgroundDeps } from './deps';

export function createPageHandlers(deps: BackgroundDeps): HandlersFor<typeof pageMessages> {
  const { repo } = deps;

  /** Screens what a page reported, keeps it for the tab, and badges the count. */
  const keep = async (tabId: number | undefined, reported: PageFindings) => {
    const settings = await repo.settings();
    const screened = screenFindings(reported, settings);
    if (tabId !== undefined) {
      await deps.findings.save(tabId, screened.findings);
      await deps.badge(tabId, screened.findings.contacts.length);
    }
    return { ...screened, settings };
  };

  const contactsOf = async (findings: PageFindings | undefined) => {
    return pageContacts(await repo.getDb(), findings, repo.clock(), await repo.settings());
  };

  return {
    'page/contactsFound': async (request, sender) => {
      const screened = await keep(sender.tab?.id, request);
      // The browser's word for where the report came from, not the page's.
      if (!mayHighlight(sender.url ?? sender.tab?.url, screened.settings.highlightOnSites))
        return ok({ known: [] });
      const known = await knownTexts(await repo.getDb(), screened.findings, screened.writtenPhones);
      return ok({ known: highlightsFor(known, screened.settings.kindColours) });
    },
    'page/contacts': async ({ tabId }) => ok(await contactsOf(await deps.findings.read(tabId))),
    'page/scan': async ({ tabId }) => {
      const reported = await deps.scanTab(tabId);
      const findings = reported
        ? (await keep(tabId, reported)).findings
        : await deps.findings.read(tabId);
      return ok(await contactsOf(findings));
    },
  };
}
