import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type Party, type RelationshipKind } from '../domain';
import { createDbOpener } from './open';
import {
  createParty,
  setPartyKind,
  updateProspect,
  type RepositoryContext,
} from './party-repository';
import { listPurchases, recordPurchase, type PurchaseDraft } from './purchase-repository';
import { say } from '../../lib/ui/ui-text';

const T0 = Date.UTC(2026, 10, 2, 10);

function makeContext(): RepositoryContext & { tick(): void } {
  let now = T0;
  return {
    getDb: createDbOpener(`clientele-purchases-${crypto.randomUUID()}`),
    clock: () => now,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
    tick: () => {
      now += 1_000;
    },
  };
}

async function party(context: RepositoryContext, kind: RelationshipKind): Promise<Party> {
  const result = await createParty(context, { name: 'Grace Hopper', kind });
  if (!result.ok) throw new Error(result.error.message.code);
  return result.value.party;
}

const draft = (partyId: string, rest: Partial<PurchaseDraft> = {}): PurchaseDraft => ({
  partyId,
  on: '2026-11-02',
  amount: { amountMinor: 4_900, currency: 'EUR' },
  description: 'Annual membership',
  recurrence: 'recurring',
  ...rest,
});

describe('recordPurchase', () => {
  it('records a purchase exactly as given', async () => {
    const context = makeContext();
    const grace = await party(context, 'customer');
    const result = await recordPurchase(context, draft(grace.id));
    if (!result.ok) throw new Error(result.error.message.code);
    expect(result.value.purchase).toStrictEqual({
      id: expect.any(String),
      partyId: grace.id,
      on: '2026-11-02',
      amount: { amountMinor: 4_900, currency: 'EUR' },
      description: 'Annual membership',
      recurrence: 'recurring',
      createdAt: T0,
    });
    expect(await listPurchases(context.getDb, grace.id)).toStrictEqual([result.value.purchase]);
  });

  it.each([
    ['prospect', 'customer'],
    ['former', 'customer'],
    ['customer', null],
    ['client', null],
  ] as const)('a purchase by a %s suggests %s', async (kind, suggested) => {
    const context = makeContext();
    const grace = await party(context, kind);
    context.tick();
    const result = await recordPurchase(context, draft(grace.id));
    expect(result.ok && (result.value.suggestion?.to ?? null)).toBe(suggested);
  });

  it('suggests customer only until the user decides', async () => {
    const context = makeContext();
    const grace = await party(context, 'prospect');
    context.tick();
    await recordPurchase(context, draft(grace.id));
    context.tick();
    await setPartyKind(context, grace.id, 'customer');
    context.tick();
    await setPartyKind(context, grace.id, 'prospect', 'a one-off gift, still a prospect');
    const summary = await recordPurchase(context, draft(grace.id, { on: '2026-11-03' }));
    // A new purchase after the decision suggests again: it is a new fact.
    expect(summary.ok && summary.value.suggestion?.basis).toBe('first-purchase');
  });

  it('records a retried request once', async () => {
    const context = makeContext();
    const grace = await party(context, 'customer');
    const first = await recordPurchase(context, draft(grace.id, { requestId: 'r-1' }));
    const again = await recordPurchase(context, draft(grace.id, { requestId: 'r-1' }));
    expect(again.ok && again.value.replayed).toBe(true);
    expect(first.ok && again.ok && again.value.purchase.id).toBe(
      first.ok && first.value.purchase.id,
    );
    expect(await listPurchases(context.getDb, grace.id)).toHaveLength(1);
  });

  it.each([
    ['a zero amount', { amount: { amountMinor: 0, currency: 'EUR' } }, 'above zero'],
    ['a fractional minor amount', { amount: { amountMinor: 1.5, currency: 'EUR' } }, 'amount'],
    ['an unknown currency', { amount: { amountMinor: 100, currency: 'XYZ' } }, 'currency'],
    ['a blank description', { description: '  ' }, 'description'],
    ['an impossible date', { on: '2026-02-30' }, 'on'],
  ])('refuses %s, writing nothing', async (_label, change, message) => {
    const context = makeContext();
    const grace = await party(context, 'customer');
    const result = await recordPurchase(context, draft(grace.id, change));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(say(result.error.message)).toContain(message);
    expect(await listPurchases(context.getDb, grace.id)).toStrictEqual([]);
  });

  it('refuses a purchase for a record that does not exist', async () => {
    const result = await recordPurchase(makeContext(), draft('nobody'));
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lists a party’s purchases newest first', async () => {
    const context = makeContext();
    const grace = await party(context, 'customer');
    for (const on of ['2026-01-05', '2026-11-01', '2026-06-30'])
      await recordPurchase(context, draft(grace.id, { on }));
    const listed = await listPurchases(context.getDb, grace.id);
    expect(listed.map((p) => p.on)).toStrictEqual(['2026-11-01', '2026-06-30', '2026-01-05']);
  });
});

describe('updateProspect', () => {
  it('sets source, stage and next step on a prospect', async () => {
    const context = makeContext();
    const grace = await party(context, 'prospect');
    const info = { source: 'Conference', stage: 'qualified', nextStep: 'Send the deck' } as const;
    const result = await updateProspect(context, grace.id, info);
    expect(result.ok && result.value.prospect).toStrictEqual(info);
  });

  it('refuses a record that is not a prospect', async () => {
    const context = makeContext();
    const grace = await party(context, 'client');
    const result = await updateProspect(context, grace.id, { stage: 'new' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
