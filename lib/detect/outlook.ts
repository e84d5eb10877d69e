import type { ContactRole, Finding } from './types';
import { cleanName, labelBefore, leadingLabel, mailboxesIn, textLines } from './webmail-text';
import type { HeaderLabel, Mailbox } from './webmail-text';
import { selectAll } from './element-skip';

// Hooks from shared/design/webmail-dom.md: Outlook's class names are hashed per
// release, so only ids, ARIA roles and labels are used.
const PANE = '#ReadingPaneContainerId';
const MAIN = '[role="main"]';
const BODY = '[aria-label="Message body"], [role="document"]';
const PERSONA = '[title*="@"], [aria-label*="@"]';
// The message list beside the reading pane: its rows name senders by address in `title`.
const LIST_SENDER = '[role="listbox"] [role="option"] [title*="@"]';

interface HeaderPerson extends Mailbox {
  label?: HeaderLabel;
}

/**
 * People in the header of the open message in Outlook on the web: persona buttons
 * and spans whose `title` or `aria-label` holds `Name <address>` or an address, and
 * `Name <address>` text in the header (the reading pane outside the message body).
 *
 * Who is the sender: a `From:` label (in the attribute or before the persona in its
 * row) marks the sender; `To:` a recipient, `Cc:`/`Bcc:` a cc. Without any `From:`
 * label, the first person in the header is the sender (Outlook puts the sender
 * first). Sender 0.9, everyone else 0.85.
 */
export function findOutlook(root: ParentNode): Finding[] {
  const pane = readingPane(root);
  if (!pane) return [];
  const header = withRoles(headerPeople(pane)).map(
    ({ label: _label, role, ...mailbox }): Finding => ({
      ...mailbox,
      source: 'outlook',
      confidence: role === 'sender' ? 0.9 : 0.85,
      role,
    }),
  );
  const seen = new Set(header.map((finding) => finding.email));
  return [...header, ...listSenders(root).filter((finding) => !seen.has(finding.email))];
}

/**
 * Senders in the message list (as Gmail's inbox rows): people the user corresponds
 * with, though not in the open message, so without a role and less sure.
 */
function listSenders(root: ParentNode): Finding[] {
  const findings: Finding[] = [];
  const document = (root as Node).ownerDocument ?? (root as Document);
  for (const element of document.querySelectorAll(LIST_SENDER)) {
    for (const mailbox of mailboxesIn(element.getAttribute('title') ?? '')) {
      const name = mailbox.name ?? cleanName(element.textContent);
      findings.push({
        email: mailbox.email,
        ...(name && { name }),
        source: 'outlook',
        confidence: 0.7,
      });
    }
  }
  return findings;
}

/** The sender of the open message, for the side panel. */
export function outlookOpenSender(root: ParentNode): { email: string; name?: string } | undefined {
  const pane = readingPane(root);
  const sender = withRoles(pane ? headerPeople(pane) : [])
    .filter((person) => person.role === 'sender')
    .pop();
  return (
    sender && (sender.name ? { email: sender.email, name: sender.name } : { email: sender.email })
  );
}

/** The reading pane, or failing that a `main` region that holds a message body. */
export function readingPane(root: ParentNode): Element | undefined {
  return selectAll(root, PANE)[0] ?? selectAll(root, MAIN).find((main) => main.querySelector(BODY));
}

/** People in a header (anything outside the message body): also read per message by outlook-thread. */
export function headerPeople(pane: Element): HeaderPerson[] {
  const people = new Map<string, HeaderPerson>();
  const add = (person: HeaderPerson) => {
    const known = people.get(person.email);
    if (!known) people.set(person.email, person);
    else {
      if (!known.name && person.name) known.name = person.name;
      if (!known.label && person.label) known.label = person.label;
    }
  };
  for (const persona of pane.querySelectorAll(PERSONA)) {
    if (persona.closest(BODY)) continue;
    for (const value of [persona.getAttribute('title'), persona.getAttribute('aria-label')]) {
      if (!value?.includes('@')) continue;
      const label = leadingLabel(value) ?? labelBefore(persona);
      const mailboxes = mailboxesIn(value);
      for (const mailbox of mailboxes) {
        const name =
          mailbox.name ?? (mailboxes.length === 1 ? cleanName(persona.textContent) : undefined);
        add({ email: mailbox.email, ...(name && { name }), ...(label && { label }) });
      }
    }
  }
  for (const line of textLines(pane, (element) => element.matches(BODY))) {
    const label = leadingLabel(line);
    for (const mailbox of mailboxesIn(line)) add({ ...mailbox, ...(label && { label }) });
  }
  return [...people.values()];
}

export function withRoles(people: HeaderPerson[]): (HeaderPerson & { role: ContactRole })[] {
  const labelled = people.some((person) => person.label === 'from');
  return people.map((person, index) => {
    const sender = labelled ? person.label === 'from' : index === 0 && !person.label;
    const cc = person.label === 'cc' || person.label === 'bcc';
    return { ...person, role: sender ? 'sender' : cc ? 'cc' : 'recipient' };
  });
}
