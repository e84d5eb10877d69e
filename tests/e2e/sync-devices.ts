import type { Page } from 'playwright-core';
import { ask, launchWithExtension, type Launched } from './helpers';

/**
 * One browser profile with the extension — a device — and what the sync tests do
 * with it: set sync up through the options page, run a round and wait for it, and
 * read the book as a backup holds it.
 */
export interface Device {
  name: string;
  ext: Launched;
  /** The options page, left open on its sync section. */
  options: Page;
}

export async function openDevice(name: string): Promise<Device> {
  const ext = await launchWithExtension();
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html?tab=sync'));
  await options.getByTestId('sync-connect-form').waitFor();
  return { name, ext, options };
}

export interface Credentials {
  server: string;
  user: string;
  password: string;
}

/** Fills the server fields and presses Connect, as a person would. */
export async function connect(device: Device, credentials: Credentials): Promise<void> {
  const page = device.options;
  await page.getByTestId('sync-server').fill(credentials.server);
  await page.getByTestId('sync-user').fill(credentials.user);
  await page.getByTestId('sync-password').fill(credentials.password);
  await page.getByTestId('sync-connect').click();
}

/**
 * Connects and chooses: the first device creates the collections (the server has
 * none), later ones take the ones it finds. Resolves once the first round is done.
 */
export async function setUpSync(
  device: Device,
  credentials: Credentials,
  defaultKind = 'client',
): Promise<void> {
  const page = device.options;
  await connect(device, credentials);
  await shown(device, 'sync-choose-form');
  await page.getByTestId('sync-default-kind').selectOption(defaultKind);
  await page.getByTestId('sync-choose').click();
  await shown(device, 'sync-account');
  await waitForSynced(device, undefined);
}

/** Waits for a part of the sync section; if it never comes, says what the section shows. */
async function shown(device: Device, testId: string): Promise<void> {
  const page = device.options;
  await page
    .getByTestId(testId)
    .waitFor()
    .catch(async (error: unknown) => {
      throw new Error(`${device.name}: ${await page.getByTestId('sync').innerText()}`, {
        cause: error,
      });
    });
}

interface Status {
  state: string;
  pending: number;
  lastSyncedAt?: number;
  error?: { code: string; message: string };
}

export const status = (device: Device) => ask<Status>(device.options, 'sync/status', {});

/** Waits until a round newer than `after` has ended with nothing waiting. */
export async function waitForSynced(device: Device, after: number | undefined): Promise<void> {
  for (;;) {
    const now = await status(device);
    if (now.state === 'error') throw new Error(`${device.name}: ${now.error?.message}`);
    const newer =
      now.lastSyncedAt !== undefined && (after === undefined || now.lastSyncedAt > after);
    if (now.state === 'synced' && now.pending === 0 && newer) return;
    await device.options.waitForTimeout(100);
  }
}

/** Presses "Sync now" and waits for that round to finish. */
export async function syncNow(device: Device): Promise<void> {
  const before = (await status(device)).lastSyncedAt;
  await device.options.getByTestId('sync-now').click();
  await waitForSynced(device, before);
  await device.options.locator('[data-testid="sync-status"][data-state="synced"]').waitFor();
}

/** Rounds on each device in turn, until every change has gone around. */
export async function syncAll(...devices: Device[]): Promise<void> {
  for (const device of devices) await syncNow(device);
  for (const device of devices) await syncNow(device);
}

const SYNCED_STORES = ['parties', 'interactions', 'followUps'];

/** The synced stores as a backup holds them, page by page through 'transfer/exportPage'. */
export async function bookOf(device: Device): Promise<Record<string, unknown[]>> {
  return device.options.evaluate(async (stores) => {
    const out: Record<string, unknown[]> = {};
    for (const store of stores) {
      out[store] = [];
      let after: string | undefined;
      do {
        const reply = (await chrome.runtime.sendMessage({
          channel: 'clientele/1',
          name: 'transfer/exportPage',
          request: { store, after, limit: 500 },
        })) as { ok: boolean; value: { records: unknown[]; next?: string } };
        if (!reply.ok) throw new Error(JSON.stringify(reply));
        out[store].push(...reply.value.records);
        after = reply.value.next;
      } while (after);
    }
    return out;
  }, SYNCED_STORES);
}

/** A card as an iPhone writes it: vCard 3.0, grouped items, Apple labels, no kind. */
export function phoneCard(uid: string, name: string, email: string): string {
  const [given, family] = name.split(' ');
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'PRODID:-//Apple Inc.//iPhone OS 17.5//EN',
    `N:${family};${given};;;`,
    `FN:${name}`,
    'ORG:Harbour Lane;',
    `item1.EMAIL;type=INTERNET;type=pref:${email}`,
    'item1.X-ABLabel:_$!<Work>!$_',
    'TEL;type=CELL;type=VOICE;type=pref:+351 912 345 678',
    'item2.URL;type=pref:https://harbourlane.example',
    'item2.X-ABLabel:_$!<HomePage>!$_',
    'X-ABShowAs:PERSON',
    `UID:${uid}`,
    'REV:2026-12-01T09:00:00Z',
    'END:VCARD',
    '',
  ].join('\r\n');
}

/** PUTs a card straight to the server, as a phone's contacts app would. */
export async function putAsPhone(
  credentials: Credentials,
  collection: string,
  file: string,
  card: string,
): Promise<number> {
  const response = await fetch(new URL(file, collection), {
    method: 'PUT',
    body: card,
    headers: {
      authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`,
      'content-type': 'text/vcard; charset=utf-8',
      'if-none-match': '*',
    },
  });
  await response.arrayBuffer();
  return response.status;
}
