import { isInSkippedElement, ownElements, selectAll } from './element-skip';
import { cleanText, cleanUrl, joinName, recordFindings, type ContactRecord } from './structured';
import { detectorOf } from './element-pass';
import type { Finding } from './types';

const CONFIDENCE = 0.85;
/** Every card root, new (mf2) or classic (mf1): a property belongs to the nearest one. */
const CARD = '.h-card, .vcard';
const CARDS = ['.h-card', '.vcard'];

/**
 * Contacts in microformats: mf2 `h-card` and classic mf1 `vcard` (an element with both
 * classes is read as mf2). A card reads only its own properties; a card nested in it
 * is its own contact, except that a nested `p-org h-card` names the organization.
 */
export function* readHCards(root: ParentNode): Generator<undefined, Finding[], undefined> {
  const findings: Finding[] = [];
  for (const card of selectAll(root, CARDS)) {
    yield; // a pause before each item (element-pass.ts)
    if (isInSkippedElement(card)) continue;
    const record = card.classList.contains('h-card') ? readMf2(card) : readMf1(card);
    findings.push(...recordFindings(record, 'h-card', CONFIDENCE));
  }
  return findings;
}

export const findHCards = detectorOf(readHCards);

function readMf2(card: Element): ContactRecord {
  const own = (selector: string) => ownElements(card, selector, CARD);
  const org = own('.p-org')[0];
  const orgName = org?.classList.contains('h-card')
    ? ownElements(org, '.p-name', CARD)[0]
    : undefined;
  const name = text(own('.p-name')[0]) ?? impliedName(card);
  // A card that is another card's `p-org` is an organization: it is its own.
  const isOrg = card.classList.contains('p-org');
  return {
    name,
    emails: own('.u-email').map(urlValue),
    phones: [...own('.p-tel').map(textValue), ...own('.u-tel').map(urlValue)],
    organization: text(orgName ?? org) ?? (isOrg ? name : undefined),
    title: text(own('.p-job-title')[0]),
    website: url(own('.u-url')[0]),
  };
}

function readMf1(card: Element): ContactRecord {
  const own = (selector: string) => ownElements(card, selector, CARD);
  const fullName = joinName(text(own('.given-name')[0]), text(own('.family-name')[0]));
  return {
    name: text(own('.fn')[0]) ?? fullName,
    emails: own('.email').map(urlValue),
    phones: own('.tel').map(textValue),
    organization: text(own('.organization-name')[0] ?? own('.org')[0]),
    title: text(own('.title')[0]),
    website: url(own('.url')[0]),
  };
}

/**
 * mf2's implied name: a card with no `p-`/`e-` property and no nested microformat is
 * named by its own text (`<a class="h-card" href="…">Ada Lovelace</a>`).
 */
function impliedName(card: Element): string | undefined {
  for (const element of card.querySelectorAll('[class]')) {
    for (const name of element.classList) if (/^[peh]-/.test(name)) return undefined;
  }
  const name = text(card);
  return name && !name.includes('@') && name.length <= 100 ? name : undefined;
}

/**
 * A `p-` value: an `abbr`'s title, a `data`'s value, an `img`'s alt, the `value`
 * parts (value-class pattern, as in `<span class="tel"><span class="value">…`), or text.
 */
function textValue(element: Element): string {
  if (element.matches('abbr[title]')) return element.getAttribute('title')!;
  if (element.matches('data[value]')) return element.getAttribute('value')!;
  if (element.matches('img[alt]')) return element.getAttribute('alt')!;
  const parts = [...element.querySelectorAll('.value')];
  if (parts.length > 0) return parts.map((part) => part.textContent ?? '').join('');
  return element.textContent ?? '';
}

/** A `u-` value: a link's `href` (`mailto:`/`tel:` stripped later), else its text value. */
function urlValue(element: Element): string {
  if (element.matches('a[href], area[href], link[href]')) return element.getAttribute('href')!;
  return textValue(element);
}

function text(element: Element | undefined): string | undefined {
  return element && cleanText(textValue(element));
}

function url(element: Element | undefined): string | undefined {
  return element && cleanUrl(urlValue(element), element.baseURI);
}
