import { isInSkippedElement, selectAll } from './element-skip';
import {
  cleanText,
  cleanUrl,
  joinName,
  recordFindings,
  SCHEMA_PREFIX,
  schemaKind,
} from './structured';
import { detectorOf } from './element-pass';
import type { Finding } from './types';

const CONFIDENCE = 0.85;
const ITEM = '[typeof]';
const SCHEMA_VOCAB = /^https?:\/\/(?:www\.)?schema\.org\/?$/i;

/**
 * schema.org people and organizations in RDFa Lite (`vocab`, `typeof`, `property`),
 * with the fields microdata gives: a value is a `content` attribute (a `<meta
 * property content>` holds one no one sees), a link's `href`, or the text. Each
 * item reads only its own properties; a nested item is its own contact.
 */
export function* readRdfa(root: ParentNode): Generator<undefined, Finding[], undefined> {
  const findings: Finding[] = [];
  for (const item of selectAll(root, ITEM)) {
    yield; // a pause before each item (element-pass.ts)
    const types = (item.getAttribute('typeof') ?? '').split(/\s+/);
    const vocab = item.closest('[vocab]')?.getAttribute('vocab') ?? '';
    const schema = types.filter((type) => /^schema:/i.test(type) || SCHEMA_VOCAB.test(vocab));
    const kind = schemaKind(schema);
    if (!kind || kind === 'contact-point' || isInSkippedElement(item)) continue;
    const props = properties(item);
    const first = (name: string) =>
      props
        .get(name)
        ?.map((raw) => cleanText(raw))
        .find(Boolean);
    const name =
      first('name') ??
      (kind === 'person' ? joinName(first('givenName'), first('familyName')) : undefined);
    const record = {
      name: name ?? first('legalName'),
      emails: props.get('email') ?? [],
      phones: props.get('telephone') ?? [],
      organization: kind === 'organization' ? (name ?? first('legalName')) : undefined,
      title: kind === 'person' ? first('jobTitle') : undefined,
      website: cleanUrl(props.get('url')?.[0], item.baseURI),
    };
    findings.push(...recordFindings(record, 'rdfa', CONFIDENCE));
  }
  return findings;
}

export const findRdfa = detectorOf(readRdfa);

/** The item's own property values by name (a nested item's are its own). */
function properties(item: Element): Map<string, string[]> {
  const props = new Map<string, string[]>();
  for (const element of item.querySelectorAll('[property]')) {
    if (element.parentElement?.closest(ITEM) !== item || element.hasAttribute('typeof')) continue;
    const value =
      element.getAttribute('content') ??
      element.getAttribute('href') ??
      element.getAttribute('src') ??
      element.textContent ??
      '';
    for (const raw of (element.getAttribute('property') ?? '').split(/\s+/)) {
      const name = raw.replace(SCHEMA_PREFIX, '');
      if (name) props.set(name, [...(props.get(name) ?? []), value]);
    }
  }
  return props;
}
