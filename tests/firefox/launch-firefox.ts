import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectBidi, type Bidi } from './bidi';

/** The first Firefox found, or undefined (the smoke test then skips). */
export function firefoxPath(): string | undefined {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/**
 * Preferences for a quiet, offline profile: no first-run or default-browser pages, no
 * telemetry, updates, remote settings or experiments, no speculative connections. Any
 * request that still escapes goes to a proxy on a closed local port and fails at once;
 * loopback is exempt so the fixture site is reachable.
 */
function userPrefs(addonId: string, uuid: string): Record<string, string | number | boolean> {
  return {
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.startup.page': 0,
    'browser.aboutwelcome.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.newtab.preload': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'app.update.enabled': false,
    'app.update.disabledForTesting': true,
    'app.normandy.enabled': false,
    'services.settings.server': 'data:,#offline',
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
    // Content's console calls (extension pages and background page included) go to
    // stdout, where the test reads them; the browser's own chrome logging does not.
    'devtools.console.stdout.content': true,
    'devtools.console.stdout.chrome': false,
    // A fixed moz-extension:// host, so the test can open the add-on's own pages.
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
  };
}

export interface LaunchedFirefox {
  bidi: Bidi;
  /** `console.error` calls made so far by any page, extension page or background page. */
  printedErrors(): string[];
  /** `moz-extension://<uuid>/<path>` of the add-on named at launch. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** Waits for the line in which Firefox names the port it chose for BiDi. */
function bidiUrlFrom(child: ChildProcess, timeout = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`Firefox announced no BiDi port:\n${seen}`)),
      timeout,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += String(chunk);
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(`${match[1]}/session`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before BiDi started:\n${seen}`));
    });
  });
}

/**
 * Starts headless Firefox on a fresh profile with BiDi on a port of its choosing,
 * opens a session, and readies the moz-extension:// host for `addonId`. Firefox runs in
 * its own process group so that closing ends its content processes too, and nothing else.
 */
export async function launchFirefox(binary: string, addonId: string): Promise<LaunchedFirefox> {
  const profile = await mkdtemp(join(tmpdir(), 'clientele-firefox-'));
  const uuid = randomUUID();
  const prefs = Object.entries(userPrefs(addonId, uuid))
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
  await writeFile(join(profile, 'user.js'), `${prefs}\n`);

  const child = spawn(
    binary,
    [
      '--headless',
      '--no-remote',
      '--remote-debugging-port=0',
      // Without it BiDi refuses to navigate to moz-extension:// pages (only http(s), file,
      // blob and about:blank count as safe), and the add-on's pages could not be opened.
      '--remote-allow-system-access',
      '--profile',
      profile,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Lines of the form `console.error: …`; continuation lines of a message are dropped.
  const printedErrors: string[] = [];
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + String(chunk)).split('\n');
    partial = lines.pop()!;
    printedErrors.push(...lines.filter((line) => line.startsWith('console.error:')));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The whole group: content processes may outlive a parent that has already quit.
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is gone already
    }
    await exited;
    await rm(profile, { recursive: true, force: true });
  };

  try {
    const bidi = await connectBidi(await bidiUrlFrom(child));
    await bidi.send('session.new', { capabilities: {} });
    return {
      bidi,
      printedErrors: () => [...printedErrors],
      extensionUrl: (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`,
      async close() {
        // A polite end first (Firefox writes its profile and quits), then the hard stop.
        await Promise.race([
          bidi.send('browser.close').catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, 5_000)),
        ]);
        bidi.close();
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
