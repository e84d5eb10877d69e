import type { BrowserContext } from 'playwright-core';
export declare const EXTENSION_DIR: string;
export declare function chromiumPath(): string;
export declare function launchWithExtension(options?: {
  headless?: boolean;
  extensionDir?: string;
  /** A profile folder to start from (and keep), instead of a fresh temporary one. */
  userDataDir?: string;
  /** Whether close() leaves the profile on disk; by default only a profile passed in is kept. */
  keepProfile?: boolean;
  /**
   * Hosts to answer from 127.0.0.1 at `port` over HTTPS with a throwaway certificate
   * (webmail fixtures served under their real hosts).
   */
  mapHosts?: { hosts: string[]; port: number };
  /** Leave open the first-run page that installing opens (closed by default). */
  keepWelcome?: boolean;
  /** The browser's interface language (`--lang`), which picks the extension's catalogue. */
  lang?: string;
}): Promise<{
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  extensionUrl: (path: string) => string;
  close: () => Promise<void>;
}>;
