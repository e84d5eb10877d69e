// Runs inside headless Chromium on the Gmail-like thread fixture: what email capture
// adds to the webmail scan, on a thread grown to `messages` messages.
import { detectContacts } from '../lib/detect';
import { readThread } from '../lib/detect/read-thread';
import { decideThread } from '../lib/email/decide-thread';
import { DEFAULT_EMAIL_LOG } from '../lib/email/email-settings';
import { createNeverCapture } from '../lib/findings/never-capture';
import { ThreadReportSchema } from '../lib/protocol/areas/email';
import { measureInterleaved } from './detect-bench';

/** Repeats the fixture's messages, each copy with ids of its own, until the thread has `count`. */
function growThread(count: number): void {
  const list = document.querySelector('[role="list"]')!;
  const originals = [...list.children];
  for (let i = originals.length; i < count; i++) {
    const copy = originals[i % originals.length]!.cloneNode(true) as Element;
    for (const name of ['data-message-id', 'data-legacy-message-id'])
      if (copy.hasAttribute(name)) copy.setAttribute(name, `msg-f:${1_000_000 + i}`);
    list.append(copy);
  }
}

/**
 * `url` is the address the thread is read as: Gmail's, as the content scripts meet it.
 * The page itself is served from the loopback, where the webmail detectors (gated by
 * host, lib/detect/webmail-gate.ts) would not run and the scan would be a non-webmail one.
 */
export function measureEmailCapture(messages = 50, url = location.href) {
  growThread(messages);
  const report = readThread(document, url)!;
  const known = new Map([['ada.lovelace@analytical.example', { id: 'p1', name: 'Ada' }]]);
  const timings = measureInterleaved({
    // The webmail scan as the content script runs it on the thread.
    scan: () => detectContacts(document, { url }),
    // The thread script's work on each change: read the thread, compare with the last report.
    scanAndThread: () => {
      detectContacts(document, { url });
      return JSON.stringify(readThread(document, url));
    },
    // The background's share, for the record: parse and judge the report (not on the page).
    judge: () =>
      decideThread(ThreadReportSchema.parse(report), {
        settings: { ...DEFAULT_EMAIL_LOG, mode: 'auto' },
        neverCapture: createNeverCapture([]),
        known,
        now: Date.now(),
      }),
  });
  return {
    messages: report.messages.length,
    elements: document.getElementsByTagName('*').length,
    scanMs: timings.scan!.ms,
    withThreadMs: timings.scanAndThread!.ms,
    addedRatio: timings.scanAndThread!.ratio - 1,
    addedRatioSpread: [timings.scanAndThread!.ratioQ1 - 1, timings.scanAndThread!.ratioQ3 - 1],
    judgeInBackgroundMs: timings.judge!.ms,
  };
}
