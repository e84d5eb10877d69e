import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDavServer, type DavServer } from '../../scripts/dav-servers.mjs';
import { ask } from './helpers';
import {
  bookOf,
  connect,
  openDevice,
  phoneCard,
  putAsPhone,
  setUpSync,
  status,
  syncAll,
  syncNow,
  type Credentials,
  type Device,
} from './sync-devices';

interface View {
  party: { id: string; name: string; kind: string; notes: string; title?: string };
}

const partyOn = (device: Device, id: string) =>
  ask<View>(device.options, 'parties/get', { id }).then(
    (view) => view.party,
    () => undefined,
  );

/**
 * Two devices — two browser profiles with the built extension — syncing through a
 * real server started on loopback, set up through the options page as a person
 * would. Each scenario runs against Radicale and against Xandikos.
 */
describe.each(['radicale', 'xandikos'] as const)('sync between two devices via %s', (kind) => {
  let server: DavServer;
  let credentials: Credentials;
  let a: Device;
  let b: Device;

  beforeAll(async () => {
    server = await startDavServer(kind);
    credentials = { server: `${server.base}/`, user: server.user, password: server.password };
    [a, b] = await Promise.all([openDevice('A'), openDevice('B')]);
  });

  afterAll(async () => {
    await a?.ext.close();
    await b?.ext.close();
    await server?.stop();
  });

  it('says a wrong password in plain words, and stays off', async () => {
    await connect(a, { ...credentials, password: 'wrong horse' });
    const problem = a.options.getByTestId('sync-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/password/i);
    // Focus lands on the message, so a keyboard user hears it at once.
    expect(
      await a.options.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('sync-problem');
    expect((await status(a)).state).toBe('off');
  });

  it('is set up on both devices through the options page', async () => {
    await setUpSync(a, credentials);
    await setUpSync(b, credentials);
    // B found the address book A created: it was offered, not made again.
    const [onA, onB] = await Promise.all([status(a), status(b)]);
    expect(onB.state).toBe('synced');
    expect(await b.options.getByTestId('sync-account-addressbook').textContent()).toBe(
      await a.options.getByTestId('sync-account-addressbook').textContent(),
    );
    expect(onA.state).toBe('synced');
  });

  it('carries a create, an edit and a delete made on A to B', async () => {
    const created = await ask<{ view: View }>(a.options, 'parties/create', {
      name: 'Ana Sousa',
      kind: 'client',
      emails: ['ana@harbourlane.example'],
    });
    const id = created.view.party.id;
    await syncAll(a, b);
    expect(await partyOn(b, id)).toMatchObject({ name: 'Ana Sousa', kind: 'client' });

    await ask(a.options, 'parties/update', { id, patch: { title: 'Director' } });
    await syncAll(a, b);
    expect((await partyOn(b, id))?.title).toBe('Director');

    await ask(a.options, 'parties/delete', { ids: [id] });
    await syncAll(a, b);
    expect(await partyOn(b, id)).toBeUndefined();
  });

  it('merges the same record edited on both devices while apart: nothing lost, both books equal', async () => {
    const created = await ask<{ view: View }>(a.options, 'parties/create', {
      name: 'Bruno Reis',
      kind: 'prospect',
      emails: ['bruno@example.com'],
    });
    const id = created.view.party.id;
    await syncAll(a, b);

    // Apart: neither device syncs between these edits.
    await ask(a.options, 'parties/update', { id, patch: { notes: 'Prefers calls (A)' } });
    await ask(b.options, 'parties/update', {
      id,
      patch: { notes: 'Prefers email (B)', title: 'Buyer' },
    });
    await syncAll(a, b);

    const [onA, onB] = [await partyOn(a, id), await partyOn(b, id)];
    // B edited later: its notes win; its other field is merged in; A's notes are kept.
    expect(onA).toMatchObject({ notes: 'Prefers email (B)', title: 'Buyer' });
    expect(onB).toEqual(onA);
    const [bookA, bookB] = [await bookOf(a), await bookOf(b)];
    expect(JSON.stringify(bookA)).toContain('Prefers calls (A)');
    expect(bookB).toEqual(bookA);
  });

  it('takes in a card a phone PUT, on both devices, with the kind chosen at setup', async () => {
    const { account } = await status(a).then(
      (s) => s as { account?: { addressbook?: { href: string } } },
    );
    const collection = new URL(account?.addressbook?.href ?? '', credentials.server).href;
    const uid = `ABCD-${kind}-1234@phone`;
    expect(
      await putAsPhone(
        credentials,
        collection.endsWith('/') ? collection : `${collection}/`,
        `${uid}.vcf`,
        phoneCard(uid, 'Carla Mendes', 'carla@harbourlane.example'),
      ),
    ).toBeLessThan(300);
    await syncAll(a, b);
    for (const device of [a, b]) {
      const { rows } = await ask<{ rows: { name: string; kind: string; emails: string[] }[] }>(
        device.options,
        'search/rows',
        {},
      );
      const carla = rows.find((row) => row.emails.includes('carla@harbourlane.example'));
      expect(carla, device.name).toMatchObject({ kind: 'client' });
    }
  });

  it('matches a card imported on A to the phone’s copy on the server by its UID: one record, one card', async () => {
    const { account } = await status(a).then(
      (s) => s as { account?: { addressbook?: { href: string } } },
    );
    const collection = new URL(account?.addressbook?.href ?? '', credentials.server).href;
    const uid = `EFGH-${kind}-5678@phone`;
    const email = 'dora@harbourlane.example';
    expect(
      await putAsPhone(
        credentials,
        collection.endsWith('/') ? collection : `${collection}/`,
        `${uid}.vcf`,
        phoneCard(uid, 'Dora Vieira', email),
      ),
    ).toBeLessThan(300);
    // The same card, imported on A from a file before A has seen the server's copy.
    await ask(a.options, 'parties/create', {
      name: 'Dora Vieira',
      kind: 'customer',
      emails: [email],
      notes: 'Imported from the phone’s export.',
      cardUid: uid,
    });
    await syncAll(a, b);
    await syncAll(a, b);
    for (const device of [a, b]) {
      const { rows } = await ask<{ rows: { id: string; kind: string; emails: string[] }[] }>(
        device.options,
        'search/rows',
        {},
      );
      const doras = rows.filter((row) => row.emails.includes(email));
      expect(doras, device.name).toHaveLength(1);
      // A's kind stands: the phone's card names none.
      expect(doras[0], device.name).toMatchObject({ kind: 'customer' });
      const dora = await partyOn(device, doras[0]!.id);
      expect(dora?.notes, device.name).toBe('Imported from the phone’s export.');
    }
  });

  it('closes on A a follow-up done on B', async () => {
    const created = await ask<{ view: View }>(a.options, 'parties/create', {
      name: 'Duarte Lopes',
      kind: 'client',
    });
    const partyId = created.view.party.id;
    const logged = await ask<{ followUp?: { id: string } }>(a.options, 'interactions/log', {
      partyId,
      type: 'call',
      summary: 'Asked for a quote',
      followUpAt: Date.now() - 60_000,
      requestId: `follow-${kind}`,
    });
    const followUpId = logged.followUp?.id;
    expect(followUpId).toBeDefined();
    await syncAll(a, b);

    await ask(b.options, 'due/complete', { item: { kind: 'followUp', id: followUpId } });
    await syncAll(b, a);
    const { followUps } = await bookOf(a);
    expect(followUps?.find((f) => (f as { id: string }).id === followUpId)).toMatchObject({
      status: 'done',
    });
  });

  it('shows every state on the popup too, in words', async () => {
    const popup = await a.ext.context.newPage();
    await popup.goto(a.ext.extensionUrl('popup.html?tab=0'));
    const line = popup.getByTestId('sync-status');
    await line.waitFor();
    expect(await line.getAttribute('data-state')).toBe('synced');
    expect(await line.textContent()).toMatch(/Synced/);
    await popup.close();
  });

  it('ends every round with both books equal', async () => {
    await syncNow(a);
    expect(await bookOf(b)).toEqual(await bookOf(a));
  });
});
