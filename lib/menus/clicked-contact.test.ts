import { describe, expect, it } from 'vitest';
import { readClickTarget, type ClickInfo, type ClickedTarget } from './clicked-contact';

const contact = (
  from: 'mailto' | 'tel' | 'selection',
  value: { name?: string; emails?: string[]; phones?: string[] },
): ClickedTarget => ({
  kind: 'contact',
  from,
  contact: { emails: [], phones: [], ...value },
});

const cases: [string, ClickInfo, ClickedTarget][] = [
  [
    'a mailto link, named by its text (Firefox gives linkText)',
    { linkUrl: 'mailto:Ada@Northwind.example', linkText: 'Ada Lovelace' },
    contact('mailto', { name: 'Ada Lovelace', emails: ['ada@northwind.example'] }),
  ],
  [
    'a mailto link whose text is the address: no name',
    { linkUrl: 'mailto:ada@northwind.example', linkText: 'ada@northwind.example' },
    contact('mailto', { emails: ['ada@northwind.example'] }),
  ],
  [
    'a mailto link without link text (Chrome)',
    { linkUrl: 'mailto:ada@northwind.example?subject=Hello&cc=boss@x.example' },
    contact('mailto', { emails: ['ada@northwind.example'] }),
  ],
  [
    'a percent-encoded "Name <address>" in the link',
    { linkUrl: 'mailto:Grace%20Hopper%20%3Cgrace@navy.example%3E' },
    contact('mailto', { name: 'Grace Hopper', emails: ['grace@navy.example'] }),
  ],
  [
    'a mailto link to two people: both addresses, no one name',
    { linkUrl: 'mailto:a@x.example,b@y.example', linkText: 'The team' },
    contact('mailto', { emails: ['a@x.example', 'b@y.example'] }),
  ],
  [
    'a mailto link with no address in it',
    { linkUrl: 'mailto:?subject=hi' },
    { kind: 'unreadable', text: 'mailto:?subject=hi' },
  ],
  [
    'a tel link, in E.164',
    { linkUrl: 'tel:+44-20-7946-0958' },
    contact('tel', { phones: ['+442079460958'] }),
  ],
  [
    'a national tel link, read in the user region',
    { linkUrl: 'tel:(212)%20555-0100', linkText: 'Front desk' },
    contact('tel', { name: 'Front desk', phones: ['+12125550100'] }),
  ],
  ['a tel link that is no phone', { linkUrl: 'tel:12' }, { kind: 'unreadable', text: 'tel:12' }],
  [
    'a selected address',
    { selectionText: '  marigold.testwell@harbourlight.example ' },
    contact('selection', { emails: ['marigold.testwell@harbourlight.example'] }),
  ],
  [
    'a selected "Name <address>"',
    { selectionText: 'Wendell Notreal <wendell.notreal@quayside.example>' },
    contact('selection', {
      name: 'Wendell Notreal',
      emails: ['wendell.notreal@quayside.example'],
    }),
  ],
  [
    'a selected sentence holding an address',
    { selectionText: 'Write to bart@northwind-ops.example for the invoice.' },
    contact('selection', { emails: ['bart@northwind-ops.example'] }),
  ],
  [
    'a selected phone',
    { selectionText: '+1 202 555 0142' },
    contact('selection', { phones: ['+12025550142'] }),
  ],
  [
    'a selected national phone',
    { selectionText: '(212) 555-0100' },
    contact('selection', { phones: ['+12125550100'] }),
  ],
  [
    'a selected name',
    { selectionText: 'Juniper   Sample' },
    contact('selection', { name: 'Juniper Sample' }),
  ],
  [
    'a selected date is not a phone',
    { selectionText: '2026-11-23' },
    { kind: 'unreadable', text: '2026-11-23' },
  ],
  [
    'a selected paragraph is not a name',
    { selectionText: 'This is a long sentence with many words that no one is named by at all.' },
    {
      kind: 'unreadable',
      text: 'This is a long sentence with many words that no one is named by at all.',
    },
  ],
  ['nothing: the page', {}, { kind: 'page' }],
  ['an ordinary link: the page', { linkUrl: 'https://example.com/' }, { kind: 'page' }],
  [
    'an ordinary link with a selection: the selection',
    { linkUrl: 'https://example.com/', selectionText: 'Ada Lovelace' },
    contact('selection', { name: 'Ada Lovelace' }),
  ],
];

describe('readClickTarget', () => {
  it.each(cases)('%s', (_label, info, expected) => {
    expect(readClickTarget(info, 'US')).toEqual(expected);
  });

  it('never keeps more than 200 characters of what it could not read', () => {
    const target = readClickTarget({ selectionText: `${'1'.repeat(500)}` }, 'US');
    expect(target.kind === 'unreadable' && target.text.length).toBe(200);
  });
});
