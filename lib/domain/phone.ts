import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Validates a phone number as written and returns it in E.164 (`+4930123456`), or
 * `null` when libphonenumber-js does not consider it a valid number. National forms
 * are read in `region` (an ISO 3166 alpha-2 code such as `US` or `DE`).
 * An extension is kept in RFC 3966 style: `+12125550100;ext=12`.
 *
 * @example normalizePhone('(212) 555-0100', 'US') // '+12125550100'
 */
export function normalizePhone(raw: string, region: string): string | null {
  const text = raw.trim().replace(/^tel:/i, '');
  if (text.length === 0 || text.length > 64) return null;
  const parsed = parsePhoneNumberFromString(text, {
    defaultCountry: isRegion(region) ? region : undefined,
    extract: false,
  });
  if (!parsed?.isValid()) return null;
  return parsed.ext ? `${parsed.number};ext=${parsed.ext}` : parsed.number;
}

function isRegion(region: string): region is CountryCode {
  return /^[A-Z]{2}$/.test(region);
}
