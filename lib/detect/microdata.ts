import { isInSkippedElement, ownElements, selectAll } from './element-skip';
import {
  AFFILIATIONS,
  MEMBERS,
  SCHEMA_PREFIX,
  cleanText,
  cleanUrl,
  joinName,
  recordFindings,
  schemaKind,
  type ContactRecord,
  type SchemaKind,
} from './structured';
import { detectorOf } from './element-pass';
import type { Finding } from './types';

const CONFIDENCE = 0.85;
const ITEM = '[itemscope]';
const SCHEMA_URL = /^https?:\/\/(?:www\.)?schema\.org\//i;

/** An item's own properties by name (`itemprop` may list several, or full URLs). */
type Properties = Map<string, Element[]>;

/**
 * schema.org people and organizations in microdata (`itemscope` + `itemtype`). Each
 * item reads only its own properties: a nested item is its own contact, except that
 * a person's `worksFor`/`affiliation`/`memberOf` organization names the person's
 * organization. `itemref` is not followed.
 */
export function* readMicrodata(root: ParentNode): Generator<undefined, Finding[], undefined> {
  const findings: Finding[] = [];
  for (const item of selectAll(root, '[itemscope][itemtype*="schema.org/" i]')) {
    yield; // a pause before each item (element-pass.ts)
    const kind = kindOf(item);
    if (!kind || kind === 'contact-point' || isInSkippedElement(item)) continue;
    const props = properties(item);
    const record = kind === 'person' ? person(item, props) : organization(props);
    findings.push(...recordFindings(record, 'microdata', CONFIDENCE));
  }
  return findings;
}

export const findMicrodata = detectorOf(readMicrodata);

function kindOf(item: Element): SchemaKind | undefined {
  const types = (item.getAttribute('itemtype') ?? '').split(/\s+/);
  return schemaKind(types.filter((type) => SCHEMA_URL.test(type)));
}

function person(item: Element, props: Properties): ContactRecord {
  const fullName = joinName(first(props, 'givenName'), first(props, 'familyName'));
  return {
    ...reach(props),
    name: first(props, 'name') ?? fullName,
    organization: employer(item) ?? affiliation(props),
    title: first(props, 'jobTitle'),
    website: link(props, 'url'),
  };
}

function organization(props: Properties): ContactRecord {
  const name = first(props, 'name') ?? first(props, 'legalName');
  return { ...reach(props), name, organization: name, website: link(props, 'url') };
}

/** The item's own emails and phones, and those of its nested contact points. */
function reach(props: Properties): { emails: string[]; phones: string[] } {
  const emails = all(props, 'email');
  const phones = all(props, 'telephone');
  for (const point of props.get('contactPoint') ?? []) {
    if (!point.hasAttribute('itemscope')) continue;
    const pointProps = properties(point);
    emails.push(...all(pointProps, 'email'));
    phones.push(...all(pointProps, 'telephone'));
  }
  return { emails, phones };
}

/** The name of the organization a person item is an employee or member of. */
function employer(item: Element): string | undefined {
  const names = (item.getAttribute('itemprop') ?? '').split(/\s+/);
  if (!names.some((name) => MEMBERS.has(name.replace(SCHEMA_PREFIX, '')))) return undefined;
  const parent = item.parentElement?.closest(ITEM);
  if (!parent || kindOf(parent) !== 'organization') return undefined;
  const props = properties(parent);
  return first(props, 'name') ?? first(props, 'legalName');
}

function affiliation(props: Properties): string | undefined {
  for (const key of AFFILIATIONS) {
    for (const element of props.get(key) ?? []) {
      const name = element.hasAttribute('itemscope')
        ? first(properties(element), 'name')
        : cleanText(value(element));
      if (name) return name;
    }
  }
  return undefined;
}

function properties(item: Element): Properties {
  const props: Properties = new Map();
  for (const element of ownElements(item, '[itemprop]', ITEM)) {
    for (const raw of (element.getAttribute('itemprop') ?? '').split(/\s+/)) {
      const name = raw.replace(SCHEMA_PREFIX, '');
      if (name) props.set(name, [...(props.get(name) ?? []), element]);
    }
  }
  return props;
}

/** A property's value: its `content`, a link's `href`, or its text. */
function value(element: Element): string {
  const content = element.getAttribute('content');
  if (content !== null) return content;
  if (element.matches('a[href], area[href], link[href]')) return element.getAttribute('href')!;
  return element.textContent ?? '';
}

function all(props: Properties, name: string): string[] {
  return (props.get(name) ?? []).filter((el) => !el.hasAttribute('itemscope')).map(value);
}

function first(props: Properties, name: string): string | undefined {
  return all(props, name)
    .map((raw) => cleanText(raw))
    .find(Boolean);
}

function link(props: Properties, name: string): string | undefined {
  const element = props.get(name)?.[0];
  return element && cleanUrl(value(element), element.baseURI);
}
