import { normalizeEmail } from '../domain/email';
import { headerPeople, readingPane, withRoles } from './outlook';
import { openingText } from './opening-text';
import { MAX_THREAD_MESSAGES } from './thread-types';
import type { ThreadMessage, ThreadPerson, ThreadReadOptions, ThreadReport } from './thread-types';

// Outlook's class names are hashed per release (webmail-dom.md), so only ids and
// attributes: in the conversation view each message is an item carrying its item id
// (`data-item-id`); the reading pane of a single message has none and is one message.
// Its date is in `[data-testid="SentReceivedSavedTime"]` or a `time[datetime]`; the
// signed-in account in the account manager (`#mectrl_currentAccount_secondary`).
const ITEM = '[data-item-id]';
const BODY = '[aria-label="Message body"], [role="document"]';
const DATE = 'time[datetime], [data-testid="SentReceivedSavedTime"]';
const ACCOUNT = '#mectrl_currentAccount_secondary';

/** The messages of the conversation (or the one message) open in Outlook on the web. */
export function readOutlookThread(
  document: Document,
  url: string,
  options: ThreadReadOptions = {},
): ThreadReport | undefined {
  const pane = readingPane(document);
  if (!pane) return undefined;
  const items = [...pane.querySelectorAll(ITEM)].filter(
    (item) => !item.parentElement?.closest(ITEM),
  );
  const subject = pane.querySelector('[role="heading"]')?.textContent?.replace(/\s+/g, ' ').trim();
  const account = normalizeEmail(document.querySelector(ACCOUNT)?.textContent ?? '');
  return {
    site: 'outlook',
    url,
    ...(subject && { subject }),
    ...(account && { account }),
    messages: (items.length > 0 ? items : [pane])
      .slice(-MAX_THREAD_MESSAGES)
      .map((item) => readMessage(item, options.opening === true)),
  };
}

function readMessage(item: Element, withOpening: boolean): ThreadMessage {
  const people = withRoles(headerPeople(item));
  const plain = ({ email, name }: ThreadPerson): ThreadPerson =>
    name ? { email, name } : { email };
  const from = people.find((person) => person.role === 'sender');
  const message: ThreadMessage = {
    to: people.filter((person) => person.role !== 'sender').map(plain),
  };
  const id = item.getAttribute('data-item-id');
  if (id) message.id = id;
  if (from) message.from = plain(from);
  const date = item.querySelector(DATE);
  const written = date?.getAttribute('datetime') ?? date?.textContent?.trim();
  if (written) message.date = written;
  const body = withOpening ? item.querySelector(BODY) : null;
  const opening = body && ownText(body);
  if (opening) message.opening = opening;
  return message;
}

// Outlook quotes earlier mail from `#divRplyFwdMsg` (and the rule before it) on.
function ownText(body: Element): string {
  return openingText(body, 'blockquote, #divRplyFwdMsg, #divRplyFwdMsg ~ *, hr ~ *');
}
