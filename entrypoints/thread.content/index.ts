import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchThread } from '../../lib/page-scan/thread-watch';
import { reportThread } from '../../lib/platform/report-thread';

type Watch = ReturnType<typeof watchThread>;
const WATCH = Symbol.for('clientele.thread-watch');

/**
 * Injected by the background into webmail tabs only, and only while email logging is
 * on (entrypoints/background/handlers/email.ts): it reports the open thread's message
 * headers and never writes anything. Injected again into the same page, it re-reads.
 */
export default defineContentScript({
  registration: 'runtime',
  main(): void {
    const scope = globalThis as { [WATCH]?: Watch };
    if (scope[WATCH]) return scope[WATCH].again();
    scope[WATCH] = watchThread({ document, location, report: reportThread });
  },
});
