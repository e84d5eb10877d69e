import ICAL from 'ical.js';
import type { z } from 'zod';

/**
 * Helpers shared by the vCard and iCalendar mappings: typed text properties and
 * JSON-valued X- properties that survive other servers' and apps' rewriting.
 */

/** Adds a TEXT property (ical.js escapes it), skipping empty values. */
export function addText(component: ICAL.Component, name: string, value: string | undefined) {
  if (value === undefined || value === '') return;
  const property = new ICAL.Property(name, component);
  property.resetType('text');
  property.setValue(value);
  component.addProperty(property);
}

/**
 * JSON in an X- property, as TEXT: ical.js escapes its commas, because Radicale
 * (vobject) reads an unescaped comma in an X- value as a list separator and keeps
 * only the first item — a JSON object cut at its first comma. `;` can only occur
 * inside JSON strings, where `\u003b` says the same without a separator.
 */
export function addJson(component: ICAL.Component, name: string, value: unknown) {
  addText(component, name, JSON.stringify(value).replace(/;/g, '\\u003b'));
}

/** Every text value of a property name, trimmed, empties dropped. */
export function texts(component: ICAL.Component, name: string): string[] {
  return component
    .getAllProperties(name)
    .flatMap((property) => property.getValues().map(asText))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export function firstText(component: ICAL.Component, name: string): string | undefined {
  return texts(component, name)[0];
}

/** Each value of a JSON property that the schema accepts; malformed ones are skipped. */
export function jsonValues<T>(component: ICAL.Component, name: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  for (const property of component.getAllProperties(name)) {
    const raw = String(property.getFirstValue() ?? '');
    // Radicale (vobject) writes X- values back TEXT-escaped (`\,` `\;` `\\`): undo that if need be.
    for (const text of [raw, raw.replace(/\\([\\,;])/g, '$1')]) {
      const parsed = schema.safeParse(parseJson(text));
      if (parsed.success) {
        out.push(parsed.data);
        break;
      }
    }
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // Someone else's value under our name: ignored, never fatal.
  }
}

export function firstJson<T>(
  component: ICAL.Component,
  name: string,
  schema: z.ZodType<T>,
): T | undefined {
  return jsonValues(component, name, schema)[0];
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).join(' ');
  return value === null || value === undefined ? '' : (value as { toString(): string }).toString();
}

/** `20261207T101500Z`: the UTC form every server reads. */
export function utcDateTime(instant: number): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(instant), true);
}

/** An instant from DATE-TIME or DATE values; floating times are read as UTC. */
export function instantOf(value: unknown): number | undefined {
  if (value instanceof ICAL.Time) return value.toJSDate().getTime();
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return parsed;
    try {
      return ICAL.Time.fromString(value, undefined).toJSDate().getTime();
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Parses one iCalendar or vCard object; undefined when it is neither. */
export function parseComponent(
  text: string,
  name: 'vcard' | 'vcalendar',
): ICAL.Component | undefined {
  try {
    const component = new ICAL.Component(ICAL.parse(text) as unknown[]);
    return component.name === name ? component : undefined;
  } catch {
    return undefined;
  }
}
