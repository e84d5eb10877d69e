import '../../lib/domain/zod-jitless';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { systemClock } from '../../lib/domain/clock';
import { createDbOpener } from '../../lib/db/open';
import { createMessageListener } from '../../lib/protocol/listener';
import { showContactCount } from '../../lib/platform/badge';
import { ownIdentity } from '../../lib/platform/identity';
import { addNeverCapture, readSettings } from '../../lib/platform/settings';
import { openWelcome } from '../../lib/platform/welcome-progress';
import { applySiteGrants, syncScanRegistration } from '../../lib/platform/scan-registration';
import {
  forgetTabFindings,
  readTabFindings,
  saveTabFindings,
} from '../../lib/platform/tab-findings';
import {
  forgetTabThread,
  readTabThread,
  saveTabThread,
  startThreadReader,
} from '../../lib/platform/tab-threads';
import { createHandlers } from './handlers';
import { registerMenus } from './menus';
import { registerReminders } from './reminders';
import { readTabText } from './read-tab-text';
import { rescanTabs } from './rescan-tabs';
import { scanTab } from './scan-tab';
import { registerSync } from './sync';

/**
 * The worker is stopped when idle and woken by events, so every listener is added
 * synchronously here, at the top, and nothing that matters lives only in memory.
 */
export default defineBackground(() => {
  const getDb = createDbOpener();
  const deps = {
    repo: { getDb, clock: systemClock, settings: readSettings },
    findings: { save: saveTabFindings, read: readTabFindings },
    scanTab,
    badge: showContactCount,
    threads: { save: saveTabThread, read: readTabThread },
    startThreadReader,
    readTabText,
    neverCapture: addNeverCapture,
    rescanTabs,
    sync: registerSync(getDb),
  };
  browser.runtime.onMessage.addListener(createMessageListener(createHandlers(deps), ownIdentity()));
  registerMenus(deps);
  registerReminders(deps);

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTabFindings(tabId);
    void forgetTabThread(tabId);
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void applySiteGrants();
    // A new user lands on the page that explains what Clientele reads and how to start.
    if (reason === 'install') void openWelcome();
  });
  browser.permissions.onAdded.addListener(() => void applySiteGrants());
  browser.permissions.onRemoved.addListener(() => void syncScanRegistration());
});
