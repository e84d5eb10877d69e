/*
 * The common content line read without ical.js's general tokenizer: no quotes,
 * escapes or RFC 6868 carets anywhere, every parameter `name=value`, each named once.
 * Such a line splits one way only, and it is split here as ical.js splits it; its
 * values and parameters are still decoded by ical.js's own design set (the same
 * value types, the same fromICAL), so the result is the one ICAL.parse.property
 * gives (vcard-parse.test.ts compares the two over generated lines). Anything else
 * returns null and goes to ical.js whole. Most lines of most files are this simple,
 * and ical.js's tokenizer was a fifth of the time a big file took to read.
 */
const NOT_SIMPLE = /[\\"^]/;

interface ValueSpec {
  fromICAL?: (value: string, structured?: string | false) => unknown;
}
interface PropertySpec {
  defaultType?: string;
  multiValue?: string;
  structuredValue?: string;
  detectType?: (value: string) => string;
}
interface ParamSpec {
  valueType?: string;
  multiValue?: string;
}
/** The parts of an ical.js design set this reads (ICAL.design.vcard, .vcard3). */
export interface DesignTables {
  value: Record<string, ValueSpec>;
  param: Record<string, ParamSpec>;
  property: Record<string, PropertySpec>;
  propertyGroups?: boolean;
}

/**
 * A design set's tables as Maps, made once per set. Names come from the line as new
 * strings; looking one up in a Map costs a hash, where `name in object` made V8
 * intern the string first, and that was the costliest line of reading a card.
 */
interface Lookup {
  value: Map<string, ValueSpec>;
  param: Map<string, ParamSpec>;
  property: Map<string, PropertySpec>;
  /** Lower-case names every object inherits (`constructor`): `in` finds those too. */
  inherited: Set<string>;
}
const lookups = new WeakMap<DesignTables, Lookup>();

function lookupOf(design: DesignTables): Lookup {
  let lookup = lookups.get(design);
  if (!lookup) {
    const inherited = new Set<string>();
    for (let proto = Object.getPrototypeOf(design.property) as object | null; proto;) {
      for (const key of Object.getOwnPropertyNames(proto))
        if (key === key.toLowerCase()) inherited.add(key);
      proto = Object.getPrototypeOf(proto) as object | null;
    }
    lookup = {
      value: new Map(Object.entries(design.value)),
      param: new Map(Object.entries(design.param)),
      property: new Map(Object.entries(design.property)),
      inherited,
    };
    lookups.set(design, lookup);
  }
  return lookup;
}

/**
 * ical.js's parse._parseValue: the type's fromICAL, when it has one. A simple line has
 * no backslash, and ical.js's text and phone-number decoders only read backslash
 * escapes: those two give the value back as it is, and are not called (phone-number's
 * splits the value into an array of characters and joins it again).
 */
function decode(value: string, type: string, lookup: Lookup, structured: string | false) {
  if (type === 'text' || type === 'phone-number') return value;
  const spec = lookup.value.get(type);
  if (spec && 'fromICAL' in spec) return spec.fromICAL!(value, structured);
  return value;
}

/**
 * ical.js's parse._parseMultiValue for a text without escapes: a plain split, each
 * piece decoded (or split again on `inner`), one piece given as itself.
 */
function split(
  text: string,
  delimiter: string,
  type: string,
  inner: string | undefined,
  lookup: Lookup,
  structured: string | false,
  out: unknown[] = [],
): unknown[] {
  let from = 0;
  for (;;) {
    const at = text.indexOf(delimiter, from);
    const piece = at < 0 ? text.slice(from) : text.slice(from, at);
    out.push(
      inner
        ? collapse(split(piece, inner, type, undefined, lookup, structured))
        : decode(piece, type, lookup, structured),
    );
    if (at < 0) return out;
    from = at + delimiter.length;
  }
}

const collapse = (values: unknown[]): unknown => (values.length === 1 ? values[0] : values);

/** One parameter's value as ical.js's parse._parseParameters gives it. */
function paramValue(name: string, text: string, lookup: Lookup): unknown {
  const spec = lookup.param.get(name);
  const type = spec?.valueType ?? 'text';
  return spec?.multiValue
    ? collapse(split(text, spec.multiValue, type, undefined, lookup, false))
    : decode(text, type, lookup, false);
}

/** The further values of a property that has none: one list, never written to. */
const NO_MORE_VALUES: readonly unknown[] = Object.freeze([]);

export interface SimpleProperty {
  value: unknown;
  values: readonly unknown[];
  params: Record<string, unknown>;
}

/**
 * A simple content line read as ICAL.parse.property reads it (its first value, any
 * further ones, its parameters), or null when the line is not simple.
 */
export function readSimpleLine(line: string, design: DesignTables): SimpleProperty | null {
  if (NOT_SIMPLE.test(line)) return null;
  const lookup = lookupOf(design);
  const valuePos = line.indexOf(':');
  if (valuePos < 0) return null;
  let paramPos = line.indexOf(';');
  if (paramPos > valuePos) paramPos = -1;
  const params: Record<string, unknown> = {};
  // VALUE is read into the type and not kept: held aside rather than set and deleted
  // (a deleted key turns the object into a slow dictionary for every later read).
  let valueParam: unknown;
  if (paramPos >= 0) {
    let at = paramPos + 1;
    for (;;) {
      let end = line.indexOf(';', at);
      if (end < 0 || end > valuePos) end = valuePos;
      const eq = line.indexOf('=', at);
      if (eq <= at || eq >= end) return null;
      const name = line.slice(at, eq).toLowerCase();
      // A repeated parameter (ical.js merges those) or an inherited name: ical.js reads it.
      if (name === 'value') {
        if (valueParam !== undefined) return null;
        valueParam = paramValue(name, line.slice(eq + 1, end), lookup);
      } else {
        if (Object.hasOwn(params, name) || lookup.inherited.has(name)) return null;
        params[name] = paramValue(name, line.slice(eq + 1, end), lookup);
      }
      if (end === valuePos) break;
      at = end + 1;
    }
  }
  let name = line.slice(0, paramPos < 0 ? valuePos : paramPos).toLowerCase();
  const value = line.slice(valuePos + 1);
  if (design.propertyGroups && name.includes('.')) {
    const parts = name.split('.');
    params.group = parts[0];
    name = parts[1]!;
  }
  const spec = lookup.property.get(name);
  if (!spec && lookup.inherited.has(name)) return null;
  const multi = spec && 'multiValue' in spec ? spec.multiValue : undefined;
  const structured = spec && 'structuredValue' in spec ? spec.structuredValue : undefined;
  let type = value && spec && 'detectType' in spec ? spec.detectType!(value) : undefined;
  if (!type) {
    if (valueParam === undefined) type = spec ? spec.defaultType! : 'unknown';
    else type = (valueParam as string).toLowerCase();
  }
  if (multi && structured)
    return {
      value: collapse(split(value, structured, type, multi, lookup, structured)),
      values: NO_MORE_VALUES,
      params,
    };
  if (multi) {
    const [first, ...rest] = split(value, multi, type, undefined, lookup, false);
    return { value: first, values: rest, params };
  }
  if (structured)
    return {
      value: collapse(split(value, structured, type, undefined, lookup, structured)),
      values: NO_MORE_VALUES,
      params,
    };
  return { value: decode(value, type, lookup, false), values: NO_MORE_VALUES, params };
}
