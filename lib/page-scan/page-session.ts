import {
  collectFindings,
  findVcardLinks,
  openMessageSender,
  outlookOpenSender,
  signatureBlocksOf,
} from '../detect';
import { contactsFromFindings } from '../detect/contacts-from-findings';
import type { DetectedContact, Finding, SignatureBlock } from '../detect/types';
import { changedRoots } from './changed-roots';
import { highlightKnown, type KnownText } from './highlights';
import { whenIdle, type Schedule } from './idle';
import { scanInSlices } from './sliced-scan';

export interface PageReport {
  url: string;
  contacts: DetectedContact[];
  /** Links to contact cards (`.vcf`) on the page, when there are any. */
  vcards?: string[];
  /** Message bodies' lines, for the background to read signatures from (signature-blocks.ts). */
  signatures?: SignatureBlock[];
  /** The address of the sender of the message in front of the user, in webmail. */
  openSender?: string;
}

/** The background refuses a report of more contacts (PageFindingsSchema): none is larger. */
export const MAX_REPORTED_CONTACTS = 2000;
/** The same for message bodies sent to read signatures from: a long thread's first ones. */
export const MAX_REPORTED_SIGNATURES = 100;
/**
 * Changes are read on top of what was read before, and what the page removes is not
 * taken away: on a page that keeps replacing its content (a feed, a live list, a
 * storm of mutations) the findings would grow without end, and soon past what the
 * background accepts. Past this many, or twice what the last full read found, the
 * page is read afresh instead.
 */
const MIN_STALE_LIMIT = 1000;
/**
 * Changes of up to this many elements are read at once (a few milliseconds); larger
 * ones, in idle slices, so that no change a page makes becomes a long task of ours.
 */
const READ_AT_ONCE = 3000;

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
  let inFlight: Promise<unknown> = Promise.resolve();
  let scannedUrl = deps.location.href;
  let pending: MutationRecord[] = [];
  let flushQueued = false;
  let scanning = false;
  let vcards: string[] = [];
  let stopped = false;
  let staleLimit = MIN_STALE_LIMIT;

  const publish = async (): Promise<PageReport> => {
    // A page that really holds more than the background accepts reports its first ones.
    const contacts = contactsFromFindings(findings).slice(0, MAX_REPORTED_CONTACTS);
    const report: PageReport = { url: deps.location.href, contacts };
    if (vcards.length > 0) report.vcards = vcards;
    const signatures = signatureBlocksOf(findings).slice(0, MAX_REPORTED_SIGNATURES);
    if (signatures.length > 0) report.signatures = signatures;
    const open = openMessageSender(document) ?? outlookOpenSender(document);
    if (open) report.openSender = open.email;
    // The URL and card links count too: a navigation or a new card is news even with the same people.
    const signature = JSON.stringify(report);
    if (signature === reported) return report; // nothing new: no message, no re-highlight
    if (stopped) return report; // work queued before stop() still runs: it sends nothing
    reported = signature;
    // One report at a time, in the order they were made. The background handles messages
    // side by side, so an earlier report still in flight (waiting on settings or storage)
    // could be stored after a newer one, and the newer one, equal to `reported`, would
    // never be sent again: the tab would show the previous message's people.
    const sent = inFlight.then(() => deps.report(report));
    inFlight = sent.catch(() => undefined);
    try {
      highlightKnown(document, await sent);
    } catch {
      // Not delivered: the next change or rescan sends it again rather than thinking it
      // told. Nothing to throw to: the flush that published does not wait on it.
      if (reported === signature) reported = '';
    }
    return report;
  };

  // A read of the whole page can be asked for while another runs (the popup rescans while
  // a navigation's read is under way): the newest one wins, and an older one that ends
  // later neither overwrites its findings nor ends its `scanning`.
  let latestScan: Promise<PageReport> | undefined;
  let scanGeneration = 0;

  const scanAll = (): Promise<PageReport> => {
    const generation = ++scanGeneration;
    const scan = readWholePage(generation);
    latestScan = scan;
    return scan;
  };

  const readWholePage = async (generation: number): Promise<PageReport> => {
    scanning = true;
    const url = deps.location.href;
    scannedUrl = url;
    let found: Finding[];
    try {
      found = await scanInSlices(document, { url }, schedule);
    } finally {
      if (generation === scanGeneration) scanning = false;
    }
    if (generation !== scanGeneration) return latestScan!;
    findings = found;
    vcards = findVcardLinks(document, url);
    staleLimit = Math.max(MIN_STALE_LIMIT, 2 * findings.length);
    // Changes made while the page was being read are read now, on top of it.
    if (pending.length > 0) queueFlush();
    return publish();
  };

  const queueFlush = () => {
    if (flushQueued) return;
    flushQueued = true;
    schedule(() => void flush());
  };

  const flush = async () => {
    flushQueued = false;
    if (scanning) return; // picked up when the scan in progress ends
    const batch = pending;
    pending = [];
    // A navigation inside a single-page app: a new page, read afresh.
    if (deps.location.href !== scannedUrl) return void scanAll();
    const roots = changedRoots(batch);
    const context = { url: scannedUrl };
    // A large change (a whole view rendered anew) is read like a page, in idle slices.
    const large =
      roots.reduce((n, root) => n + root.getElementsByTagName('*').length, 0) > READ_AT_ONCE;
    scanning = large;
    for (const root of roots)
      findings.push(
        ...(large ? await scanInSlices(root, context, schedule) : collectFindings(root, context)),
      );
    scanning = false;
    if (pending.length > 0) queueFlush();
    // Past the limit: what the page holds now, without what it has since removed.
    void (findings.length > staleLimit ? scanAll() : publish());
  };

  // Watching starts before the first read, so nothing the page changes meanwhile is missed.
  const observer = new MutationObserver((mutations) => {
    pending.push(...mutations);
    queueFlush();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  const firstScan = scanAll();

  return {
    firstScan,
    /** Reads the page again now (the popup asked), returning what it holds. */
    rescan: scanAll,
    stop: () => {
      stopped = true;
      observer.disconnect();
    },
  };
}
