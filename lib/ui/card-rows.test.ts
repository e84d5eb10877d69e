import { describe, expect, it } from 'vitest';
import {
  addressesOfRows,
  addressRowsOf,
  choiceOf,
  sameAddresses,
  sameLabels,
  valueRowsOf,
  valuesOfRows,
  withChoice,
  type ValueRow,
} from './card-rows';

const row = (value: string, more: Partial<ValueRow> = {}): ValueRow => ({
  id: 0,
  value,
  types: [],
  ...more,
});

describe('the type drop-down', () => {
  it.each([
    ['no type', row('a'), ''],
    ['one type', row('a', { types: ['work'] }), 'work'],
    ['several types, kept as one choice', row('a', { types: ['work', 'fax'] }), 'work fax'],
    ['an own label', row('a', { types: ['home'], label: 'School' }), 'custom'],
    ['an own label not typed yet', row('a', { label: '' }), 'custom'],
  ])('%s', (_, given, choice) => expect(choiceOf(given)).toBe(choice));

  it('choosing a type drops an own label; choosing “own label” keeps the types', () => {
    const labelled = row('a', { types: ['home'], label: 'School' });
    expect(withChoice(labelled, 'mobile')).toEqual(row('a', { types: ['mobile'] }));
    expect(withChoice(labelled, '')).toEqual(row('a'));
    expect(withChoice(row('a', { types: ['work'] }), 'custom')).toEqual(
      row('a', { types: ['work'], label: '' }),
    );
    expect(withChoice(row('a'), 'work fax')).toEqual(row('a', { types: ['work', 'fax'] }));
  });
});

describe('rows of values', () => {
  it('are the record’s values with their labels, in order', () => {
    const rows = valueRowsOf(
      ['+442079460958', '+12125550100'],
      [{ value: '+12125550100', types: ['mobile'], label: '_$!<Mobile>!$_' }],
    );
    expect(rows.map(({ id: _, ...r }) => r)).toEqual([
      { value: '+442079460958', types: [] },
      { value: '+12125550100', types: ['mobile'], label: '_$!<Mobile>!$_' },
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
  });

  it('put the preferred value first, drop empty and repeated rows, and label only typed ones', () => {
    const rows = [
      row(' ada@home.example ', { types: ['home'] }),
      row(''),
      row('ada@work.example', { types: ['work'], label: ' Assistant ' }),
      row('ada@home.example'),
      row('ada@plain.example', { label: '  ' }),
    ];
    expect(valuesOfRows(rows, 2)).toEqual({
      values: ['ada@work.example', 'ada@home.example', 'ada@plain.example'],
      labels: [
        { value: 'ada@work.example', types: ['work'], label: 'Assistant' },
        { value: 'ada@home.example', types: ['home'] },
      ],
    });
  });

  it('keep their order when the preferred row was removed', () => {
    expect(valuesOfRows([row('a'), row('b')], 5).values).toEqual(['a', 'b']);
  });

  it('compare labels by what they say, not by the order they are listed in', () => {
    const values = ['a', 'b'];
    const stored = [
      { value: 'b', types: ['home' as const] },
      { value: 'a', types: ['work' as const] },
    ];
    expect(sameLabels([...stored].reverse(), stored, values)).toBe(true);
    expect(sameLabels([], undefined, values)).toBe(true);
    expect(sameLabels([{ value: 'a', types: ['home'] }], stored, values)).toBe(false);
    expect(sameLabels([{ value: 'a', types: ['work'], label: 'x' }], stored, values)).toBe(false);
  });
});

describe('rows of addresses', () => {
  const stored = [
    { types: ['work' as const], street: '1 Old St', locality: 'London', poBox: '12' },
    { types: ['home' as const], label: 'Cottage', locality: 'Bath' },
  ];

  it('give back the record’s addresses unchanged, PO box and label kept', () => {
    const rows = addressRowsOf(stored);
    expect(addressesOfRows(rows)).toEqual(stored);
    expect(sameAddresses(addressesOfRows(rows), stored)).toBe(true);
  });

  it('trim what was typed and leave out an address with nothing in it', () => {
    const rows = [
      ...addressRowsOf(stored),
      { id: 9, types: ['other' as const], street: '  ', country: ' ' },
      { id: 10, types: [], street: ' 5 New Rd ', country: 'UK ' },
    ];
    const addresses = addressesOfRows(rows);
    expect(addresses).toEqual([...stored, { types: [], street: '5 New Rd', country: 'UK' }]);
    expect(sameAddresses(addresses, stored)).toBe(false);
  });

  it('see a changed type as a change', () => {
    const rows = addressRowsOf(stored);
    rows[1] = withChoice(rows[1]!, 'work');
    expect(sameAddresses(addressesOfRows(rows), stored)).toBe(false);
    expect(addressesOfRows(rows)[1]).toEqual({ types: ['work'], locality: 'Bath' });
  });
});
