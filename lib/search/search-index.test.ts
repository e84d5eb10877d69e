import { describe, expect, it } from 'vitest';
import type { Party } from '../domain/party';
import type { SearchRow } from '../db/search-row';
import { toSearchRow } from '../../tests/support/store-reads';
import { generateRows } from '../../tests/support/generated-rows';
import { SearchBook } from './search-book';
import { createSearchIndex, indexSource } from './search-index';

const NOW = Date.UTC(2026, 10, 23, 12);
const DAY = 86_400_000;

/** Rows made by the projection's own `toSearchRow`, so the haystack is the real one. */
function row(
  id: string,
  name: string,
  extra: Partial<Pick<Party, 'organizationName' | 'emails' | 'phones' | 'kind' | 'type'>> & {
    daysAgo?: number;
  } = {},
): SearchRow {
  const party: Party = {
    id,
    type: extra.type ?? 'person',
    name,
    kind: extra.kind ?? 'client',
    kindHistory: [{ kind: extra.kind ?? 'client', at: 0 }],
    emails: extra.emails ?? [],
    phones: extra.phones ?? [],
    domains: [],
    tags: [],
    notes: '',
    organizationName: extra.organizationName,
    lastInteractionAt: extra.daysAgo === undefined ? undefined : NOW - extra.daysAgo * DAY,
    createdAt: 0,
    updatedAt: 0,
  };
  return toSearchRow(party);
}

const BOOK: SearchRow[] = [
  row('john', 'John Smith', {
    organizationName: 'Acme Consulting',
    emails: ['john.smith@acme.example'],
    phones: ['+12125550100'],
    daysAgo: 1,
  }),
  row('john-old', 'John Smith', { emails: ['jsmith@oldmail.example'], daysAgo: 90 }),
  row('jane', 'Jane Smith', {
    kind: 'customer',
    emails: ['jane@family.example'],
    phones: ['+442079460018'],
    daysAgo: 30,
  }),
  row('jonathan', 'Jonathan Smithers', {
    kind: 'prospect',
    emails: ['jsmithers@globex.example'],
    daysAgo: 2,
  }),
  row('zoe-accent', 'Zoë Lefèvre', {
    organizationName: 'Crème Design',
    emails: ['zoe@creme.example'],
    phones: ['+33612345678'],
    daysAgo: 10,
  }),
  row('zoe-plain', 'Zoe Miller', { kind: 'customer', daysAgo: 400 }),
  row('hans', 'Hans Müller', {
    kind: 'former',
    emails: ['hans.mueller@example.de'],
    phones: ['+493012345678'],
  }),
  row('soren', 'Søren Nørgaard', { kind: 'customer', emails: ['soren@fjord.example'] }),
  row('mary', 'Mary Johnson', {
    kind: 'prospect',
    organizationName: 'Initech',
    emails: ['mary.j@initech.example'],
    phones: ['+13125550199'],
    daysAgo: 5,
  }),
  row('acme', 'Acme Consulting', {
    type: 'organization',
    emails: ['info@acme.example'],
    phones: ['+12125550000'],
    daysAgo: 50,
  }),
  // Recent, but "smith" only in the address: a name match must still rank first.
  row('peter', 'Peter Pan', { emails: ['peter@smith.example'], daysAgo: 0 }),
  row('grace', 'Grace O’Connor', { emails: ['grace@oconnor.example'] }),
  row('ivan', 'Иван Петров', { emails: ['ivan@example.ru'] }),
  row('bjorn', 'Björn Groß', { organizationName: 'Nordlicht GmbH' }),
];

const index = createSearchIndex(BOOK);
const ids = (query: string, limit?: number) => index.search(query, limit).map((r) => r.id);

describe('search', () => {
  it.each([
    // prefix and exact matches of a name; ties by the most recent contact
    ['john', ['john', 'john-old', 'mary']],
    ['smi', ['john', 'jonathan', 'jane', 'john-old', 'peter']],
    ['john smith', ['john', 'john-old']],
    ['jane smith', ['jane']],
    // names that start with what was typed first; then a word inside a name, then elsewhere
    ['jo', ['john', 'jonathan', 'john-old', 'mary', 'bjorn', 'soren']],
    // typos
    ['jhon', ['john', 'john-old', 'mary']],
    ['jhon smith', ['john', 'john-old']],
    ['smtih jane', ['jane']],
    ['jonatan', ['jonathan']],
    // any word order
    ['smith jane', ['jane']],
    ['smith john', ['john', 'john-old']],
    ['lefevre zoe', ['zoe-accent']],
    // diacritics, either way round, and letters Unicode does not decompose
    ['zoe', ['zoe-accent', 'zoe-plain']],
    ['Zoë', ['zoe-accent', 'zoe-plain']],
    ['muller', ['hans', 'zoe-plain']],
    ['MÜLLER', ['hans', 'zoe-plain']],
    ['soren norgaard', ['soren']],
    ['bjorn gross', ['bjorn']],
    ["o'connor", ['grace']],
    ['creme', ['zoe-accent']],
    // email fragments
    ['jsmithers@glob', ['jonathan']],
    ['hans.mueller', ['hans']],
    ['@initech', ['mary']],
    ['john.smith@acme.example', ['john']],
    // organizations
    ['initech', ['mary']],
    ['nordlicht', ['bjorn']],
    // other scripts, with a typo too
    ['петров', ['ivan']],
    ['петорв', ['ivan']],
    // nothing to find, or nothing asked
    ['zzqxv', []],
    ['', []],
    ['   ', []],
    ['@@ --', []],
  ])('%s → %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('ranks an organization named by the query above people who merely work there', () => {
    expect(ids('acme')).toEqual(['acme', 'john']);
  });

  it('ranks a name above an address, however recent the address’s owner', () => {
    expect(ids('smith')[0]).not.toBe('peter');
    expect(ids('smith')).toContain('peter');
  });

  it('ranks rows matched as typed above rows matched only with a typo', () => {
    // "miller" is "muller" with one substitution: found, but after Müller, however recent.
    expect(ids('muller', 5)).toEqual(['hans', 'zoe-plain']);
    expect(ids('muller', 1)).toEqual(['hans']);
    expect(ids('mueller')).toEqual(['hans']);
    expect(ids('millr')).toEqual(['zoe-plain']);
  });

  it.each([
    ['5550100', ['john']],
    ['555 0100', ['john']],
    ['555-0100', ['john']],
    ['(212) 555-0100', ['john']],
    ['+1 212 555 0100', ['john']],
    ['+12125550100', ['john']],
    ['212555', ['john', 'acme']],
    ['020 7946 0018', ['jane']], // national form, with the trunk 0
    ['+44 20 7946 0018', ['jane']],
    ['0044 20 7946 0018', ['jane']],
    ['030 1234 5678', ['hans']],
    ['5559999', []],
  ])('phone %s → %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('returns at most `limit` rows, the best ones', () => {
    expect(ids('s', 2)).toHaveLength(2);
    expect(ids('smith', 1)).toEqual(['john']);
    expect(ids('smith', 0)).toEqual([]);
  });

  it('answers the same while typing as when asked afresh', () => {
    const typed = createSearchIndex(BOOK);
    const keystrokes = ['j', 'jo', 'joh', 'john', 'john ', 'john s', 'john sm', 'john smi', 'jo'];
    for (const query of keystrokes) {
      expect(typed.search(query).map((r) => r.id)).toEqual(
        createSearchIndex(BOOK)
          .search(query)
          .map((r) => r.id),
      );
    }
  });

  it('returns the rows themselves, for showing their kind and last contact', () => {
    const [first] = index.search('jane');
    expect(first).toBe(BOOK[2]);
    expect(first).toMatchObject({ kind: 'customer', lastInteractionAt: NOW - 30 * DAY });
  });
});

describe('searchAsTyped', () => {
  // A fresh index each time: the typing shortcut must not carry one call into the next.
  const asTyped = (query: string, limit?: number) => {
    const book = SearchBook.fromRows(BOOK);
    const answer = indexSource(book).searchAsTyped(query, limit);
    return { ids: answer.found.map((i) => book.rowAt(i)!.id), typosWanted: answer.typosWanted };
  };

  it.each([
    // Found as typed, too few to skip the typo pass: the same first rows, and more to come.
    ['jonathan', ['jonathan'], true],
    ['john smith', ['john', 'john-old'], true],
    // Enough found as typed: the answer is complete.
    ['smi', ['john', 'jonathan', 'jane', 'john-old', 'peter'], false],
    // Nothing as typed: only the typo pass can answer.
    ['jhon', [], true],
    ['zzqxv', [], true],
    ['', [], false],
  ])('%s → %j, typos wanted: %s', (query, expected, typosWanted) => {
    expect(asTyped(query)).toEqual({ ids: expected, typosWanted });
    // Whatever the typo pass adds comes after what was found as typed.
    expect(ids(query).slice(0, expected.length)).toEqual(expected);
  });
});

describe('recent', () => {
  it('lists rows by their last contact, most recent first, leaving out the never-contacted', () => {
    expect(index.recent(4).map((r) => r.id)).toEqual(['peter', 'john', 'jonathan', 'mary']);
    expect(index.recent().every((r) => r.lastInteractionAt !== undefined)).toBe(true);
  });
});

describe('on a generated book', () => {
  const rows = generateRows(3000, 7);
  const book = createSearchIndex(rows);

  it('finds every sampled record by its whole email address, first', () => {
    for (const sample of rows.filter((r) => r.emails.length > 0).slice(0, 200)) {
      expect(book.search(sample.emails[0]!, 5)[0]?.id).toBe(sample.id);
    }
  });

  it('finds every sampled record by its name in the top results among its namesakes', () => {
    for (const sample of rows.slice(0, 200)) {
      const namesakes = rows.filter((r) => r.name === sample.name).length;
      const found = book.search(sample.name, namesakes + 5).map((r) => r.id);
      expect(found).toContain(sample.id);
    }
  });

  it('finds every sampled record by the last seven digits of its phone', () => {
    for (const sample of rows.filter((r) => r.phones.length > 0).slice(0, 200)) {
      const last7 = sample.phones[0]!.slice(-7);
      expect(book.search(last7, 50).map((r) => r.id)).toContain(sample.id);
    }
  });
});
