import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAV_SERVER_KINDS, startDavServer, type DavServer } from '../../scripts/dav-servers.mjs';
import { ask, requestLog, watchServiceWorker } from './helpers';
import {
  bookOf,
  openDevice,
  phoneCard,
  putAsPhone,
  setUpSync,
  status,
  syncNow,
  type Credentials,
  type Device,
} from './sync-devices';

/**
 * Zero egress with sync set up (budgets.md): the one origin Clientele may reach is
 * the server the user configured. Every request of the browser context is recorded
 * from before setup, the service worker's included, while sync is set up through the
 * options page and carries records both ways; anything not addressed to the
 * extension's own files or to that server's origin fails the run, and only the
 * worker may talk to the server (no page, so no page ever holds the password).
 */
describe.each(DAV_SERVER_KINDS)('network with sync set up against %s', (kind) => {
  let server: DavServer;
  let credentials: Credentials;
  let device: Device;
  const { seen, record } = requestLog();

  const own = (url: string) => url.startsWith(`chrome-extension://${device.ext.extensionId}/`);
  const toServer = (url: string) => url.startsWith(`${server.base}/`);
  const outside = () => seen.filter((request) => !own(request.url) && !toServer(request.url));

  beforeAll(async () => {
    server = await startDavServer(kind);
    credentials = { server: `${server.base}/`, user: server.user, password: server.password };
    device = await openDevice('A');
    device.ext.context.on('request', record);
    device.ext.context.on('page', (page) =>
      page.on('websocket', (socket) => seen.push({ url: socket.url(), from: page.url() })),
    );
  }, 120_000);

  afterAll(async () => {
    await device?.ext.close();
    await server?.stop();
  });

  it('reaches the configured server and nothing else while sync runs both ways', async () => {
    await setUpSync(device, credentials);

    // Changes made here go up after a change, on "Sync now" and after a worker restart.
    const made = await ask<{ view: { party: { id: string } } }>(device.options, 'parties/create', {
      name: 'Ana Sousa',
      kind: 'client',
      emails: ['ana@harbourlane.example'],
    });
    await ask(device.options, 'interactions/log', {
      partyId: made.view.party.id,
      type: 'call',
      summary: 'Talked through the brief',
      followUpAt: Date.UTC(2030, 0, 1),
      requestId: 'sync-network-call',
    });
    await syncNow(device);
    await ask(device.options, 'parties/update', {
      id: made.view.party.id,
      patch: { notes: 'Prefers mornings' },
    });
    const worker = await watchServiceWorker(device.ext.context, device.options);
    await worker.stop();
    await syncNow(device);

    // A card a phone put on the server comes down.
    const addressbook = (await status(device)) as unknown as {
      account: { addressbook: { href: string } };
    };
    const uid = 'd6f1c2a4-5b3e-4c7d-9e8f-0a1b2c3d4e5f';
    expect(
      await putAsPhone(
        credentials,
        addressbook.account.addressbook.href,
        `${uid}.vcf`,
        phoneCard(uid, 'Rui Lopes', 'rui@harbourlane.example'),
      ),
    ).toBeLessThan(300);
    await syncNow(device);
    const book = await bookOf(device);
    expect(JSON.stringify(book.parties)).toContain('Rui Lopes');

    // The watch saw sync at work: the worker, and only the worker, spoke to the server…
    const withServer = seen.filter((request) => toServer(request.url));
    expect(withServer.length).toBeGreaterThan(0);
    expect(withServer.filter((request) => request.from !== 'service worker')).toEqual([]);
    // …and nothing went anywhere else.
    expect(outside()).toEqual([]);
  }, 300_000);

  it('would catch a request elsewhere: one from the worker to another loopback origin', async () => {
    // Same host as the server, another port: an origin, not a host, is what is allowed.
    const elsewhere = `http://127.0.0.1:9/clientele-network-check`;
    const worker =
      device.ext.context.serviceWorkers()[0] ??
      (await device.ext.context.waitForEvent('serviceworker'));
    await worker.evaluate((url) => fetch(url).catch(() => undefined), elsewhere);
    await expect.poll(() => outside()).toEqual([{ url: elsewhere, from: 'service worker' }]);
  });
});
