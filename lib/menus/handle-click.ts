import type { CreatePartyOutcome } from '../db/party-repository';
import { storageTroubleOf } from '../db/storage-trouble';
import type { PartyDraft } from '../domain/party';
import type { Party } from '../domain/party';
import type { Result } from '../domain/result';
import { uiText, type UiText } from '../domain/ui-text';
import { createNeverCapture, createNeverCapturePhone } from '../findings/never-capture';
import type { DetectedContactMessage, PageFindings } from '../protocol/contact-schemas';
import { draftFromContact, nameFromAddress } from '../ui/draft-from-contact';
import { readClickTarget, type ClickInfo, type ClickedContact } from './clicked-contact';
import { kindOf, type MenuId } from './menu-items';
import type { IntentContact, PanelIntent } from './panel-intent-schema';

/** What acting on a menu click needs; the worker passes the real ones, tests fakes. */
export interface MenuClickDeps {
  now: () => number;
  settings: () => Promise<{ region: string; neverCapture: string[] }>;
  /** What the tab's content script last reported (names for a bare `mailto:`). */
  readFindings: (tabId: number) => Promise<PageFindings | undefined>;
  /** Scans the tab now and keeps what it found, as the popup's page/scan does. */
  scanPage: (tabId: number) => Promise<{ scanned: boolean; count: number }>;
  findParty: (contact: ClickedContact) => Promise<Party | undefined>;
  createParty: (draft: PartyDraft) => Promise<Result<CreatePartyOutcome>>;
  saveIntent: (tabId: number, intent: PanelIntent) => Promise<void>;
}

export interface MenuClick {
  menuItemId: MenuId;
  info: ClickInfo;
  tabId: number;
  pageUrl?: string;
}

/**
 * Acts on a right-click and tells the side panel what to show. Every outcome,
 * including "nothing could be read", ends in an intent, so the panel that just
 * opened always says something.
 */
export async function handleMenuClick(click: MenuClick, deps: MenuClickDeps): Promise<PanelIntent> {
  let intent: PanelIntent;
  try {
    intent = await decide(click, deps);
  } catch (error) {
    // The store could not be read or written (full, or unavailable in this window):
    // the panel already opened says so rather than staying blank.
    intent = { at: deps.now(), show: { view: 'follow' }, notice: failureNotice(error) };
  }
  await deps.saveIntent(click.tabId, intent);
  return intent;
}

/** What went wrong, as the panel's notice: storage trouble in its own words. */
export function failureNotice(error: unknown): UiText {
  const trouble = storageTroubleOf(error);
  if (trouble) return trouble.words;
  const detail = error instanceof Error ? error.message : String(error);
  return uiText('menu_failed', { detail: (detail || 'an unknown error').slice(0, 500) });
}

async function decide(click: MenuClick, deps: MenuClickDeps): Promise<PanelIntent> {
  const at = deps.now();
  const say = (show: PanelIntent['show'], notice?: UiText, focus?: 'log'): PanelIntent => ({
    at,
    show,
    ...(notice ? { notice } : {}),
    ...(focus ? { focus } : {}),
  });

  if (click.menuItemId === 'find-contacts') {
    const { scanned, count } = await deps.scanPage(click.tabId);
    const notice = !scanned
      ? uiText('menu_page_unreadable')
      : count === 0
        ? uiText('menu_no_contacts')
        : uiText('menu_found_contacts', { count });
    return say({ view: 'page' }, notice);
  }

  const settings = await deps.settings();
  const target = readClickTarget(click.info, settings.region);
  if (target.kind === 'page') return say({ view: 'follow' });
  if (target.kind === 'unreadable')
    return say({ view: 'follow' }, uiText('menu_not_contact', { text: target.text.slice(0, 500) }));

  const isNeverCaptured = createNeverCapture(settings.neverCapture);
  const blocked =
    target.contact.emails.find(isNeverCaptured) ??
    target.contact.phones.find(createNeverCapturePhone(settings.neverCapture));
  if (blocked) return say({ view: 'follow' }, uiText('menu_never_capture', { value: blocked }));

  const contact = enrich(target.contact, await deps.readFindings(click.tabId));
  const kind = kindOf(click.menuItemId);
  if (kind) {
    const draft = draftFromContact(asDetected(contact), kind, click.pageUrl, at);
    const created = await deps.createParty(draft);
    if (!created.ok)
      return say(
        { view: 'add', contact, kind },
        uiText('menu_not_added', { reason: created.error.message }),
      );
    const { party } = created.value;
    const notice = created.value.created
      ? uiText('menu_added', { name: party.name, kind })
      : uiText('menu_already_on_file', { name: party.name, by: created.value.matchedBy });
    return say({ view: 'party', partyId: party.id }, notice);
  }

  const focus = click.menuItemId === 'log' ? 'log' : undefined;
  const known = await deps.findParty(contact);
  if (known) return say({ view: 'party', partyId: known.id }, undefined, focus);
  const notice =
    focus === 'log' ? uiText('menu_not_on_file', { name: labelOf(contact) }) : undefined;
  return say({ view: 'add', contact }, notice, focus);
}

/**
 * The page's own account of the clicked person (the content script read the link
 * text, the signature, structured data), joined by a shared address or phone. What
 * the click itself said wins.
 */
function enrich(clicked: ClickedContact, findings: PageFindings | undefined): IntentContact {
  const match = findings?.contacts.find(
    (found) =>
      found.emails.some((email) => clicked.emails.includes(email)) ||
      found.phones.some((phone) => clicked.phones.includes(phone)),
  );
  const contact: IntentContact = { emails: clicked.emails, phones: clicked.phones };
  const name = clicked.name ?? match?.name;
  if (name) contact.name = name;
  if (match?.organization) contact.organization = match.organization;
  if (match?.title) contact.title = match.title;
  if (match?.website) contact.website = match.website;
  return contact;
}

function asDetected(contact: IntentContact): DetectedContactMessage {
  return { ...contact, sources: [], confidence: 1 };
}

function labelOf(contact: IntentContact): string {
  const email = contact.emails[0];
  return contact.name ?? (email ? nameFromAddress(email) : (contact.phones[0] ?? 'This contact'));
}
