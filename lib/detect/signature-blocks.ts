import { selectAll } from './element-skip';
import { openMessageSender } from './gmail';
import { outlookOpenSender } from './outlook';
import type { Finding, SignatureBlock } from './types';
import { textLines } from './webmail-text';

// Message bodies: Gmail, Outlook on the web, and plain text anywhere.
const BODIES = [
  'div.a3s',
  'div.gmail_signature',
  '[aria-label="Message body"]',
  '[role="document"]',
  'pre',
];
const BODY = BODIES.join(', ');
const GMAIL_SIGNATURE = 'div.gmail_signature';
const OUTLOOK_BODY = '[aria-label="Message body"], [role="document"]';
const QUOTE = 'div.gmail_quote, blockquote';
// What the background accepts (PageFindingsSchema): a signature sits in the first
// lines before quoted history, or at the end of a short message.
const MAX_LINES = 300;
const MAX_LINE = 300;

/**
 * The lines of each message body outside its quoted history (or of its Gmail
 * `div.gmail_signature`), with its message's sender, for the background to read a
 * signature from (signature.ts). Nothing here decides what a signature is: the
 * patterns for that, in a dozen languages, would cost the content script its budget.
 */
export function findSignatureBlocks(root: ParentNode): Finding[] {
  const findings: Finding[] = [];
  for (const body of selectAll(root, BODIES)) {
    if (body.parentElement?.closest(BODY) || body.closest(QUOTE)) continue;
    if (body.tagName === 'PRE' && body.querySelector('code')) continue;
    const signed = body.matches(GMAIL_SIGNATURE)
      ? body
      : [...body.querySelectorAll(GMAIL_SIGNATURE)].find((element) => !element.closest(QUOTE));
    const lines = textLines(signed ?? body, (element) => element.matches(QUOTE))
      .slice(0, MAX_LINES)
      .map((line) => line.slice(0, MAX_LINE));
    if (lines.length === 0) continue;
    const signature: SignatureBlock = { lines };
    if (signed) signature.signed = true;
    const sender = senderOf(body);
    if (sender) signature.sender = sender;
    findings.push({ source: 'signature', confidence: 0.6, role: 'signature', signature });
  }
  return findings;
}

/** The sender of the message `body` belongs to, when the page says who it is. */
function senderOf(body: Element): SignatureBlock['sender'] {
  const message = body.closest('div.adn');
  if (message) return openMessageSender(message);
  const pane = body.closest('#ReadingPaneContainerId, [role="main"]');
  return pane && pane.querySelectorAll(OUTLOOK_BODY).length === 1
    ? outlookOpenSender(pane)
    : undefined;
}
