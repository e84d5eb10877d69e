import { describe, expect, it } from 'vitest';
import type { Engagement } from '../domain/engagement';
import type { Service } from '../domain/service';
import { createDbOpener } from './open';
import {
  deleteService,
  listServices,
  restoreService,
  saveService,
  setServiceArchived,
  type ServiceContext,
  type ServiceDraft,
} from './service-repository';

const T0 = Date.UTC(2026, 10, 23, 9, 0);

function makeContext(): ServiceContext & { setNow(at: number): void } {
  let now = T0;
  return {
    getDb: createDbOpener(`clientele-services-${crypto.randomUUID()}`),
    clock: () => now,
    setNow: (at) => {
      now = at;
    },
  };
}

const advisory: ServiceDraft = {
  name: '  Monthly advisory ',
  scope: 'Two calls a month and email support.',
  terms: {
    pricingModel: 'retainer',
    rate: { amountMinor: 250_000, currency: 'EUR' },
    billingPeriod: 'month',
  },
};

const audit: ServiceDraft = {
  name: 'Tax audit',
  scope: '',
  terms: { pricingModel: 'fixed-fee', rate: { amountMinor: 120_000, currency: 'USD' } },
};

async function saved(context: ServiceContext, draft: ServiceDraft): Promise<Service> {
  const result = await saveService(context, draft);
  if (!result.ok) throw new Error(`saveService failed: ${result.error.message.code}`);
  return result.value;
}

async function addEngagement(context: ServiceContext, service: Service, id = 'e1') {
  const engagement: Engagement = {
    id,
    partyId: 'p1',
    serviceId: service.id,
    serviceName: service.name,
    terms: service.terms,
    startOn: '2026-11-23',
    status: 'active',
    scopeNotes: '',
    createdAt: T0,
    updatedAt: T0,
  };
  await (await context.getDb()).put('engagements', engagement);
}

describe('saveService', () => {
  it('adds a service with a new id, trimmed name, dated by the clock', async () => {
    const context = makeContext();
    const service = await saved(context, advisory);
    expect(service).toEqual({
      id: expect.any(String) as string,
      name: 'Monthly advisory',
      scope: advisory.scope,
      terms: advisory.terms,
      archived: false,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await listServices(context.getDb)).toEqual([{ service, engagements: 0 }]);
  });

  it('edits an existing service in place, keeping its id, creation date and archive state', async () => {
    const context = makeContext();
    const first = await saved(context, advisory);
    await setServiceArchived(context, first.id, true);
    context.setNow(T0 + 1000);
    const edited = await saved(context, {
      ...advisory,
      id: first.id,
      name: 'Quarterly advisory',
      terms: { ...advisory.terms, billingPeriod: 'quarter' },
    });
    expect(edited).toMatchObject({
      id: first.id,
      name: 'Quarterly advisory',
      archived: true,
      createdAt: T0,
      updatedAt: T0 + 1000,
    });
    expect((await listServices(context.getDb)).map((l) => l.service)).toEqual([edited]);
  });

  it.each([
    ['an empty name', { ...audit, name: '   ' }, 'invalid'],
    [
      'a retainer without a billing period',
      { ...advisory, terms: { ...advisory.terms, billingPeriod: undefined } },
      'invalid',
    ],
    [
      'a fractional amount',
      { ...audit, terms: { ...audit.terms, rate: { amountMinor: 12.5, currency: 'USD' } } },
      'invalid',
    ],
    [
      'an unknown currency',
      { ...audit, terms: { ...audit.terms, rate: { amountMinor: 100, currency: 'XYZ' } } },
      'invalid',
    ],
    ['an id that does not exist', { ...audit, id: 'missing' }, 'not_found'],
  ] as const)('refuses %s and stores nothing', async (_what, draft, code) => {
    const context = makeContext();
    const result = await saveService(context, draft);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code }) });
    expect(await listServices(context.getDb)).toEqual([]);
  });

  it('refuses a second offered service with the same name, but not beside an archived one', async () => {
    const context = makeContext();
    const first = await saved(context, audit);
    const clash = await saveService(context, { ...audit, name: 'TAX AUDIT' });
    expect(clash).toEqual({ ok: false, error: expect.objectContaining({ code: 'duplicate' }) });
    // Saving a service under its own name is not a clash.
    expect((await saveService(context, { ...audit, id: first.id, scope: 'More' })).ok).toBe(true);
    await setServiceArchived(context, first.id, true);
    const second = await saved(context, { ...audit, name: 'Tax audit' });
    // The archived one may be edited, but not offered again while its name is taken.
    expect((await saveService(context, { ...audit, id: first.id, scope: 'Old' })).ok).toBe(true);
    const offerAgain = await setServiceArchived(context, first.id, false);
    expect(offerAgain).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'duplicate' }),
    });
    expect((await listServices(context.getDb)).map((l) => l.service.id)).toEqual([
      second.id,
      first.id,
    ]);
  });
});

describe('listServices', () => {
  it('lists offered services by name, then archived ones, with their engagement counts', async () => {
    const context = makeContext();
    const zeta = await saved(context, { ...audit, name: 'Zeta review' });
    const alpha = await saved(context, { ...audit, name: 'alpha check' });
    const old = await saved(context, { ...audit, name: 'Aardvark' });
    await setServiceArchived(context, old.id, true);
    await addEngagement(context, zeta, 'e1');
    await addEngagement(context, zeta, 'e2');
    const listing = await listServices(context.getDb);
    expect(listing.map((l) => [l.service.name, l.service.archived, l.engagements])).toEqual([
      ['alpha check', false, 0],
      ['Zeta review', false, 2],
      ['Aardvark', true, 0],
    ]);
    expect(alpha.archived).toBe(false);
  });
});

describe('retiring a service', () => {
  it('archives and restores a service', async () => {
    const context = makeContext();
    const service = await saved(context, audit);
    context.setNow(T0 + 5);
    const archived = await setServiceArchived(context, service.id, true);
    expect(archived).toEqual({
      ok: true,
      value: { ...service, archived: true, updatedAt: T0 + 5 },
    });
    const back = await setServiceArchived(context, service.id, false);
    expect(back.ok && back.value.archived).toBe(false);
    expect((await setServiceArchived(context, 'missing', true)).ok).toBe(false);
  });

  it('deletes an unused service and puts it back exactly on undo', async () => {
    const context = makeContext();
    const service = await saved(context, advisory);
    const deleted = await deleteService(context.getDb, service.id);
    expect(deleted).toEqual({ ok: true, value: service });
    expect(await listServices(context.getDb)).toEqual([]);

    expect(await restoreService(context.getDb, service)).toEqual({ ok: true, value: service });
    expect(await listServices(context.getDb)).toEqual([{ service, engagements: 0 }]);
    const again = await restoreService(context.getDb, service);
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'exists' }) });
  });

  it('refuses to delete a service an engagement was made from, and keeps it', async () => {
    const context = makeContext();
    const service = await saved(context, advisory);
    await addEngagement(context, service);
    const refused = await deleteService(context.getDb, service.id);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'in_use',
        message: { code: 'error_service_in_use', params: { count: 1 } },
      },
    });
    expect(await listServices(context.getDb)).toEqual([{ service, engagements: 1 }]);
  });

  it('says a missing service is gone', async () => {
    const context = makeContext();
    expect(await deleteService(context.getDb, 'missing')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not_found' }),
    });
  });

  it('refuses to restore a damaged record', async () => {
    const context = makeContext();
    const damaged = { id: 's1', name: '', scope: '' } as unknown as Service;
    expect((await restoreService(context.getDb, damaged)).ok).toBe(false);
    expect(await listServices(context.getDb)).toEqual([]);
  });
});
