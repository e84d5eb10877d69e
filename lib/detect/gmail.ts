import { normalizeEmail } from '../domain/email';
import type { ContactRole, Finding } from './types';
import { cleanName, labelBefore, mailboxesIn, textLines } from './webmail-text';
import type { Mailbox } from './webmail-text';
import { selectAll } from './element-skip';

// Hooks from shared/design/webmail-dom.md. Gmail's class names are obfuscated but
// these have held for years; the `email` / `name` attributes are the strong signal.
const MESSAGE = 'div.adn';
const INBOX_ROW = 'tr.zA';
const SENDER = 'span.gD[email]';
const RECIPIENT = 'span.g2[email]';
const QUOTE = 'div.gmail_quote, blockquote';

/**
 * People in Gmail's DOM: the sender (0.95) and recipients (0.9, `cc` when the row
 * says so) of each open message, people in its quoted history (0.4), and every other
 * `[email]` element on the page, such as inbox rows and collapsed messages (0.7).
 * Runs only on Gmail's pages (lib/detect/webmail-gate.ts); there, on the DOM hooks.
 */
export function findGmail(root: ParentNode): Finding[] {
  const messages = selectAll(root, MESSAGE);
  if (messages.length === 0 && selectAll(root, INBOX_ROW).length === 0) return [];
  const findings: Finding[] = [];
  const add = (mailbox: Mailbox | undefined, confidence: number, role?: ContactRole) => {
    if (mailbox) findings.push({ ...mailbox, source: 'gmail', confidence, ...(role && { role }) });
  };
  for (const message of messages) {
    for (const span of message.querySelectorAll(SENDER)) {
      if (!span.closest(QUOTE)) add(mailboxOf(span), 0.95, 'sender');
    }
    for (const span of message.querySelectorAll(RECIPIENT)) {
      if (span.closest(QUOTE)) continue;
      const label = labelBefore(span);
      add(mailboxOf(span), 0.9, label === 'cc' || label === 'bcc' ? 'cc' : 'recipient');
    }
    for (const mailbox of quotedPeople(message)) add(mailbox, 0.4, 'quoted');
  }
  for (const element of selectAll(root, '[email]')) {
    if (!element.closest(MESSAGE)) add(mailboxOf(element), 0.7);
  }
  return findings;
}

/**
 * The sender of the message the user is reading: the last expanded message (Gmail
 * expands the newest one and any the user opens), for the side panel.
 */
export function openMessageSender(root: ParentNode): { email: string; name?: string } | undefined {
  const messages = selectAll(root, MESSAGE);
  for (let index = messages.length - 1; index >= 0; index--) {
    for (const span of messages[index]!.querySelectorAll(SENDER)) {
      const mailbox = span.closest(QUOTE) ? undefined : mailboxOf(span);
      if (mailbox) return mailbox;
    }
  }
  return undefined;
}

/** An `[email]` element's person, named by its `name` attribute (or its text); "me" is no name. */
function mailboxOf(element: Element): Mailbox | undefined {
  const email = normalizeEmail(element.getAttribute('email') ?? '');
  if (!email) return undefined;
  const name = cleanName(element.getAttribute('name') ?? element.textContent);
  return name && name.toLowerCase() !== 'me' ? { email, name } : { email };
}

/** People in a message's quoted history, once each, the first mention that names them winning. */
function quotedPeople(message: Element): Mailbox[] {
  const people = new Map<string, Mailbox>();
  const add = (mailbox: Mailbox | undefined) => {
    if (!mailbox) return;
    const known = people.get(mailbox.email);
    if (!known || (!known.name && mailbox.name)) people.set(mailbox.email, mailbox);
  };
  for (const quote of message.querySelectorAll(QUOTE)) {
    if (quote.parentElement?.closest(QUOTE)) continue; // read with the outermost quote
    for (const line of textLines(quote)) mailboxesIn(line).forEach(add);
    for (const element of quote.querySelectorAll('[email]')) add(mailboxOf(element));
    for (const link of quote.querySelectorAll('a[href^="mailto:" i]')) {
      const email = normalizeEmail(link.getAttribute('href')!.slice(7).split('?')[0] ?? '');
      if (email) add({ email });
    }
  }
  return [...people.values()];
}
