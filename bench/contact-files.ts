// The files bench's generated contact files: vCards (2.1, 3.0, 4.0) and CSV rows,
// every party distinct. Shared by the in-browser bench and the Node profile.

/**
 * A phone number of its own for every generated party (up to 800,000): the
 * exchange moves on every 10,000, so no two cards share a number and the import
 * creates every one of them rather than folding duplicates.
 */
function phone(i: number, separator: string): string {
  const exchange = 200 + Math.floor(i / 10_000);
  return ['+1', '212', exchange, String(i % 10_000).padStart(4, '0')].join(separator);
}

export function card(i: number, version: '2.1' | '3.0' | '4.0'): string {
  const name = `Person ${i} Ångström`;
  if (version === '2.1')
    return [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=85ngstr=C3=B6m;Person ${i};;;`,
      `FN:${name}`,
      `TEL;CELL;VOICE:${phone(i, ' ')}`,
      `EMAIL;INTERNET;PREF:p${i}@example.com`,
      'ADR;WORK:;;1 Main St;Springfield;;12345;USA',
      'END:VCARD',
    ].join('\r\n');
  return [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    `N:Ångström;Person ${i};;;`,
    `FN:${name}`,
    `ORG:Northwind;Research`,
    version === '4.0'
      ? `TEL;VALUE=uri;TYPE=cell:tel:${phone(i, '-')}`
      : `TEL;TYPE=CELL:${phone(i, ' ')}`,
    `EMAIL;TYPE=work:p${i}@example.com`,
    'ADR;TYPE=work:;;1 Main St;Springfield;;12345;USA',
    version === '4.0' ? 'BDAY:--0415' : 'BDAY:1990-04-15',
    `item1.X-ABLabel:Other`,
    'END:VCARD',
  ].join('\r\n');
}

export function csv(count: number): string {
  const rows = ['First Name,Last Name,E-mail Address,Mobile Phone,Company,Job Title,Notes'];
  for (let i = 0; i < count; i++)
    rows.push(`Person,${i},p${i}@example.com,${phone(i, ' ')},Northwind,Director,"note, ${i}"`);
  return rows.join('\r\n');
}

/** `count` cards, a third each 2.1, 3.0 and 4.0. */
export function mixedCards(count: number): string {
  const versions = ['2.1', '3.0', '4.0'] as const;
  return Array.from({ length: count }, (_, i) => card(i, versions[i % 3]!)).join('\r\n');
}

/** `count` cards, 3.0 and 4.0 alternately: what ical.js alone can read. */
export function modernCards(count: number): string {
  return Array.from({ length: count }, (_, i) => card(i, i % 2 ? '3.0' : '4.0')).join('\r\n');
}
