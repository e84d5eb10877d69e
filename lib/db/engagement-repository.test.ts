import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type Party, type PartyDraft, type Service } from '../domain';
import {
  createEngagement,
  listEngagements,
  partySummary,
  renewalFollowUpAt,
  setEngagementStatus,
  type EngagementDraft,
} from './engagement-repository';
import { createDbOpener } from './open';
import { createParty, setPartyKind, type RepositoryContext } from './party-repository';
import { recordPurchase } from './purchase-repository';
import { say } from '../../lib/ui/ui-text';

const T0 = Date.UTC(2026, 10, 2, 10);

function makeContext(): RepositoryContext & { setNow(at: number): void } {
  let now = T0;
  return {
    getDb: createDbOpener(`clientele-engagements-${crypto.randomUUID()}`),
    clock: () => now,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
    setNow: (at) => {
      now = at;
    },
  };
}

async function party(context: RepositoryContext, draft: Partial<PartyDraft> = {}): Promise<Party> {
  const result = await createParty(context, { name: 'Ada Lovelace', kind: 'prospect', ...draft });
  if (!result.ok) throw new Error(result.error.message.code);
  return result.value.party;
}

const advisory: Service = {
  id: 'svc-1',
  name: 'Monthly advisory',
  scope: 'Two calls a month',
  terms: {
    pricingModel: 'retainer',
    rate: { amountMinor: 250_000, currency: 'EUR' },
    billingPeriod: 'month',
  },
  archived: false,
  createdAt: T0,
  updatedAt: T0,
};

async function engage(context: RepositoryContext, draft: EngagementDraft) {
  const result = await createEngagement(context, draft);
  if (!result.ok) throw new Error(result.error.message.code);
  return result.value;
}

describe('createEngagement', () => {
  it('copies the catalogue terms at signing, so later catalogue changes do not rewrite it', async () => {
    const context = makeContext();
    const db = await context.getDb();
    await db.put('services', advisory);
    const ada = await party(context);
    const { engagement } = await engage(context, {
      partyId: ada.id,
      serviceId: advisory.id,
      startOn: '2026-11-01',
      status: 'active',
    });
    await db.put('services', {
      ...advisory,
      terms: { ...advisory.terms, rate: { amountMinor: 1, currency: 'EUR' } },
    });
    const [stored] = await listEngagements(context.getDb, ada.id);
    expect(stored).toStrictEqual(engagement);
    expect(stored?.serviceName).toBe('Monthly advisory');
    expect(stored?.terms.rate.amountMinor).toBe(250_000);
  });

  it('takes ad-hoc terms without a catalogue entry', async () => {
    const context = makeContext();
    const ada = await party(context);
    const { engagement } = await engage(context, {
      partyId: ada.id,
      serviceName: 'Website audit',
      terms: { pricingModel: 'fixed-fee', rate: { amountMinor: 90_000, currency: 'USD' } },
      startOn: '2026-11-05',
      scopeNotes: 'Accessibility and speed',
    });
    expect(engagement).toMatchObject({
      status: 'proposed',
      serviceName: 'Website audit',
      scopeNotes: 'Accessibility and speed',
    });
    expect(engagement).not.toHaveProperty('serviceId');
  });

  it.each([
    [{ serviceName: 'No terms' }, 'Choose a service from the catalogue'],
    [{ serviceId: 'missing' }, 'That service no longer exists.'],
    [{ serviceId: 'svc-1', endOn: '2026-10-01' }, 'The end date comes before the start.'],
    [{ serviceId: 'svc-1', renewOn: '2026-10-01' }, 'The renewal date comes before the start.'],
    [{ serviceId: 'svc-1', startOn: '2026-02-30' }, 'startOn'],
  ] as const)('refuses %j, writing nothing', async (change, message) => {
    const context = makeContext();
    const db = await context.getDb();
    await db.put('services', advisory);
    const ada = await party(context);
    const result = await createEngagement(context, {
      partyId: ada.id,
      startOn: '2026-11-01',
      ...change,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(say(result.error.message)).toContain(message);
    expect(await db.count('engagements')).toBe(0);
    expect(await db.count('followUps')).toBe(0);
  });

  it('refuses an engagement for a record that does not exist', async () => {
    const context = makeContext();
    const result = await createEngagement(context, {
      partyId: 'nobody',
      serviceName: 'x',
      terms: advisory.terms,
      startOn: '2026-11-01',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('raises a follow-up 30 days before the renewal date, in the same write', async () => {
    const context = makeContext();
    const ada = await party(context);
    const { engagement, followUp } = await engage(context, {
      partyId: ada.id,
      serviceName: 'Monthly advisory',
      terms: advisory.terms,
      startOn: '2026-11-01',
      renewOn: '2027-11-01',
      status: 'active',
    });
    expect(followUp).toMatchObject({
      partyId: ada.id,
      status: 'open',
      dueAt: new Date(2027, 9, 2, 9).getTime(),
      note: 'Renewal of “Monthly advisory” on 2027-11-01',
    });
    expect(engagement.renewalFollowUpId).toBe(followUp?.id);
    const db = await context.getDb();
    expect(await db.getAllFromIndex('followUps', 'byParty', ada.id)).toStrictEqual([followUp]);
  });

  it.each([
    ['a renewal further away than the notice', '2027-11-01', 30, new Date(2027, 9, 2, 9).getTime()],
    ['a custom notice', '2027-11-01', 7, new Date(2027, 9, 25, 9).getTime()],
    ['a renewal closer than the notice: due now', '2026-11-10', 30, T0],
    ['a renewal already past: none', '2026-10-01', 30, null],
  ])('%s', (_label, renewOn, days, expected) => {
    expect(renewalFollowUpAt(renewOn, days, T0)).toBe(expected);
  });

  it('suggests client when an engagement starts active, and nothing for a proposal', async () => {
    const context = makeContext();
    const ada = await party(context);
    const draft = { partyId: ada.id, serviceName: 'Advisory', terms: advisory.terms };
    context.setNow(T0 + 1);
    const proposed = await engage(context, { ...draft, startOn: '2026-11-01' });
    expect(proposed.suggestion).toBeNull();
    const active = await engage(context, { ...draft, startOn: '2026-11-01', status: 'active' });
    expect(active.suggestion).toMatchObject({ from: 'prospect', to: 'client' });
  });
});

describe('setEngagementStatus', () => {
  it('ends the last active engagement: suggests former and closes its renewal follow-up', async () => {
    const context = makeContext();
    const ada = await party(context, { kind: 'client' });
    const { engagement, followUp } = await engage(context, {
      partyId: ada.id,
      serviceName: 'Advisory',
      terms: advisory.terms,
      startOn: '2026-11-01',
      renewOn: '2027-11-01',
      status: 'active',
    });
    context.setNow(T0 + 1_000);
    const result = await setEngagementStatus(context, {
      id: engagement.id,
      status: 'ended',
      endOn: '2026-12-31',
    });
    if (!result.ok) throw new Error(result.error.message.code);
    expect(result.value.engagement).toMatchObject({
      status: 'ended',
      endOn: '2026-12-31',
      updatedAt: T0 + 1_000,
    });
    expect(result.value.suggestion).toMatchObject({ from: 'client', to: 'former' });
    const db = await context.getDb();
    expect(await db.get('followUps', followUp?.id ?? '')).toMatchObject({
      status: 'done',
      doneAt: T0 + 1_000,
    });
  });

  it('suggests nothing while another engagement is still active', async () => {
    const context = makeContext();
    const ada = await party(context, { kind: 'client' });
    const draft = {
      partyId: ada.id,
      serviceName: 'Advisory',
      terms: advisory.terms,
      startOn: '2026-11-01',
      status: 'active' as const,
    };
    const first = await engage(context, draft);
    await engage(context, draft);
    const result = await setEngagementStatus(context, { id: first.engagement.id, status: 'ended' });
    expect(result.ok && result.value.suggestion).toBeNull();
  });

  it('does not repeat a suggestion the user turned down', async () => {
    const context = makeContext();
    const ada = await party(context, { kind: 'client' });
    const { engagement } = await engage(context, {
      partyId: ada.id,
      serviceName: 'Advisory',
      terms: advisory.terms,
      startOn: '2026-11-01',
      status: 'active',
    });
    context.setNow(T0 + 10);
    await setEngagementStatus(context, { id: engagement.id, status: 'ended' });
    // The user decides they stay a client (e.g. work continues without a contract).
    context.setNow(T0 + 20);
    await setPartyKind(context, ada.id, 'former');
    await setPartyKind(context, ada.id, 'client');
    const summary = await partySummary(context.getDb, ada.id);
    expect(summary?.suggestion).toBeNull();
  });

  it('refuses an unknown engagement and an end before the start', async () => {
    const context = makeContext();
    expect(await setEngagementStatus(context, { id: 'none', status: 'ended' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const ada = await party(context);
    const { engagement } = await engage(context, {
      partyId: ada.id,
      serviceName: 'Advisory',
      terms: advisory.terms,
      startOn: '2026-11-01',
    });
    const early = await setEngagementStatus(context, {
      id: engagement.id,
      status: 'ended',
      endOn: '2026-01-01',
    });
    expect(early.ok).toBe(false);
    const [stored] = await listEngagements(context.getDb, ada.id);
    expect(stored?.status).toBe('proposed');
  });
});

describe('partySummary', () => {
  it('lists what a party buys, totals per currency and the monthly recurring amount', async () => {
    const context = makeContext();
    const ada = await party(context, { kind: 'client' });
    const base = { partyId: ada.id, startOn: '2026-11-01' };
    await engage(context, {
      ...base,
      serviceName: 'Advisory',
      terms: advisory.terms,
      status: 'active',
    });
    await engage(context, {
      ...base,
      serviceName: 'Hosting',
      terms: {
        pricingModel: 'subscription',
        rate: { amountMinor: 120_00, currency: 'USD' },
        billingPeriod: 'year',
      },
      status: 'active',
    });
    await engage(context, { ...base, serviceName: 'Old', terms: advisory.terms, status: 'ended' });
    await engage(context, { ...base, serviceName: 'Next', terms: advisory.terms });
    for (const [on, amountMinor, currency] of [
      ['2026-11-03', 10_000, 'EUR'],
      ['2026-11-04', 5_050, 'EUR'],
      ['2026-11-05', 3_000, 'JPY'],
    ] as const) {
      await recordPurchase(context, {
        partyId: ada.id,
        on,
        amount: { amountMinor, currency },
        description: 'Workshop',
      });
    }
    const summary = await partySummary(context.getDb, ada.id);
    expect(summary?.engagements.map((e) => [e.serviceName, e.status])).toStrictEqual([
      ['Advisory', 'active'],
      ['Hosting', 'active'],
      ['Next', 'proposed'],
    ]);
    expect(summary?.purchases.map((p) => p.on)).toStrictEqual([
      '2026-11-05',
      '2026-11-04',
      '2026-11-03',
    ]);
    expect(summary?.purchaseTotals).toStrictEqual([
      { currency: 'EUR', amountMinor: 15_050 },
      { currency: 'JPY', amountMinor: 3_000 },
    ]);
    expect(summary?.recurringMonthly).toStrictEqual([
      { currency: 'EUR', amountMinor: 250_000 },
      { currency: 'USD', amountMinor: 1_000 },
    ]);
  });

  it('is null for a record that does not exist', async () => {
    expect(await partySummary(makeContext().getDb, 'nobody')).toBeNull();
  });
});
