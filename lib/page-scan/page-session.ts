import { collectFindings } from '../detect';
import { mergeFindings } from '../detect/merge';
import type { DetectedContact, Finding } from '../detect/types';
import { changedRoots } from './changed-roots';
import { highlightKnown, type KnownText } from './highlights';
import { whenIdle, type Schedule } from './idle';
import { scanInSlices } from './sliced-scan';

export interface PageReport {
  url: string;
  contacts: DetectedContact[];
}

export interface PageSessionDeps {
  document: Document;
  location: { readonly href: string };
  /** Sends the page's contacts to the background; answers with the known ones to highlight. */
  report: (report: PageReport) => Promise<readonly KnownText[]>;
  schedule?: Schedule;
}

/**
 * The content script's life on one page: read it once in idle slices, report,
 * highlight what is known; then read again only what the page changes (webmail
 * swaps messages without a page load), and start over when the URL changes.
 */
export function startPageSession(deps: PageSessionDeps) {
  const schedule = deps.schedule ?? whenIdle;
  const document = deps.document;
  let findings: Finding[] = [];
  let reported = '';
  let scannedUrl = deps.location.href;
  let pending: MutationRecord[] = [];
  let flushQueued = false;

  const publish = async (): Promise<PageReport> => {
    const contacts = mergeFindings(findings);
    const report = { url: deps.location.href, contacts };
    const signature = JSON.stringify(contacts);
    if (signature === reported) return report; // nothing new: no message, no re-highlight
    reported = signature;
    highlightKnown(document, await deps.report(report));
    return report;
  };

  const scanAll = async (): Promise<PageReport> => {
    scannedUrl = deps.location.href;
    findings = await scanInSlices(document, { url: scannedUrl }, schedule);
    return publish();
  };

  const flush = () => {
    flushQueued = false;
    const batch = pending;
    pending = [];
    if (deps.location.href !== scannedUrl) {
      // A navigation inside a single-page app: a new page, read afresh.
      void scanAll();
      return;
    }
    const context = { url: scannedUrl };
    for (const root of changedRoots(batch)) findings.push(...collectFindings(root, context));
    void publish();
  };

  const observer = new MutationObserver((mutations) => {
    pending.push(...mutations);
    if (!flushQueued) {
      flushQueued = true;
      schedule(flush);
    }
  });

  const firstScan = scanAll().then((report) => {
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    return report;
  });

  return {
    firstScan,
    /** Reads the page again now (the popup asked), returning what it holds. */
    rescan: scanAll,
    stop: () => observer.disconnect(),
  };
}
