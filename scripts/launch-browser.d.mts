import type { BrowserContext } from 'playwright-core';
export declare const EXTENSION_DIR: string;
export declare function chromiumPath(): string;
export declare function launchWithExtension(options?: {
  headless?: boolean;
  extensionDir?: string;
}): Promise<{
  context: BrowserContext;
  extensionId: string;
  extensionUrl: (path: string) => string;
  close: () => Promise<void>;
}>;
