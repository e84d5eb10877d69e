import { describe, expect, it } from 'vitest';
import { suggestKind, type LifecycleFacts } from './lifecycle-suggestions';
import type { RelationshipKind } from './relationship';

const DECIDED = 1_000;
const BEFORE = 500;
const AFTER = 2_000;

type Status = LifecycleFacts['engagements'][number]['status'];

const party = (kind: RelationshipKind, decidedAt = DECIDED) => ({
  kind,
  kindHistory: [{ kind, at: decidedAt }],
});
const purchase = (createdAt: number) => ({ on: '2026-03-02', description: 'Audit', createdAt });
const engagement = (status: Status, updatedAt = AFTER) => ({
  serviceName: 'Advisory',
  status,
  updatedAt,
});
const facts = (
  purchases: ReturnType<typeof purchase>[] = [],
  engagements: ReturnType<typeof engagement>[] = [],
): LifecycleFacts => ({ purchases, engagements });

describe('suggestKind', () => {
  it.each<[string, RelationshipKind, LifecycleFacts, RelationshipKind | null, string | null]>([
    // First purchase → customer
    [
      'a prospect with a first purchase',
      'prospect',
      facts([purchase(AFTER)]),
      'customer',
      'first-purchase',
    ],
    ['a prospect with no purchase', 'prospect', facts(), null, null],
    [
      'a former customer who buys again',
      'former',
      facts([purchase(AFTER)]),
      'customer',
      'bought-again',
    ],
    ['a customer who buys again', 'customer', facts([purchase(AFTER)]), null, null],
    ['a client who buys something', 'client', facts([purchase(AFTER)]), null, null],
    // Active engagement → client
    [
      'a prospect with an active engagement',
      'prospect',
      facts([], [engagement('active')]),
      'client',
      'engagement-active',
    ],
    [
      'a customer with an active engagement',
      'customer',
      facts([], [engagement('active')]),
      'client',
      'engagement-active',
    ],
    [
      'a former with an active engagement',
      'former',
      facts([], [engagement('active')]),
      'client',
      'engagement-active',
    ],
    ['a client with an active engagement', 'client', facts([], [engagement('active')]), null, null],
    [
      'a prospect with only a proposal',
      'prospect',
      facts([], [engagement('proposed')]),
      null,
      null,
    ],
    [
      'a prospect who bought and signed',
      'prospect',
      facts([purchase(AFTER)], [engagement('active')]),
      'client',
      'engagement-active',
    ],
    // Last engagement ended → former
    [
      'a client whose only engagement ended',
      'client',
      facts([], [engagement('ended')]),
      'former',
      'all-ended',
    ],
    [
      'a client with one ended and one active',
      'client',
      facts([], [engagement('ended'), engagement('active')]),
      null,
      null,
    ],
    [
      'a client with one ended and one paused',
      'client',
      facts([], [engagement('ended'), engagement('paused')]),
      null,
      null,
    ],
    [
      'a client with one ended and one proposed',
      'client',
      facts([], [engagement('ended'), engagement('proposed')]),
      'former',
      'all-ended',
    ],
    ['a client with no engagements on file', 'client', facts(), null, null],
    ['a customer whose engagement ended', 'customer', facts([], [engagement('ended')]), null, null],
    // The user already decided after the fact
    [
      'a prospect set back to prospect after buying',
      'prospect',
      facts([purchase(BEFORE)]),
      null,
      null,
    ],
    [
      'a customer kept after an engagement began',
      'customer',
      facts([], [engagement('active', BEFORE)]),
      null,
      null,
    ],
    [
      'a client kept after the last engagement ended',
      'client',
      facts([], [engagement('ended', BEFORE)]),
      null,
      null,
    ],
    [
      'a purchase in the same millisecond as creation',
      'prospect',
      facts([purchase(DECIDED)]),
      'customer',
      'first-purchase',
    ],
  ])('%s', (_label, kind, given, to, basis) => {
    const suggestion = suggestKind(party(kind), given);
    expect(suggestion?.to ?? null).toBe(to);
    expect(suggestion?.basis ?? null).toBe(basis);
    if (suggestion) {
      expect(suggestion.from).toBe(kind);
      expect(Object.values(suggestion.params).every((value) => value.length > 0)).toBe(true);
    }
  });

  it('names what triggered it, for the page to word', () => {
    expect(suggestKind(party('prospect'), facts([purchase(AFTER)]))?.params).toEqual({
      date: '2026-03-02',
      description: 'Audit',
    });
    expect(suggestKind(party('client'), facts([], [engagement('ended')]))?.params).toEqual({
      service: 'Advisory',
    });
  });

  it('suggests again when a new purchase follows a decision', () => {
    const given = facts([purchase(BEFORE), purchase(AFTER)]);
    expect(suggestKind(party('prospect'), given)?.to).toBe('customer');
  });
});
