import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageSession, type PageReport } from '../../lib/page-scan/page-session';
import { reportFindings } from '../../lib/platform/report-findings';

type Session = ReturnType<typeof startPageSession>;
const SESSION = Symbol.for('clientele.scan-session');

/**
 * Registered at run time for the sites the user granted, and injected on demand
 * when the popup opens (activeTab). It only reads the page and reports; it never
 * writes records. Its return value is what `scripting.executeScript` receives.
 * Injected twice into one page (a registered script, then the popup asking), the
 * second run reuses the first session instead of starting another observer.
 */
export default defineContentScript({
  registration: 'runtime',
  main(): Promise<PageReport> {
    const scope = globalThis as { [SESSION]?: Session };
    const existing = scope[SESSION];
    if (existing) return existing.firstScan.then(() => existing.rescan());
    const session = startPageSession({ document, location, report: reportFindings });
    scope[SESSION] = session;
    return session.firstScan;
  },
});
