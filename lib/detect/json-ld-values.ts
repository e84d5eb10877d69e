// JSON-LD value access for json-ld.ts: plain JSON, prefixed names, `@value` literals.
import { cleanText } from './structured';

export type JsonObject = Record<string, unknown>;

/** More values than this in one property are not read. */
const MAX_LIST = 20;

/** Every node with an `@id` and something more, found without recursion (budgeted). */
export function indexIds(data: unknown, maxVisits: number): Map<string, JsonObject> {
  const ids = new Map<string, JsonObject>();
  const stack = [data];
  for (let visits = 0; stack.length > 0 && visits < maxVisits; visits++) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    const id = (value as JsonObject)['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1) ids.set(id, value as JsonObject);
    for (const child of Object.values(value)) if (stack.length < maxVisits) stack.push(child);
  }
  return ids;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property by its bare name or its schema.org-prefixed name. */
export function prop(node: JsonObject, name: string): unknown {
  return (
    node[name] ??
    node[`schema:${name}`] ??
    node[`https://schema.org/${name}`] ??
    node[`http://schema.org/${name}`]
  );
}

export function list(value: unknown): unknown[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).slice(0, MAX_LIST);
}

/** Strings, and `{"@value": "…"}` literals, in a value or a list of values. */
export function strings(value: unknown): string[] {
  const found: string[] = [];
  for (const item of list(value)) {
    const literal = isObject(item) ? item['@value'] : item;
    if (typeof literal === 'string') found.push(literal);
  }
  return found;
}

/** The first string in `value` that survives `clean`. */
export function text(value: unknown, clean = (raw: string) => cleanText(raw)): string | undefined {
  for (const item of strings(value)) if (clean(item)) return clean(item);
  return undefined;
}
