import { describe, expect, it } from 'vitest';
import { prepareQuery } from './query';
import { phoneScore } from './score';
import { Top } from './top';

describe('prepareQuery', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['  \t ', { kind: 'empty' }],
    ['@@ -- ..', { kind: 'empty' }],
    ['Zoë', { kind: 'text', folded: 'zoe', phrase: 'zoe', terms: ['zoe'] }],
    [
      '  Smith,   JANE ',
      { kind: 'text', folded: 'smith, jane', phrase: 'smith jane', terms: ['smith', 'jane'] },
    ],
    [
      'Søren Groß',
      { kind: 'text', folded: 'soren gross', phrase: 'soren gross', terms: ['soren', 'gross'] },
    ],
    ['@acme', { kind: 'text', folded: '@acme', phrase: '@acme', terms: ['@acme'] }],
    ['jo jo', { kind: 'text', folded: 'jo jo', phrase: 'jo jo', terms: ['jo'] }],
    [
      '(212) 555-0100',
      {
        kind: 'text',
        folded: '(212) 555-0100',
        phrase: '212 555-0100',
        terms: ['555-0100', '212'],
        digits: '2125550100',
      },
    ],
    [
      '+1 212',
      { kind: 'text', folded: '+1 212', phrase: '1 212', terms: ['212', '1'], digits: '1212' },
    ],
    ['５５５', { kind: 'text', folded: '555', phrase: '555', terms: ['555'], digits: '555' }],
    ['acme 555', { kind: 'text', folded: 'acme 555', phrase: 'acme 555', terms: ['acme', '555'] }],
  ])('%j', (raw, expected) => {
    expect(prepareQuery(raw)).toEqual(expected);
  });
});

describe('phoneScore', () => {
  const bare = (digits: string) => (digits.length > 4 ? digits.replace(/^0+/, '') : digits);
  it.each([
    [['12125550100'], '12125550100', 100], // the whole number
    [['12125550100'], '2125550100', 100], // without the country code
    [['12125550100'], '5550100', 100], // the local number
    [['12125550100'], '0100', 70], // only its end
    [['12125550100'], '1212', 60], // its start
    [['12125550100'], '2555', 40], // somewhere inside
    [['442079460018'], '02079460018', 100], // national, with the trunk 0
    [['442079460018'], '00442079460018', 100], // `00` for `+`
    [['442079460018', '12125550100'], '5550100', 100], // any of the row's phones
    [['12125550100'], '5559999', 0],
    [[], '555', 0],
  ])('%j ~ %s → %d', (phones, digits, expected) => {
    expect(phoneScore(phones, digits, bare(digits))).toBe(expected);
  });
});

describe('Top', () => {
  it('keeps the best few of many, in order, whatever order they come in', () => {
    const top = new Top(3, (a, b) => b - a);
    for (const n of [5, 1, 9, 3, 9, 7, 2, 8]) top.offer(n);
    expect(top.items).toEqual([9, 9, 8]);
    const none = new Top(0, (a, b) => a - b);
    none.offer(1);
    expect(none.items).toEqual([]);
  });
});
