import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { PhoneSchema } from './phone-schema';

/**
 * Validates a phone number as written and returns it in E.164 (`+4930123456`), or
 * `null` when libphonenumber-js does not consider it a valid number or it does not
 * fit the stored form (`PhoneSchema`). National forms are read in `region` (an
 * ISO 3166 alpha-2 code such as `US` or `DE`).
 * An extension is kept in RFC 3966 style: `+12125550100;ext=12`.
 *
 * @example normalizePhone('(212) 555-0100', 'US') // '+12125550100'
 */
export function normalizePhone(raw: string, region: string): string | null {
  const key = `${region}|${raw}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  if (recent.size >= RECENT_MAX) recent.clear();
  const phone = readPhone(raw, region);
  recent.set(key, phone);
  return phone;
}

/**
 * Answers kept for the phones read lately. Reading one costs ~10 µs, and the same
 * text is often read twice in a row: an import screens each row's phones and then
 * builds the record from them, and a page reports the numbers it showed before.
 * The answer depends on nothing but the text and the region.
 */
const recent = new Map<string, string | null>();
const RECENT_MAX = 4096;

/** Forgets the kept answers: a benchmark that reads the same phones round after round must. */
export function forgetRecentPhones(): void {
  recent.clear();
}

// Dates are valid numbers in regions of variable-length numbering (`2026-11-23` is a
// German number to libphonenumber); no one writes a phone as a date.
const DATE_SHAPED =
  /^(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2(?:\d{2}|\d{4})|(?:19|20)\d\d([-/.])(?:0?[1-9]|1[0-2])\3\d+)$/;
// A country code in brackets without its `+`: `( 33 1) 42 68 53 00` is +33 1 42 68 53 00.
const BRACKETED_COUNTRY = /^\(\s*([1-9]\d{0,2})\s+(\d{1,4})\s*\)\s*/;

function readPhone(raw: string, region: string): string | null {
  const text = raw.trim().replace(/^tel:/i, '').replace(BRACKETED_COUNTRY, '+$1 $2 ');
  if (text.length === 0 || text.length > 64 || DATE_SHAPED.test(text)) return null;
  const parsed = parsePhoneNumberFromString(text, {
    defaultCountry: isRegion(region) ? region : undefined,
    extract: false,
  });
  if (!parsed?.isValid()) return null;
  const e164 = parsed.ext ? `${parsed.number};ext=${parsed.ext}` : parsed.number;
  // libphonenumber also accepts forms the stored schema refuses (4-digit German and
  // Austrian numbers, extensions of 11+ digits); storing one would make the record
  // unreadable, so they are refused here.
  return PhoneSchema.safeParse(e164).success ? e164 : null;
}

/**
 * How a stored phone (E.164) reads to the user: in the national form when it is a
 * number of their own region (`(212) 555-0100` for a US user), else international
 * (`+44 20 7946 0958`). A value libphonenumber cannot read is shown as stored.
 */
export function formatPhone(e164: string, region: string): string {
  const [number = e164, ext] = e164.split(';ext=');
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed) return e164;
  const shown = parsed.country === region ? parsed.formatNational() : parsed.formatInternational();
  return ext ? `${shown} ext. ${ext}` : shown;
}

function isRegion(region: string): region is CountryCode {
  return /^[A-Z]{2}$/.test(region);
}
