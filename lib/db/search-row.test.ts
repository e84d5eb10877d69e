import { toSearchRow } from '../../tests/support/store-reads';
import { describe, expect, it } from 'vitest';
import type { Party } from '../domain';
import { BucketColumns } from '../search/projection-format';
import {
  bucketOf,
  FindPartSchema,
  parseBucket,
  rowsOf,
  SEARCH_BUCKETS,
  SearchRowSchema,
  ShowPartSchema,
} from './search-row';

/** FNV-1a (32-bit) written independently with BigInt, as the reference for bucketOf. */
function referenceFnv1a(text: string): bigint {
  let hash = 0x811c9dc5n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x01000193n) % 0x1_0000_0000n;
  }
  return hash;
}

describe('bucketOf', () => {
  it('puts a UUID in the bucket its first six bits name, so one chunk can share a bucket', () => {
    expect(SEARCH_BUCKETS).toBe(64);
    expect(bucketOf('00000000-0000-4000-8000-000000000000')).toBe(0);
    expect(bucketOf('03ffffff-ffff-4fff-bfff-ffffffffffff')).toBe(0);
    expect(bucketOf('ffffffff-ffff-4fff-bfff-ffffffffffff')).toBe(63);
    expect(bucketOf('a7c3e0d4-1b2f-4c5d-9e8f-0a1b2c3d4e5f')).toBe(0xa7 >> 2);
    const prefix = crypto.randomUUID().slice(0, 2);
    const ids = Array.from({ length: 50 }, () => prefix + crypto.randomUUID().slice(2));
    expect(new Set(ids.map(bucketOf)).size).toBe(1);
  });

  it('hashes any other id with FNV-1a, as the reference says', () => {
    // FNV-1a 32: "" → 0x811c9dc5, "x" → 0xfd0c5087, "foobar" → 0xbf9cf968.
    expect(bucketOf('')).toBe(0x811c9dc5 % SEARCH_BUCKETS);
    expect(bucketOf('foobar')).toBe(0xbf9cf968 % SEARCH_BUCKETS);
    for (const id of ['x', 'é', '🦊', 'John', 'A-1', 'ZZ', 'g0', '0g', '\u0000', 'z'.repeat(64)]) {
      const bucket = bucketOf(id);
      expect(bucket, id).toBe(Number(referenceFnv1a(id) % BigInt(SEARCH_BUCKETS)));
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(SEARCH_BUCKETS);
    }
  });

  it('spreads 10,000 random UUIDs over every one of the buckets, evenly', () => {
    const total = 10_000;
    const counts = new Array<number>(SEARCH_BUCKETS).fill(0);
    for (let i = 0; i < total; i++) {
      const bucket = bucketOf(crypto.randomUUID());
      expect(Number.isInteger(bucket) && bucket >= 0 && bucket < SEARCH_BUCKETS).toBe(true);
      counts[bucket] = (counts[bucket] ?? 0) + 1;
    }
    const expected = total / SEARCH_BUCKETS; // 156.25, σ ≈ 12.4
    expect(Math.min(...counts)).toBeGreaterThan(expected * 0.55);
    expect(Math.max(...counts)).toBeLessThan(expected * 1.5);
    // χ² with 63 degrees of freedom: mean 63; above 160 in fewer than one run in a billion.
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(160);
  });
});

describe('toSearchRow', () => {
  const party: Party = {
    id: 'p-1',
    type: 'person',
    name: 'Zoë Ångström',
    kind: 'client',
    kindHistory: [{ kind: 'client', at: 1 }],
    emails: ['zoe@example.com', 'z@bücher.example'],
    phones: ['+12125550100'],
    domains: [],
    tags: ['vip'],
    notes: 'long notes that search does not need',
    createdAt: 1,
    updatedAt: 2,
  };

  it('keeps only what search needs, with folded text', () => {
    const row = toSearchRow(party);
    expect(row).toEqual({
      id: 'p-1',
      name: 'Zoë Ångström',
      kind: 'client',
      type: 'person',
      emails: ['zoe@example.com', 'z@bücher.example'],
      phones: ['+12125550100'],
      text: 'zoe angstrom zoe@example.com z@bucher.example',
    });
    expect(row).not.toHaveProperty('organization');
    expect(row).not.toHaveProperty('lastInteractionAt');
    expect(SearchRowSchema.parse(row)).toEqual(row);
  });

  it('adds the organization and last interaction when there are some', () => {
    const row = toSearchRow({ ...party, organizationName: 'Café Crème', lastInteractionAt: 0 });
    expect(row.organization).toBe('Café Crème');
    expect(row.lastInteractionAt).toBe(0);
    expect(row.text).toBe('zoe angstrom cafe creme zoe@example.com z@bucher.example');
  });
});

describe('the stored parts, as the background parses them', () => {
  const columns = new BucketColumns(2);
  for (const name of ['Ada Lovelace', 'Grace Hopper', 'Zoë Lefèvre'])
    columns.set({
      id: `${name}-id`,
      name,
      kind: 'client',
      type: 'person',
      emails: [`${name.split(' ')[0]!.toLowerCase()}@example.com`],
      phones: [],
    });
  const [find, show] = columns.pack('stamp');

  it('parses a pair written together, and reads its rows back', () => {
    expect(FindPartSchema.parse(find)).toEqual(find);
    expect(ShowPartSchema.parse(show)).toEqual(show);
    expect(
      rowsOf(parseBucket(2, find, show)).map((row) => [row.name, row.emails, row.text]),
    ).toEqual([
      ['Ada Lovelace', ['ada@example.com'], 'ada lovelace ada@example.com'],
      ['Grace Hopper', ['grace@example.com'], 'grace hopper grace@example.com'],
      ['Zoë Lefèvre', ['zoë@example.com'], 'zoe lefevre zoe@example.com'],
    ]);
    expect(parseBucket(9, undefined, undefined).size).toBe(0);
  });

  it.each([
    ['a line short', { ...find, text: find.text.split('\n').slice(0, 2).join('\n') }],
    ['a line with a field missing', { ...find, text: find.text.replace('\t', ' ') }],
    ['a line with a field too many', { ...find, text: `${find.text}\taka\textra` }],
    ['a bucket out of range', { ...find, bucket: SEARCH_BUCKETS }],
  ])('refuses a find part with %s', (_, part) => {
    expect(FindPartSchema.safeParse(part).success).toBe(false);
  });

  it('parses a bucket whose rows have a nickname or a city (schema version 3) beside rows without', () => {
    const mixed = new BucketColumns(4);
    mixed.set({ id: 'a', name: 'Ada', kind: 'client', type: 'person', emails: [], phones: [] });
    mixed.set({
      id: 'z',
      name: 'Zoë',
      kind: 'client',
      type: 'person',
      emails: ['zoe@example.com'],
      phones: [],
      aka: 'Zo Zürich',
    });
    const [withAka, itsShow] = mixed.pack('stamp');
    expect(FindPartSchema.safeParse(withAka).error).toBeUndefined();
    expect(rowsOf(parseBucket(4, withAka, itsShow)).map((row) => [row.name, row.emails])).toEqual([
      ['Ada', []],
      ['Zoë', ['zoe@example.com']],
    ]);
  });

  it('refuses a torn pair: one part only, another write’s stamp, or rows that disagree', () => {
    expect(() => parseBucket(2, find, undefined)).toThrow();
    expect(() => parseBucket(2, find, { ...show, stamp: 'other' })).toThrow(/torn/);
    expect(() => parseBucket(2, find, { ...show, kinds: ['client'] })).toThrow();
    expect(() => parseBucket(3, find, show)).toThrow(/torn/);
  });
});
