import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../domain';
import { createEngagement } from './engagement-repository';
import { logInteraction } from './interaction-repository';
import { createDbOpener } from './open';
import { updatePartRecord } from './part-edit';
import { createParty, type RepositoryContext } from './party-repository';
import {
  EngagementPatchSchema,
  FollowUpPatchSchema,
  PurchasePatchSchema,
} from '../domain/part-patch';
import { recordPurchase } from './purchase-repository';

const NOW = Date.UTC(2026, 11, 7);
const DAY = 86_400_000;

async function book() {
  let now = NOW;
  const context: RepositoryContext = {
    getDb: createDbOpener(`clientele-part-edit-${crypto.randomUUID()}`),
    clock: () => now,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
  const ada = await createParty(context, { name: 'Ada', kind: 'client', emails: ['a@a.example'] });
  if (!ada.ok) throw new Error('not created');
  const partyId = ada.value.party.id;
  const logged = await logInteraction(context, {
    partyId,
    type: 'call',
    at: NOW - DAY,
    followUpAt: NOW + DAY,
    requestId: 'r1',
  });
  const engaged = await createEngagement(context, {
    partyId,
    serviceName: 'Retainer',
    terms: {
      pricingModel: 'retainer',
      rate: { amountMinor: 50_000, currency: 'EUR' },
      billingPeriod: 'month',
    },
    startOn: '2026-01-01',
    status: 'active',
  });
  const bought = await recordPurchase(context, {
    partyId,
    on: '2026-02-03',
    amount: { amountMinor: 1200, currency: 'EUR' },
    description: 'Workshop seat',
  });
  if (!logged.ok || !logged.value.followUp || !engaged.ok || !bought.ok)
    throw new Error('not seeded');
  now += DAY;
  return {
    context,
    partyId,
    followUp: logged.value.followUp,
    engagement: engaged.value.engagement,
    purchase: bought.value.purchase,
  };
}

describe('updatePartRecord', () => {
  it('corrects a follow-up, an engagement and a purchase, keeping their ids and links', async () => {
    const { context, partyId, followUp, engagement, purchase } = await book();
    const moved = await updatePartRecord(context, {
      store: 'followUps',
      id: followUp.id,
      patch: { dueAt: NOW + 3 * DAY, note: ' Send the quote ' },
    });
    expect(moved).toEqual({
      ok: true,
      value: {
        store: 'followUps',
        record: { ...followUp, dueAt: NOW + 3 * DAY, note: 'Send the quote', updatedAt: NOW + DAY },
      },
    });
    const renamed = await updatePartRecord(context, {
      store: 'engagements',
      id: engagement.id,
      patch: { serviceName: 'Monthly retainer', scopeNotes: 'Two days a month' },
    });
    expect(renamed.ok && renamed.value.record).toEqual({
      ...engagement,
      serviceName: 'Monthly retainer',
      scopeNotes: 'Two days a month',
      updatedAt: NOW + DAY,
    });
    const corrected = await updatePartRecord(context, {
      store: 'purchases',
      id: purchase.id,
      patch: { amount: { amountMinor: 1500, currency: 'EUR' }, recurrence: 'recurring' },
    });
    expect(corrected.ok && corrected.value.record).toEqual({
      ...purchase,
      amount: { amountMinor: 1500, currency: 'EUR' },
      recurrence: 'recurring',
    });
    const db = await context.getDb();
    expect((await db.get('purchases', purchase.id))?.partyId).toBe(partyId);
    expect((await db.get('followUps', followUp.id))?.dueAt).toBe(NOW + 3 * DAY);
  });

  it('refuses what would not be a valid record, and changes nothing', async () => {
    const { context, engagement, purchase } = await book();
    const backwards = await updatePartRecord(context, {
      store: 'engagements',
      id: engagement.id,
      patch: { endOn: '2025-12-31' },
    });
    expect(backwards.ok).toBe(false);
    const free = await updatePartRecord(context, {
      store: 'purchases',
      id: purchase.id,
      patch: { amount: { amountMinor: 0, currency: 'EUR' } },
    });
    expect(free.ok).toBe(false);
    // A patch may not move a record to another party.
    const moved = await updatePartRecord(context, {
      store: 'purchases',
      id: purchase.id,
      patch: { partyId: 'someone-else' } as never,
    });
    expect(moved.ok).toBe(false);
    const db = await context.getDb();
    expect(await db.get('engagements', engagement.id)).toEqual(engagement);
    expect(await db.get('purchases', purchase.id)).toEqual(purchase);
    const gone = await updatePartRecord(context, {
      store: 'followUps',
      id: 'no-such-follow-up',
      patch: { note: 'x' },
    });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('clearing an optional field', () => {
  it('the patch takes null for an optional field only, meaning "remove"', () => {
    expect(EngagementPatchSchema.safeParse({ endOn: null }).success).toBe(true);
    for (const patch of [{ serviceName: null }, { startOn: null }, { scopeNotes: null }])
      expect(EngagementPatchSchema.safeParse(patch).success, JSON.stringify(patch)).toBe(false);
    for (const patch of [{ dueAt: null }, { note: null }])
      expect(FollowUpPatchSchema.safeParse(patch).success, JSON.stringify(patch)).toBe(false);
    for (const patch of [{ on: null }, { amount: null }, { description: null }])
      expect(PurchasePatchSchema.safeParse(patch).success, JSON.stringify(patch)).toBe(false);
  });

  it('removes an engagement’s end date: the stored record lacks the key, as if never set', async () => {
    const { context, engagement } = await book();
    const ended = await updatePartRecord(context, {
      store: 'engagements',
      id: engagement.id,
      patch: { endOn: '2026-12-31' },
    });
    expect(ended.ok && ended.value.record).toMatchObject({ endOn: '2026-12-31' });
    const cleared = await updatePartRecord(context, {
      store: 'engagements',
      id: engagement.id,
      patch: { endOn: null, scopeNotes: 'Open-ended' },
    });
    expect(cleared.ok && cleared.value.record).toEqual({
      ...engagement,
      scopeNotes: 'Open-ended',
      updatedAt: NOW + DAY,
    });
    const stored = await (await context.getDb()).get('engagements', engagement.id);
    expect(stored && Object.keys(stored)).not.toContain('endOn');
    expect(stored).toEqual({ ...engagement, scopeNotes: 'Open-ended', updatedAt: NOW + DAY });
  });

  it('refuses null for a required field, and changes nothing', async () => {
    const { context, engagement, followUp } = await book();
    const nameless = await updatePartRecord(context, {
      store: 'engagements',
      id: engagement.id,
      patch: { startOn: null } as never,
    });
    expect(nameless).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const undated = await updatePartRecord(context, {
      store: 'followUps',
      id: followUp.id,
      patch: { dueAt: null } as never,
    });
    expect(undated).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const db = await context.getDb();
    expect(await db.get('engagements', engagement.id)).toEqual(engagement);
    expect(await db.get('followUps', followUp.id)).toEqual(followUp);
  });
});
