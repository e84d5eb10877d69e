import { readGmailThread } from './gmail-thread';
import { readOutlookThread } from './outlook-thread';
import type { ThreadReadOptions, ThreadReport } from './thread-types';

/** The open webmail thread of a page, if it shows one (Gmail first, then Outlook). */
export function readThread(
  document: Document,
  url: string,
  options: ThreadReadOptions = {},
): ThreadReport | undefined {
  return readGmailThread(document, url, options) ?? readOutlookThread(document, url, options);
}
