import type { CadenceDefaults, Party } from '../../../lib/domain';
import { refusal } from '../../../lib/domain/result';
import type { UiText } from '../../../lib/domain/ui-text';
import { partyView } from '../../../lib/findings/party-view';
import type { RepositoryContext } from '../../../lib/db/party-repository';
import type { PageFindings, PartyView } from '../../../lib/protocol/contact-schemas';
import type { EmailLogSettings } from '../../../lib/email/email-settings';
import type { ThreadReportMessage } from '../../../lib/protocol/areas/email';
import type { SyncControl } from '../../../lib/sync/control';

/**
 * What the handlers need from the outside world. The worker passes the real
 * browser-backed ones; tests pass fakes.
 */
export interface BackgroundDeps {
  /** The store, with settings that also carry the never-capture list and the highlight choice. */
  repo: Omit<RepositoryContext, 'settings'> & {
    settings: () => Promise<{
      region: string;
      cadence: CadenceDefaults;
      neverCapture: string[];
      highlightOnSites: boolean;
      kindColours: boolean;
      /** Absent in tests that predate email logging: the defaults apply. */
      emailLog?: EmailLogSettings;
    }>;
  };
  findings: {
    save: (tabId: number, findings: PageFindings) => Promise<void>;
    read: (tabId: number) => Promise<PageFindings | undefined>;
  };
  /** Runs the scanner in a tab now and returns what it found (undefined if the tab cannot be scanned). */
  scanTab: (tabId: number) => Promise<PageFindings | undefined>;
  /** The webmail thread each tab shows (kept in memory when absent, as in unit tests). */
  threads?: {
    save: (tabId: number, thread: ThreadReportMessage, readAt: number) => Promise<void>;
    read: (tabId: number) => Promise<ThreadReportMessage | undefined>;
  };
  /** Starts the thread script in a webmail tab (lib/platform/tab-threads.ts). */
  startThreadReader?: (tabId: number) => Promise<void>;
  /** Shows how many contacts a tab holds on the toolbar icon. */
  badge: (tabId: number, count: number) => Promise<void>;
  /**
   * Reads a file linked from a tab's page, from inside that page (its own request to
   * its own site, as a click on the link would be), at most `maxBytes`.
   */
  readTabText?: (
    tabId: number,
    url: string,
    maxBytes: number,
  ) => Promise<{ ok: true; text: string; pageUrl: string } | { ok: false; words: UiText }>;
  /** Adds normalised addresses and E.164 phones to the never-capture list. */
  neverCapture?: (entries: readonly string[]) => Promise<void>;
  /** Scans again the tabs that reported contacts, so their highlights follow a deletion. */
  rescanTabs?: () => Promise<void>;
  /** Sync with the user's DAV server (absent: sync is off and cannot be set up). */
  sync?: SyncControl;
}

/** A party as the surfaces show it: the record plus its check-in health now. */
export async function viewOf(repo: BackgroundDeps['repo'], party: Party): Promise<PartyView> {
  const { cadence, region } = await repo.settings();
  return partyView(party, repo.clock(), cadence, region);
}

export const notFound = {
  ok: false,
  error: refusal('not_found', 'error_record_gone'),
} as const;
