import { isUnderSkippedElement, selectAll } from './element-skip';
import { indexIds, isObject, list, prop, strings, text, type JsonObject } from './json-ld-values';
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
} from './structured';
import { detectorOf } from './element-pass';
import type { Finding } from './types';

const CONFIDENCE = 0.85;
// A hostile or huge blob must not hang the page: skip it, or stop walking it.
const MAX_TEXT = 1_000_000;
const MAX_VISITS = 5_000;
const MAX_DEPTH = 32;
const MAX_FINDINGS = 500;

/**
 * schema.org people, organizations and contact points in JSON-LD blocks, walked by
 * hand (`@graph`, arrays, nested objects). Malformed JSON is ignored.
 */
export function* readJsonLd(root: ParentNode): Generator<undefined, Finding[], undefined> {
  const findings: Finding[] = [];
  for (const script of selectAll(root, 'script[type^="application/ld+json" i]')) {
    yield; // a pause before each item (element-pass.ts)
    const type = script.getAttribute('type') ?? '';
    if (!/^application\/ld\+json\s*(?:;|$)/i.test(type) || isUnderSkippedElement(script)) continue;
    const text = script.textContent ?? '';
    if (text.length > MAX_TEXT) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    new Walk(data, findings).visit(data, undefined, 0);
  }
  return findings;
}

export const findJsonLd = detectorOf(readJsonLd);

class Walk {
  #visits = 0;
  #emitted = 0;
  #ids: Map<string, JsonObject> | undefined;

  readonly #data: unknown;
  readonly #out: Finding[];

  constructor(data: unknown, out: Finding[]) {
    this.#data = data;
    this.#out = out;
  }

  /** `organization`: the organization this value is a member of, if any. */
  visit(value: unknown, organization: string | undefined, depth: number): void {
    if (depth > MAX_DEPTH || ++this.#visits > MAX_VISITS) return;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (this.#visits > MAX_VISITS) return;
        this.visit(item, organization, depth + 1);
      }
      return;
    }
    if (!isObject(value)) return;
    const kind = schemaKind(strings(value['@type']));
    let name: string | undefined;
    if (kind === 'person') this.#emit(this.#person(value, organization));
    else if (kind === 'organization') {
      name = orgName(value);
      this.#emit({ ...this.#reach(value), name, organization: name, website: url(value) });
    } else if (kind === 'contact-point') {
      this.#emit({ ...this.#reach(value), name: text(prop(value, 'name')), organization });
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context' || typeof child !== 'object' || child === null) continue;
      const bare = key.replace(SCHEMA_PREFIX, '');
      if (kind && bare === 'contactPoint') continue; // folded into this item's record
      this.visit(child, kind === 'organization' && MEMBERS.has(bare) ? name : undefined, depth + 1);
    }
  }

  #person(node: JsonObject, organization: string | undefined): ContactRecord {
    const fullName = joinName(text(prop(node, 'givenName')), text(prop(node, 'familyName')));
    return {
      ...this.#reach(node),
      name: text(prop(node, 'name')) ?? fullName,
      organization: organization ?? this.#affiliation(node),
      title: text(prop(node, 'jobTitle')),
      website: url(node),
    };
  }

  /** The item's own emails and phones, and those of its contact points. */
  #reach(node: JsonObject): { emails: string[]; phones: string[] } {
    const emails = strings(prop(node, 'email'));
    const phones = strings(prop(node, 'telephone'));
    for (const point of list(prop(node, 'contactPoint'))) {
      if (!isObject(point)) continue;
      const resolved = this.#resolve(point);
      emails.push(...strings(prop(resolved, 'email')));
      phones.push(...strings(prop(resolved, 'telephone')));
    }
    return { emails, phones };
  }

  #affiliation(node: JsonObject): string | undefined {
    for (const key of AFFILIATIONS) {
      for (const value of list(prop(node, key))) {
        if (typeof value === 'string') return cleanText(value);
        if (!isObject(value)) continue;
        const name = orgName(this.#resolve(value));
        if (name) return name;
      }
    }
    return undefined;
  }

  /** A bare `{"@id": …}` reference is the node elsewhere in the blob with that id. */
  #resolve(node: JsonObject): JsonObject {
    const id = node['@id'];
    if (typeof id !== 'string' || Object.keys(node).length > 1) return node;
    this.#ids ??= indexIds(this.#data, MAX_VISITS);
    return this.#ids.get(id) ?? node;
  }

  #emit(record: ContactRecord): void {
    for (const finding of recordFindings(record, 'json-ld', CONFIDENCE)) {
      if (this.#emitted++ >= MAX_FINDINGS) return;
      this.#out.push(finding);
    }
  }
}

const url = (node: JsonObject) => text(prop(node, 'url'), (raw) => cleanUrl(raw));
const orgName = (node: JsonObject) => text(prop(node, 'name')) ?? text(prop(node, 'legalName'));
