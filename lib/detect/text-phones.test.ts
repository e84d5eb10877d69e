import { describe, expect, it } from 'vitest';
import { countBacktracks, LINEAR_RUN } from '../../tests/support/backtracking';
import { runTextDetectors } from './text-pass';
import { findTextPhones } from './text-phones';

const phonesIn = (text: string) => findTextPhones(text).flatMap((finding) => finding.phones);

/** A detached document built from markup (DOMParser keeps the HTML out of the live page). */
function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>${body}</body></html>`,
    'text/html',
  );
}

describe('findTextPhones', () => {
  it('finds a number in running text as a text-phone finding, as written', () => {
    expect(findTextPhones('Ring me on +44 20 7946 0958 after lunch.')).toEqual([
      { phones: ['+44 20 7946 0958'], source: 'text-phone', confidence: 0.5 },
    ]);
  });

  it.each([
    ['international with spaces', '+44 20 7946 0958'],
    ['international with hyphens', '+1-212-555-0100'],
    ['international with a trunk zero', '+49 (0)30 1234567'],
    ['international with a spaced trunk zero', '+44 (0) 20 7946 0958'],
    ['an international area code in parentheses', '+1 (212) 555-0100'],
    ['a country code in parentheses', '(+44) 20 7946 0958'],
    ['international without separators', '+4930123456'],
    ['French international', '+33 1 23 45 67 89'],
    ['US national', '(212) 555-0100'],
    ['US national without a space', '(212)555-0100'],
    ['US dotted', '212.555.0100'],
    ['US toll-free', '1-800-555-0100'],
    ['UK national', '020 7946 0958'],
    ['UK mobile', '07700 900123'],
    ['German national', '030 1234567'],
    ['German with a slash', '030/1234567'],
    ['German with a spaced slash', '030 / 123 45 67'],
    ['French national', '01 23 45 67 89'],
    ['French dotted', '01.23.45.67.89'],
    ['Spanish mobile', '612 345 678'],
    ['a US local number', '555-0100'],
    ['en dashes', '020–7946–0958'],
    ['non-breaking spaces', '+44\u00a020\u00a07946\u00a00958'],
    ['an extension', '+44 20 7946 0958 ext. 12'],
    ['a short extension', '(212) 555-0100 x12'],
    ['an extension without spaces', '555-0100x12'],
    ['a spelled-out extension', '212-555-0100 extension 4521'],
  ])('finds %s: %j', (_what, phone) => {
    expect(phonesIn(`Reach us at ${phone} any time`)).toEqual([phone]);
  });

  it.each([
    ['Tel: 02079460958', '02079460958'],
    ['Tel.: 030 1234567', '030 1234567'],
    ['Phone: (212) 555-0100', '(212) 555-0100'],
    ['Phone no. 020 7946 0958', '020 7946 0958'],
    ['phone number: 020 7946 0958', '020 7946 0958'],
    ['T: +44 20 7946 0958', '+44 20 7946 0958'],
    ['M: 07700 900123', '07700 900123'],
    ['F:+1 212 555 0199', '+1 212 555 0199'],
    ['Call us on 020 7946 0958', '020 7946 0958'],
    ['call 5550100', '5550100'],
    ['Mobile 07700900123', '07700900123'],
    ['Fax: 030 1234568', '030 1234568'],
    ['Téléphone : 01 23 45 67 89', '01 23 45 67 89'],
    ['Telefon: 030 1234567', '030 1234567'],
    ['WhatsApp +44 7700 900123', '+44 7700 900123'],
  ])('is surer of a labelled number: %j', (text, phone) => {
    expect(findTextPhones(text)).toEqual([
      { phones: [phone], source: 'text-phone', confidence: 0.7 },
    ]);
  });

  it('finds several numbers in one text, in order', () => {
    expect(phonesIn('T: 020 7946 0958, F: 020 7946 0959; mobile (07700) 900123.')).toEqual([
      '020 7946 0958',
      '020 7946 0959',
      '(07700) 900123',
    ]);
  });

  it('reads numbers joined by a spaced slash one by one', () => {
    expect(phonesIn('Tel 020 7946 0958 / 020 7946 0959 and +49 (0) 30 / 123 456-78')).toEqual([
      '020 7946 0958',
      '020 7946 0959',
      '+49 (0) 30 / 123 456-78',
    ]);
  });

  it.each([
    ['a full stop', 'Call 020 7946 0958.'],
    ['a comma', 'Call 020 7946 0958, or write'],
    ['parentheses', '(020 7946 0958)'],
    ['a closing quote', '“020 7946 0958”'],
  ])('stops before %s', (_what, text) => {
    expect(phonesIn(text)).toEqual(['020 7946 0958']);
  });

  it.each([
    // Dates and times
    ['an ISO date', 'Due 2026-11-23.'],
    ['a dotted date', 'Am 23.11.2026 geschlossen'],
    ['a US date', 'on 11/23/2026 we'],
    ['a slashed ISO date', 'on 2026/11/23 we'],
    ['a date with a time', 'at 2026-11-23 12:30 UTC'],
    ['a dotted date with a dotted time', 'am 23.11.2026 14.30 Uhr'],
    ['a date range', '2026-11-23–2026-11-25'],
    ['a time range', 'open 09:00-17:30 daily'],
    ['a time range with points', 'Mo–Fr 9.00-17.30 Uhr'],
    ['a time range with points and an en dash', 'geöffnet 09.00–17.30'],
    ['a time with seconds after a number', 'logged 12 34 567:30:15'],
    // Prices and amounts
    ['a dollar amount', 'Only $1,234,567 this year'],
    ['a dollar amount with spaces', 'Only $ 12 345 678'],
    ['a euro amount before', '€ 1.234.567 total'],
    ['a euro amount after', '1 234 567 € total'],
    ['an amount with a currency code before', 'USD 12 345 678'],
    ['an amount with a currency code after', '12 345 678 EUR'],
    ['an amount in words', '9 999 999 dollars'],
    ['a decimal amount', 'Total 1,234.56'],
    ['a European decimal amount', 'Summe 1.234.567,89'],
    ['a rupee amount', 'Rs. 12 34 567'],
    ['a price range', 'from 12.99-15.99 a month'],
    ['dotted thousands', 'population 123.456.789'],
    // Versions
    ['a v-prefixed version', 'Upgrade to v1.2.3.4567'],
    ['a four-part version', 'build 1.2.3.4'],
    ['a Windows build', 'Windows 10.0.19041.1234'],
    ['a labelled version', 'version 2026.11.23'],
    // Percentages
    ['a percentage', 'grew 12 345 678%'],
    ['a percentage in words', 'grew 1234 5678 percent'],
    // IP addresses
    ['an IP address', 'host 192.168.100.200 is up'],
    ['an IP address with a port', 'host 192.168.100.200:8080'],
    ['a short IP address', 'gateway 10.0.0.1'],
    // Coordinates
    ['short coordinates', '40.7128, -74.0060'],
    ['coordinates', '40.712776, -74.005974'],
    ['coordinates without a comma', '51.507351 -0.127758'],
    ['degrees', '40.7128123° N'],
    // ISBNs
    ['a labelled ISBN-13', 'ISBN 978-3-16-148410-0'],
    ['a bare ISBN-13', 'see 978-0-306-40615-7'],
    ['a labelled ISBN-10', 'ISBN 0-306-40615-2'],
    ['an ISBN without separators', 'ISBN-13: 9780306406157'],
    // Order, invoice, ticket, reference ids
    ['an order number', 'Order #1234567'],
    ['a hash and a space', 'Ticket # 1234 5678'],
    ['an order id', 'order 123-4567 shipped'],
    ['an invoice number', 'Invoice no. 2026 00123'],
    ['a reference', 'Ref: 123 4567'],
    ['an id', 'ID 555-0100'],
    ['a ticket', 'ticket 8675 309 closed'],
    ['a number after no.', 'No. 123 456 7890'],
    // Long runs, cards, ZIP+4
    ['a long digit run', 'code 12345678901234'],
    ['a long run with a plus', '+12345678901234567'],
    ['a card with spaces', '4111 1111 1111 1111'],
    ['a card with hyphens', '4111-1111-1111-1111'],
    ['an Amex card', '3782 822463 10005'],
    ['a ZIP+4 code', 'New York, NY 10001-1234'],
    ['a bare ZIP+4 code', '90210-1234'],
    // Other numbers
    ['a bare digit run', 'id-less 1234567 items'],
    ['a yyyymmdd run', 'on 20260123'],
    ['a list of digits', '1 2 3 4 5 6 7'],
    ['pi', '3 1 4 1 5 9 2 6'],
    ['pagination', '« 9 10 11 12 13 14 15 16 »'],
    ['a counted list', '98 99 100 101 102'],
    ['a year range', '1999–2004'],
    ['two years', 'in 2019 2020'],
    ['thousands', '1 234 567 people'],
    ['millions', '12 345 678 people'],
    ['round hundreds of millions', '100 000 000 people'],
    ['a decimal', 'pi is 3.1415926'],
    ['too few digits', 'call 555 01'],
    ['too many digits', '+44 20 7946 0958 1234 5678'],
    ['digits inside a word', 'ABC1234567 and 123-4567XYZ'],
    ['a part number', 'SKU-123-4567'],
  ])('rejects %s: %j', (_what, text) => {
    expect(phonesIn(text)).toEqual([]);
  });

  it('finds nothing in text without digits', () => {
    expect(findTextPhones('Call us, any time, on the usual number.')).toEqual([]);
  });

  it('runs in the shared text pass, skipping scripts and form fields', () => {
    const doc = page(
      '<p>Tel: +44 20 7946 0958</p><script>var t = "+1 212 555 0100"</script>' +
        '<textarea>+1 212 555 0199</textarea><footer>(212) 555-0100</footer>',
    );
    expect(
      runTextDetectors(doc, { at: [], digits: [findTextPhones], spelled: [] }).flatMap(
        (f) => f.phones,
      ),
    ).toEqual(['+44 20 7946 0958', '(212) 555-0100']);
  });

  it('reads ~1 MB of mixed text without runaway backtracking', async () => {
    const sample = [
      'Order #123456 placed on 2026-11-23 at 14:30 for $1,234.56 (v1.2.3). ',
      'Contact Ada on +44 20 7946 0958 or (212) 555-0100 ext. 12. ',
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ',
      'Coordinates 40.712776, -74.005974; IP 192.168.100.200; ISBN 978-3-16-148410-0. ',
      '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 ',
      '12345678901234567890123456789012345678901234567890 ',
    ].join('');
    // Counted by the engine, not timed: see tests/support/backtracking.ts.
    const { result, excessive } = await countBacktracks(
      `import { findTextPhones } from './lib/detect/text-phones';
       const sample = ${JSON.stringify(sample)};
       const run = () => findTextPhones(sample.repeat(Math.ceil(1_000_000 / sample.length))).length;`,
      LINEAR_RUN,
    );
    expect(excessive).toBe(0);
    // Two phones in each repeat of the sample.
    expect(result).toBe(2 * Math.ceil(1_000_000 / sample.length));
  }, 60_000);
});
