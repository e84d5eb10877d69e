import type { PostalAddress } from '../domain/card-fields';

/*
 * A postal address as the lines people of the user's locale write one. The order
 * follows the locale's region (en-US's street, then "City, ST 12345"; Germany's,
 * France's and Spain's "12345 City"; Britain's town and postcode on lines of their
 * own; Japan's largest part first), not the address's own country: it is the user
 * who reads it.
 */

type Order = 'us' | 'gb' | 'postal-first' | 'largest-first';

const ORDERS: Record<string, Order> = {
  US: 'us',
  CA: 'us',
  AU: 'us',
  GB: 'gb',
  IE: 'gb',
  JP: 'largest-first',
  CN: 'largest-first',
  KR: 'largest-first',
  TW: 'largest-first',
};

/** The region a locale's addresses are written for: `en` is en-US, `de` Germany. */
function regionOf(locale: string | undefined): string {
  try {
    return new Intl.Locale(locale ?? 'en').maximize().region ?? 'US';
  } catch {
    // A tag Intl cannot read: the order most of the world uses.
    return '';
  }
}

const joined = (separator: string, ...parts: (string | undefined)[]) =>
  parts.filter((part) => part && part.trim() !== '').join(separator);

/**
 * The lines to show, empty ones left out. `poBox` words a PO box ("PO Box 12",
 * "Postfach 12") from the page's catalogue.
 */
export function addressLines(
  address: PostalAddress,
  locale: string | undefined,
  poBox: (box: string) => string = (box) => box,
): string[] {
  const { extended, locality, region, postalCode, country } = address;
  const street = (address.street ?? '').split('\n');
  const box = address.poBox ? poBox(address.poBox) : '';
  const userRegion = regionOf(locale);
  const order = ORDERS[userRegion] ?? 'postal-first';
  let lines: (string | undefined)[];
  if (order === 'us')
    lines = [
      ...street,
      extended,
      box,
      joined(', ', locality, joined(' ', region, postalCode)),
      country,
    ];
  else if (order === 'gb')
    lines = [...street, extended, box, locality, region, postalCode, country];
  else if (order === 'largest-first')
    lines = [
      country,
      postalCode && userRegion === 'JP' ? `〒${postalCode}` : postalCode,
      joined(
        userRegion === 'JP' || userRegion === 'CN' || userRegion === 'TW' ? '' : ' ',
        region,
        locality,
      ),
      ...street,
      extended,
      box,
    ];
  else lines = [...street, extended, box, joined(' ', postalCode, locality), region, country];
  return lines.filter((line): line is string => !!line && line.trim() !== '');
}
