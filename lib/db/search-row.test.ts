import { describe, expect, it } from 'vitest';
import type { Party } from '../domain';
import { bucketOf, SEARCH_BUCKETS, SearchRowSchema, toSearchRow } from './search-row';

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
  it('matches the published FNV-1a test vectors', () => {
    // FNV-1a 32: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    expect(bucketOf('')).toBe(0x811c9dc5 % 64);
    expect(bucketOf('a')).toBe(0xe40c292c % 64);
    expect(bucketOf('foobar')).toBe(0xbf9cf968 % 64);
    expect([bucketOf(''), bucketOf('a'), bucketOf('foobar')]).toEqual([5, 44, 40]);
  });

  it('is stable: the same id always lands in the same bucket, as the reference says', () => {
    const ids = [
      '00000000-0000-4000-8000-000000000000',
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
      ...Array.from({ length: 200 }, () => crypto.randomUUID()),
    ];
    for (const id of ids) {
      const bucket = bucketOf(id);
      expect(bucketOf(id)).toBe(bucket);
      expect(bucket).toBe(Number(referenceFnv1a(id) % BigInt(SEARCH_BUCKETS)));
    }
  });

  it('spreads 10,000 random UUIDs over every one of the 64 buckets, evenly', () => {
    const total = 10_000;
    const buckets = Array.from({ length: total }, () => bucketOf(crypto.randomUUID()));
    expect(buckets.every((b) => Number.isInteger(b) && b >= 0 && b < SEARCH_BUCKETS)).toBe(true);
    const counts = new Array<number>(SEARCH_BUCKETS).fill(0);
    for (const bucket of buckets) counts[bucket] = (counts[bucket] ?? 0) + 1;

    const expected = total / SEARCH_BUCKETS; // 156.25, σ ≈ 12.4
    expect(counts.every((count) => count > 0)).toBe(true);
    expect(Math.min(...counts)).toBeGreaterThan(expected * 0.55);
    expect(Math.max(...counts)).toBeLessThan(expected * 1.5);
    // χ² with 63 degrees of freedom: mean 63; above 160 in fewer than one run in a billion.
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(160);
  });

  it('stays in range for ids that are not UUIDs', () => {
    for (const id of ['x', 'é', '🦊', 'a'.repeat(64), '\u0000']) {
      const bucket = bucketOf(id);
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(SEARCH_BUCKETS);
    }
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
