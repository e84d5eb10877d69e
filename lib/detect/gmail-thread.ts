import { normalizeEmail } from '../domain/email';
import { cleanName, mailboxesIn } from './webmail-text';
import { openingText } from './opening-text';
import { selectAll } from './element-skip';
import { MAX_THREAD_MESSAGES } from './thread-types';
import type { ThreadMessage, ThreadPerson, ThreadReadOptions, ThreadReport } from './thread-types';

// Gmail's hooks (shared/design/webmail-dom.md), plus the message containers: an
// expanded message is `div.adn` with `data-message-id` ("#msg-f:…"), a collapsed one
// carries `data-legacy-message-id`; both show the sender as an `[email]` span and the
// date in the `title` of `span.g3`. Recipients (`span.g2`) show on expanded ones only.
const MESSAGE = '[data-message-id], [data-legacy-message-id], div.adn';
// One query per selector: Chromium runs a selector list element by element (element-skip.ts).
const MESSAGE_PARTS = ['[data-message-id]', '[data-legacy-message-id]', 'div.adn'];
const QUOTE = 'div.gmail_quote, blockquote';
const SUBJECT = 'h2.hP';
const BODY = 'div.a3s';

/**
 * The messages of the conversation open in Gmail, oldest first, expanded and
 * collapsed, each with its header only (and the start of its own text when shown).
 * People in quoted or forwarded history are not the message's correspondents.
 */
export function readGmailThread(
  document: Document,
  url: string,
  options: ThreadReadOptions = {},
): ThreadReport | undefined {
  const containers = selectAll(document, MESSAGE_PARTS).filter(
    (element) => !element.parentElement?.closest(MESSAGE),
  );
  if (containers.length === 0) return undefined;
  const subject = document.querySelector(SUBJECT)?.textContent?.replace(/\s+/g, ' ').trim();
  // Gmail's title reads "Subject - account@example.com - Gmail".
  const account = mailboxesIn(document.title).at(-1)?.email;
  // A thread names the same few people in every message: each is read once.
  const people = new Map<string, ThreadPerson | null>();
  const person = (element: Element): ThreadPerson[] => {
    const raw = element.getAttribute('email') ?? '';
    const rawName = element.getAttribute('name') ?? element.textContent;
    const key = `${raw}\n${rawName}`;
    if (!people.has(key)) people.set(key, personOf(raw, rawName));
    const found = people.get(key);
    return found ? [found] : [];
  };
  return {
    site: 'gmail',
    url,
    ...(subject && { subject }),
    ...(account && { account }),
    messages: containers
      .slice(-MAX_THREAD_MESSAGES)
      .map((container) => readMessage(container, person, options.opening === true)),
  };
}

function readMessage(
  container: Element,
  person: (element: Element) => ThreadPerson[],
  withOpening: boolean,
): ThreadMessage {
  // Most messages quote nothing: only then is each person's place checked.
  const quotes = container.querySelector(QUOTE) !== null;
  const everyone = [...container.querySelectorAll('[email]')];
  const people = quotes ? everyone.filter((element) => !element.closest(QUOTE)) : everyone;
  const from = people.find((element) => !element.classList.contains('g2'));
  const id = (
    container.getAttribute('data-message-id') ?? container.getAttribute('data-legacy-message-id')
  )?.replace(/^#/, '');
  const date = container.querySelector('.g3[title], time[datetime]');
  const body = withOpening ? container.querySelector(BODY) : null;
  const opening = body && openingText(body, QUOTE);
  const message: ThreadMessage = {
    to: people.filter((element) => element.classList.contains('g2')).flatMap(person),
  };
  const sender = from && person(from)[0];
  if (id) message.id = id;
  if (sender) message.from = sender;
  const written = date?.getAttribute('datetime') ?? date?.getAttribute('title');
  if (written) message.date = written;
  if (opening) message.opening = opening;
  return message;
}

function personOf(raw: string, rawName: string | null): ThreadPerson | null {
  const email = normalizeEmail(raw);
  if (!email) return null;
  const name = cleanName(rawName);
  return name && name.toLowerCase() !== 'me' ? { email, name } : { email };
}
