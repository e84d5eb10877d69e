import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDbOpener } from '../../../lib/db/open';
import { CHANNEL, type Reply } from '../../../lib/protocol/envelope';
import { installPermissionAndScriptingStubs } from '../../../tests/unit/fake-browser-extras';
import background from '../index';

const EXTENSION_ID = 'test-extension-id';
const pageSender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/dashboard.html` };
const contentSender = {
  id: EXTENSION_ID,
  url: 'https://northwind.example/',
  tab: { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
};

async function send(name: string, request: unknown, sender: object = pageSender) {
  return new Promise<Reply>((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(
      { channel: CHANNEL, name, request },
      sender,
      (reply: Reply) => resolve(reply),
    );
  });
}

async function value<T = Record<string, unknown>>(name: string, request: unknown): Promise<T> {
  const reply = await send(name, request);
  if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

interface View {
  view: { party: { id: string; kind: string; updatedAt: number; emails: string[] } };
}
const create = async (draft: object) => (await value<View>('parties/create', draft)).view.party;

const retainer = {
  pricingModel: 'retainer',
  rate: { amountMinor: 250_000, currency: 'EUR' },
  billingPeriod: 'month',
} as const;

describe('relationship messages over the real background', () => {
  beforeEach(() => {
    installPermissionAndScriptingStubs();
    background.main();
  });

  it('a prospect’s first purchase suggests customer; the summary totals per currency', async () => {
    const ada = await create({ name: 'Ada Lovelace', kind: 'prospect' });
    const recorded = await value<{ suggestion: { to: string; reason: string } | null }>(
      'purchases/record',
      {
        partyId: ada.id,
        on: '2026-11-02',
        amount: { amountMinor: 12_000, currency: 'EUR' },
        description: 'Workshop',
      },
    );
    expect(recorded.suggestion?.to).toBe('customer');
    await value('purchases/record', {
      partyId: ada.id,
      on: '2026-11-03',
      amount: { amountMinor: 5_000, currency: 'USD' },
      description: 'Book',
      recurrence: 'one-time',
    });
    const summary = await value<{
      purchaseTotals: unknown;
      suggestion: { to: string } | null;
      purchases: unknown[];
    }>('parties/summary', { id: ada.id });
    expect(summary.purchaseTotals).toEqual([
      { currency: 'EUR', amountMinor: 12_000 },
      { currency: 'USD', amountMinor: 5_000 },
    ]);
    expect(summary.purchases).toHaveLength(2);
    expect(summary.suggestion?.to).toBe('customer');

    // Applying the suggestion is the user's choice; after it, nothing is suggested.
    await value('parties/setKind', { id: ada.id, kind: 'customer' });
    const after = await value<{ suggestion: unknown }>('parties/summary', { id: ada.id });
    expect(after.suggestion).toBeNull();
    const listed = await value<{ purchases: { on: string }[] }>('purchases/list', {
      partyId: ada.id,
    });
    expect(listed.purchases.map((p) => p.on)).toEqual(['2026-11-03', '2026-11-02']);
  });

  it('an engagement from the catalogue: terms copied, renewal follow-up, client then former', async () => {
    const db = await createDbOpener()();
    await db.put('services', {
      id: 'svc',
      name: 'Monthly advisory',
      scope: '',
      terms: retainer,
      archived: false,
      createdAt: 1,
      updatedAt: 1,
    });
    const grace = await create({ name: 'Grace Hopper', kind: 'customer' });
    const created = await value<{
      engagement: { id: string; terms: unknown; serviceName: string };
      followUp?: { note: string };
      suggestion: { to: string } | null;
    }>('engagements/create', {
      partyId: grace.id,
      serviceId: 'svc',
      startOn: '2026-11-01',
      renewOn: '2099-11-01',
      status: 'active',
    });
    expect(created.engagement.terms).toEqual(retainer);
    expect(created.followUp?.note).toBe('Renewal of “Monthly advisory” on 2099-11-01');
    expect(created.suggestion?.to).toBe('client');
    await value('parties/setKind', { id: grace.id, kind: 'client' });

    const ended = await value<{ suggestion: { to: string } | null }>('engagements/setStatus', {
      id: created.engagement.id,
      status: 'ended',
      endOn: '2026-12-31',
    });
    expect(ended.suggestion?.to).toBe('former');
    const listed = await value<{ engagements: { status: string }[] }>('engagements/list', {
      partyId: grace.id,
    });
    expect(listed.engagements.map((e) => e.status)).toEqual(['ended']);
  });

  it('updates a prospect’s stage, and refuses it for a client', async () => {
    const zoe = await create({ name: 'Zoë', kind: 'prospect' });
    const updated = await value<{ party: { prospect: unknown } }>('prospects/update', {
      id: zoe.id,
      source: 'Referral',
      stage: 'proposal',
      nextStep: 'Call on Friday',
    });
    expect(updated.party.prospect).toEqual({
      source: 'Referral',
      stage: 'proposal',
      nextStep: 'Call on Friday',
    });
    const client = await create({ name: 'Client', kind: 'client' });
    const refused = await send('prospects/update', { id: client.id, stage: 'new' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('finds a duplicate, previews, merges once, and refuses a stale merge', async () => {
    const first = await create({
      name: 'Grace Hopper',
      kind: 'client',
      emails: ['grace@northwind.example'],
      organizationName: 'Northwind',
    });
    const second = await create({
      name: 'grace hopper',
      kind: 'prospect',
      emails: ['gh@home.example'],
      phones: ['+1 212 555 0100'],
      organizationName: 'Northwind',
    });
    const { pairs } = await value<{
      pairs: {
        action: string;
        a: { id: string };
        b: { id: string };
        reasons: { code: string }[];
      }[];
    }>('duplicates/find', {});
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.reasons.map((r) => r.code)).toEqual(['name-organization']);

    const target = { survivorId: first.id, absorbedId: second.id };
    const preview = await value<{ merged: { emails: string[]; phones: string[] } }>(
      'duplicates/preview',
      target,
    );
    expect(preview.merged.emails).toEqual(['grace@northwind.example', 'gh@home.example']);
    const expected = { survivorUpdatedAt: first.updatedAt, absorbedUpdatedAt: second.updatedAt };

    const forged = await send('duplicates/merge', { ...target, expected }, contentSender);
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const merged = await value<{ view: { party: { phones: string[] } }; moved: object }>(
      'duplicates/merge',
      { ...target, expected },
    );
    expect(merged.view.party.phones).toEqual(['+12125550100']);
    const rows = await value<{ rows: { id: string }[] }>('search/rows', {});
    expect(rows.rows.map((r) => r.id)).toEqual([first.id]);
    const again = await send('duplicates/merge', { ...target, expected });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await value<{ pairs: unknown[] }>('duplicates/find', {})).pairs).toEqual([]);
  });

  it('links a person to the organization at their email domain', async () => {
    const org = await create({
      name: 'Contoso',
      type: 'organization',
      kind: 'client',
      domains: ['contoso.example'],
    });
    // Imported before the organization existed, so not linked on creation.
    const db = await createDbOpener()();
    const person = await create({ name: 'Pat', kind: 'client', emails: ['pat@other.example'] });
    const stored = await db.get('parties', person.id);
    await db.put('parties', { ...stored!, emails: ['pat@contoso.example'] });
    const { pairs } = await value<{ pairs: { action: string }[] }>('duplicates/find', {});
    expect(pairs.map((p) => p.action)).toEqual(['link']);
    const linked = await value<{ party: { organizationId: string } }>('duplicates/link', {
      personId: person.id,
      organizationId: org.id,
    });
    expect(linked.party.organizationId).toBe(org.id);
  });

  it('answers the dashboard’s figures from the book', async () => {
    const empty = await value<{ parties: number; revenue: { series: unknown[] } }>(
      'dashboard/figures',
      { timeZone: 'UTC' },
    );
    expect(empty.parties).toBe(0);
    expect(empty.revenue.series).toEqual([]);

    const ada = await create({ name: 'Ada', kind: 'client' });
    await create({ name: 'Bo', kind: 'prospect', prospect: { stage: 'qualified', source: 'Web' } });
    const today = new Date().toISOString().slice(0, 10);
    await value('purchases/record', {
      partyId: ada.id,
      on: today,
      amount: { amountMinor: 7_500, currency: 'GBP' },
      description: 'Audit',
    });
    await value('interactions/log', { partyId: ada.id, type: 'call', requestId: 'r1' });
    const figures = await value<{
      parties: number;
      kinds: { kind: string; total: number }[];
      revenue: { series: { currency: string; purchases: number[] }[] };
      prospects: { byStage: { stage: string; count: number }[] };
      interactions: { counts: number[] };
    }>('dashboard/figures', { timeZone: 'UTC' });
    expect(figures.parties).toBe(2);
    expect(figures.kinds.map((k) => k.total)).toEqual([1, 0, 1, 0]);
    expect(figures.revenue.series.map((s) => [s.currency, s.purchases.at(-1)])).toEqual([
      ['GBP', 7_500],
    ]);
    expect(figures.prospects.byStage.find((s) => s.stage === 'qualified')?.count).toBe(1);
    expect(figures.interactions.counts.at(-1)).toBe(1);

    const badZone = await send('dashboard/figures', { timeZone: 'Mars/Olympus' });
    expect(badZone).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
