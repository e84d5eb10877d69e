import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../domain/fold';
import { PartyTypeSchema } from '../domain/party';
import { RELATIONSHIP_KINDS } from '../domain/relationship';
import { spellLatin } from './latin';
import {
  BucketColumns,
  fieldsOf,
  haystackOf,
  isFindPart,
  isShowPart,
  KIND_LETTERS,
  NEVER,
  SHOW_OFFSET,
  TYPE_LETTERS,
  type ProjectedRow,
} from './projection-format';

const row = (id: string, name: string, extra: Partial<ProjectedRow> = {}): ProjectedRow => ({
  id,
  name,
  kind: 'client',
  type: 'person',
  emails: [],
  phones: [],
  ...extra,
});

describe('haystackOf', () => {
  it('folds name, organization and addresses like a query, one field each', () => {
    const text = haystackOf('Zoë  Ångström', 'Café Crème', ['zoe@example.com', 'z@b.example']);
    expect(text).toBe('zoe angstrom\tcafe creme\tzoe@example.com z@b.example');
    expect(fieldsOf(text)).toEqual({ nameEnd: 12, orgStart: 13, orgEnd: 23 });
    expect(haystackOf('Søren Groß', '', [])).toBe('soren gross\t\t');
    expect(fieldsOf('soren gross\t\t')).toEqual({ nameEnd: 11, orgStart: 12, orgEnd: 12 });
  });

  it('folds plain ASCII quickly to exactly what the full fold gives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), fc.string(), (ascii, any) => {
        for (const text of [ascii, any, `  ${ascii}  X  `]) {
          const [name] = haystackOf(text, '', []).split('\t');
          expect(name).toBe(spellLatin(foldText(text)));
        }
      }),
    );
  });
});

describe('BucketColumns', () => {
  it('adds, replaces and removes rows, and packs them into a pair read back unchanged', () => {
    const columns = new BucketColumns(5);
    columns.set(row('a', 'Ada', { emails: ['ada@x.example'], lastInteractionAt: 7 }));
    columns.set(row('z', 'Zoë', { emails: ['zoë@bücher.example'], type: 'organization' }));
    columns.set(
      row('b', 'Bob', { phones: ['+12125550100', '+442079460018'], organization: 'Acme' }),
    );
    columns.set(row('c', 'Cy'));
    columns.set(row('a', 'Ada Lovelace', { kind: 'customer', emails: ['ada@x.example'] }));
    expect(columns.remove('c')).toBe(true);
    expect(columns.remove('c')).toBe(false);
    columns.set(row('d', 'Dee'));

    const [find, show] = columns.pack('stamp-1');
    expect(find).toEqual({
      bucket: 5,
      stamp: 'stamp-1',
      text: 'ada lovelace\t\tada@x.example\nzoe\t\tzoe@bucher.example\nbob\tacme\t\ndee\t\t',
      last: Float64Array.from([NEVER, NEVER, NEVER, NEVER]),
    });
    expect(show).toEqual({
      bucket: SHOW_OFFSET + 5,
      stamp: 'stamp-1',
      ids: ['a', 'z', 'b', 'd'],
      names: ['Ada Lovelace', 'Zoë', 'Bob', 'Dee'],
      kinds: 'uccc',
      types: 'popp',
      orgs: ['', '', 'Acme', ''],
      // Addresses the haystack holds as they are are not stored twice.
      emails: ['', 'zoë@bücher.example', '', ''],
      phones: ['', '', '+12125550100 +442079460018', ''],
    });
    expect(isFindPart(find, 5) && isShowPart(show, 5, 4)).toBe(true);

    const again = BucketColumns.unpack(find, show);
    expect(again.emails).toEqual(['ada@x.example', 'zoë@bücher.example', '', '']);
    expect(again.kinds).toEqual(['customer', 'client', 'client', 'client']);
    expect(again.pack('stamp-1')).toEqual([find, show]);
    // Its rows can still be found by id after the round trip.
    again.set(row('b', 'Bobby'));
    expect(again.pack('s')[1].names).toEqual(['Ada Lovelace', 'Zoë', 'Bobby', 'Dee']);
  });

  it('packs an empty bucket as empty columns', () => {
    const [find, show] = new BucketColumns(0).pack('s');
    expect(find.text).toBe('');
    expect(find.last).toHaveLength(0);
    expect(isFindPart(find, 0) && isShowPart(show, 0, 0)).toBe(true);
  });
});

describe('the popup’s checks of stored parts', () => {
  const [find, show] = (() => {
    const columns = new BucketColumns(3);
    columns.set(row('a', 'Ada'));
    columns.set(row('b', 'Bob'));
    return columns.pack('s');
  })();

  it.each([
    ['another bucket', { ...find, bucket: 4 }],
    ['no stamp', { ...find, stamp: 1 }],
    ['text that is not a string', { ...find, text: ['ada'] }],
    ['last contacts that are not a Float64Array', { ...find, last: [NEVER, NEVER] }],
    ['nothing', null],
  ])('refuse a find part with %s', (_, value) => {
    expect(isFindPart(value, 3)).toBe(false);
  });

  it.each([
    ['a row too few', { ...show, ids: ['a'] }],
    ['a kind it does not know', { ...show, kinds: 'cx' }],
    ['types as a list', { ...show, types: ['p', 'p'] }],
    ['a cell that is not text', { ...show, names: ['Ada', { toString: (): string => 'Bob' }] }],
    ['a missing column', { ...show, phones: undefined }],
    ['the find part’s key', { ...show, bucket: 3 }],
  ])('refuse a show part with %s', (_, value) => {
    expect(isShowPart(value, 3, 2)).toBe(false);
  });
});

describe('the letters of kinds and types', () => {
  it('name every kind and type, each with its own letter', () => {
    expect(Object.keys(KIND_LETTERS).sort()).toEqual([...RELATIONSHIP_KINDS].sort());
    expect(Object.keys(TYPE_LETTERS).sort()).toEqual([...PartyTypeSchema.options].sort());
    expect(new Set(Object.values(KIND_LETTERS)).size).toBe(RELATIONSHIP_KINDS.length);
    expect(new Set(Object.values(TYPE_LETTERS)).size).toBe(PartyTypeSchema.options.length);
  });
});
