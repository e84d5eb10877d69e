import { isCardDate } from '../domain/card-date';
import {
  ADDRESS_PARTS,
  CONTACT_TYPES,
  MAX_PHOTO_BYTES,
  type ContactType,
  type Photo,
  type PostalAddress,
} from '../domain/card-fields';

/*
 * Property values as ical.js gives them (strings, arrays for structured values,
 * parameters as strings or arrays) turned into the record's fields.
 */

export type Params = Record<string, unknown>;

/** A parameter's values, split on commas, lower-cased. */
export function paramList(params: Params, name: string): string[] {
  const raw = params[name];
  if (raw === undefined) return [];
  // Loops, not flatMap: this runs several times for every line of a big file.
  const out: string[] = [];
  if (typeof raw === 'string') wordsOf(raw, out);
  else
    for (const value of Array.isArray(raw) ? (raw as unknown[]) : [raw])
      wordsOf(String(value), out);
  return out;
}

/** A parameter value's comma-separated words, trimmed and lower-cased, added to `out`. */
function wordsOf(text: string, out: string[]): void {
  // One word (`work`, `CELL`) is the common case: no split array for it.
  if (!text.includes(',')) out.push(text.trim().toLowerCase());
  else for (const word of text.split(',')) out.push(word.trim().toLowerCase());
}

const TYPE_WORDS: Record<string, ContactType> = {
  work: 'work',
  home: 'home',
  cell: 'mobile',
  mobile: 'mobile',
  fax: 'fax',
  pager: 'pager',
  other: 'other',
};
/** Types that say nothing a user would look for (vCard's defaults and transport words). */
const NOISE = new Set(['pref', 'internet', 'voice', 'x400', 'dom', 'intl', 'postal', 'parcel']);

export interface TypeInfo {
  types: ContactType[];
  /** A type word Clientele has no type for (`main`, `iPhone`, `text`), kept as the label. */
  label?: string;
  preferred: boolean;
}

const isContactType = (type: string) => (CONTACT_TYPES as readonly string[]).includes(type);

export function typesOf(params: Params): TypeInfo {
  const words = paramList(params, 'type');
  const types: ContactType[] = [];
  const others: string[] = [];
  for (const word of words) {
    const type = TYPE_WORDS[word];
    if (type && !types.includes(type)) types.push(type);
    else if (!type && !NOISE.has(word) && word !== '') others.push(word);
  }
  // Any PREF value says preferred (what paramList would give is not needed, only whether it gives any).
  const pref = params.pref;
  const info: TypeInfo = {
    // Every type word maps to a contact type today; the filter guards the table.
    types: types.every(isContactType) ? types : types.filter(isContactType),
    preferred:
      words.includes('pref') || (pref !== undefined && !(Array.isArray(pref) && pref.length === 0)),
  };
  if (others.length > 0) info.label = others.join(' ');
  return info;
}

/** A value that may be an array (a structured or multi-valued part) as one text. */
export function textOf(value: unknown, join = ' '): string {
  if (Array.isArray(value)) return value.map((v) => textOf(v, join)).join(join);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : (value as { toString(): string }).toString();
}

/** Structured parts, each part's own list joined (an unescaped comma split it). */
export function partsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [textOf(value)];
  return value.map((part) => textOf(part, ', ').trim());
}

export function addressOf(value: unknown, info: TypeInfo, label?: string): PostalAddress {
  const parts = partsOf(value);
  const address: PostalAddress = { types: info.types };
  ADDRESS_PARTS.forEach((key, i) => {
    const part = parts[i];
    if (part) address[key] = part;
  });
  const named = label ?? info.label;
  if (named) address.label = named;
  return address;
}

/**
 * A BDAY or ANNIVERSARY as the record keeps it, or undefined when it is not a date
 * (free text such as “circa 1800” is kept verbatim by the caller). Apple writes a
 * year-less birthday as 1604 with X-APPLE-OMIT-YEAR=1604.
 */
export function cardDateOf(value: unknown, params: Params): string | undefined {
  const text = textOf(value).trim();
  const full = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(text);
  const noYear = /^--(\d{2})-?(\d{2})/.exec(text);
  let date: string | undefined;
  if (full) {
    const omit = paramList(params, 'x-apple-omit-year')[0];
    date = omit === full[1] ? `--${full[2]}-${full[3]}` : `${full[1]}-${full[2]}-${full[3]}`;
  } else if (noYear) date = `--${noYear[1]}-${noYear[2]}`;
  return date !== undefined && isCardDate(date) ? date : undefined;
}

/** How many bytes a base64 text holds. */
export const base64Bytes = (data: string) =>
  Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);

export type PhotoRead = { photo: Photo } | { tooLarge: number } | { notInline: true };

/** PHOTO as 3.0 (ENCODING=b;TYPE=JPEG) or 4.0 (a data: URI); a linked one is not inline. */
export function photoOf(value: unknown, params: Params): PhotoRead {
  const text = textOf(value).replace(/\s+/g, '');
  let mediaType: string;
  let data: string;
  const uri = /^data:(image\/[a-z0-9.+-]+)(?:;[^,]*)?;base64,(.*)$/i.exec(text);
  if (uri) {
    mediaType = uri[1]!.toLowerCase();
    data = uri[2]!;
  } else if (paramList(params, 'encoding').some((e) => e === 'b' || e === 'base64')) {
    const type = paramList(params, 'type')[0] ?? 'jpeg';
    mediaType = type.includes('/') ? type : `image/${type}`;
    data = text;
  } else return { notInline: true };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || !/^image\/[a-z0-9.+-]{1,40}$/.test(mediaType))
    return { notInline: true };
  const bytes = base64Bytes(data);
  return bytes > MAX_PHOTO_BYTES ? { tooLarge: bytes } : { photo: { mediaType, data } };
}
