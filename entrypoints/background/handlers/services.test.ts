import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANNEL, type Reply } from '../../../lib/protocol/envelope';
import { installPermissionAndScriptingStubs } from '../../../tests/unit/fake-browser-extras';
import background from '../index';

const EXTENSION_ID = 'test-extension-id';
const optionsSender = {
  id: EXTENSION_ID,
  url: `chrome-extension://${EXTENSION_ID}/options.html`,
  // The options page opens in a tab; it is still our own page.
  tab: { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
};
const contentSender = {
  id: EXTENSION_ID,
  url: 'https://northwind.example/',
  tab: { id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
};

async function send(name: string, request: unknown, sender: object = optionsSender) {
  return new Promise<Reply | undefined>((resolve) => {
    void fakeBrowser.runtime.onMessage
      .trigger({ channel: CHANNEL, name, request }, sender, resolve)
      .then((results: unknown[]) => {
        if (!results.includes(true)) resolve(undefined);
      });
  });
}

async function valueOf<T = Record<string, unknown>>(reply: Promise<Reply | undefined>) {
  const settled = await reply;
  if (!settled?.ok) throw new Error(`expected success, got ${JSON.stringify(settled)}`);
  return settled.value as T;
}

interface ServiceOut {
  id: string;
  name: string;
  archived: boolean;
  terms: { rate: { amountMinor: number; currency: string } };
}
const names = async () =>
  (await valueOf<{ services: { service: ServiceOut }[] }>(send('services/list', {}))).services.map(
    (l) => [l.service.name, l.service.archived],
  );

const audit = {
  name: 'Tax audit',
  scope: 'Year-end books.',
  terms: { pricingModel: 'fixed-fee', rate: { amountMinor: 120_000, currency: 'USD' } },
};

describe('services messages over the real repository', () => {
  beforeEach(() => {
    installPermissionAndScriptingStubs();
    background.main();
  });

  it('saves, edits and lists services from the options page', async () => {
    const created = await valueOf<ServiceOut>(send('services/save', audit));
    expect(created).toMatchObject({ name: 'Tax audit', archived: false });
    const edited = await valueOf<ServiceOut>(
      send('services/save', {
        ...audit,
        id: created.id,
        terms: { ...audit.terms, rate: { amountMinor: 99, currency: 'JPY' } },
      }),
    );
    expect(edited.terms.rate).toEqual({ amountMinor: 99, currency: 'JPY' });
    expect(await names()).toEqual([['Tax audit', false]]);
  });

  it('archives, offers again, deletes and restores', async () => {
    const { id } = await valueOf<ServiceOut>(send('services/save', audit));
    await valueOf(send('services/archive', { id, archived: true }));
    expect(await names()).toEqual([['Tax audit', true]]);
    await valueOf(send('services/archive', { id, archived: false }));
    const deleted = await valueOf<ServiceOut>(send('services/delete', { id }));
    expect(await names()).toEqual([]);
    await valueOf(send('services/restore', deleted));
    expect(await names()).toEqual([['Tax audit', false]]);
  });

  it('answers a refused change with a plain error', async () => {
    const reply = await send('services/save', {
      ...audit,
      terms: { pricingModel: 'retainer', rate: { amountMinor: 1, currency: 'USD' } },
    });
    expect(reply).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad_request' }) });
    const missing = await send('services/delete', { id: 'nope' });
    expect(missing).toEqual({ ok: false, error: expect.objectContaining({ code: 'not_found' }) });
  });

  it('refuses every services message from a content script, changing nothing', async () => {
    const { id } = await valueOf<ServiceOut>(send('services/save', audit));
    for (const [name, request] of [
      ['services/list', {}],
      ['services/save', audit],
      ['services/archive', { id, archived: true }],
      ['services/delete', { id }],
    ] as const) {
      expect(await send(name, request, contentSender)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'forbidden' }),
      });
    }
    expect(await names()).toEqual([['Tax audit', false]]);
  });
});
