import type { Bidi } from './bidi';
import { run } from './page-driver';

/**
 * What went wrong in the add-on, seen two ways, because BiDi's `log.entryAdded` and
 * preload scripts skip moz-extension:// contexts (Firefox bug 1755014):
 * - the browser's console service, read from the parent process, holds every script
 *   error and CSP violation of every extension context (background page included);
 * - `console.error` calls never reach that service, but Firefox prints them to stdout
 *   (`devtools.console.stdout.content`), from which the launcher keeps them.
 */

/**
 * The printed `console.error` lines that come from pages, not from the browser itself.
 * Firefox's own modules log through named consoles (`console.error: RSLoader: …`, from
 * its experiments loader, which cannot be switched off by a preference); a page's line
 * starts with the printed value instead: a quoted string, `(new Error(…))`, `({…})`.
 */
export function pageConsoleErrors(printed: string[]): string[] {
  return printed.filter((line) => !/^console\.error: [A-Za-z][\w.-]*: /.test(line));
}

/** Errors (not warnings) the console service holds from sources under `origin`. */
export async function consoleServiceErrors(bidi: Bidi, origin: string): Promise<string[]> {
  const { contexts } = await bidi.send<{ contexts: { context: string }[] }>(
    'browsingContext.getTree',
    { 'moz:scope': 'chrome', maxDepth: 0 },
  );
  return run(
    bidi,
    contexts[0]!.context,
    (prefix: string) => {
      // Browser-internal globals, present in the parent process's chrome windows.
      interface ScriptError {
        flags: number;
        sourceName: string;
        category: string;
        errorMessage: string;
      }
      const { Services, Ci } = globalThis as unknown as {
        Services: { console: { getMessageArray(): unknown[] } };
        Ci: { nsIScriptError: { new (): ScriptError; warningFlag: number; infoFlag: number } };
      };
      const { nsIScriptError } = Ci;
      const quiet = nsIScriptError.warningFlag | nsIScriptError.infoFlag;
      return Services.console
        .getMessageArray()
        .filter((message): message is ScriptError => message instanceof nsIScriptError)
        .filter((error) => error.sourceName.startsWith(prefix) && (error.flags & quiet) === 0)
        .map((error) => `${error.category} ${error.sourceName}: ${error.errorMessage}`);
    },
    origin,
  );
}
