import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectContacts, type DetectedContact } from '../../lib/detect';
import { reportFindings } from '../../lib/platform/report-findings';

/**
 * Registered at run time for the sites the user granted, and injected on demand
 * when the popup opens (activeTab). It only reads the page and reports; it never
 * writes records. Its return value is what `scripting.executeScript` receives.
 */
export default defineContentScript({
  registration: 'runtime',
  main(): { url: string; contacts: DetectedContact[] } {
    const url = location.href;
    const contacts = detectContacts(document, { url });
    void reportFindings(url, contacts);
    return { url, contacts };
  },
});
