import type { ThreadReport } from '../detect/thread-types';
import { readThread } from '../detect/read-thread';
import { whenIdle, type Schedule } from './idle';

export interface ThreadWatchDeps {
  document: Document;
  location: { readonly href: string };
  /** Sends the thread; the answer says whether to read messages' openings too. */
  report: (report: ThreadReport) => Promise<{ opening: boolean }>;
  schedule?: Schedule;
}

/**
 * Reads the open thread now and again whenever the page changes (a message opens,
 * a sent reply appears in the thread), reporting only when what it reads changed.
 * Reading is a few selector queries per message, so a change is read whole.
 */
export function watchThread(deps: ThreadWatchDeps) {
  const schedule = deps.schedule ?? whenIdle;
  let last = '';
  let queued = false;
  let opening = false;
  const read = () => {
    queued = false;
    const report = readThread(deps.document, deps.location.href, { opening });
    const signature = JSON.stringify(report ?? null);
    if (!report || signature === last) return;
    last = signature;
    void deps.report(report).then((answer) => {
      if (!answer.opening || opening) return;
      opening = true; // the user keeps openings: read the thread again with them
      read();
    });
  };
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    schedule(read);
  });
  observer.observe(deps.document, { childList: true, subtree: true });
  read();
  return {
    /** Reads and reports now, even if nothing changed (the background asked again). */
    again: () => {
      last = '';
      read();
    },
    stop: () => observer.disconnect(),
  };
}
