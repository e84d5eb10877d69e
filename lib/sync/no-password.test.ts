import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background/index';
import { installPermissionAndScriptingStubs } from '../../tests/unit/fake-browser-extras';
import { CHANNEL, type Reply } from '../protocol/envelope';
import { messages, type MessageName } from '../protocol/messages';
import { BACKUP_STORES } from '../transfer/backup-format';
import { ACCOUNT_KEY, PASSWORD_KEY } from './account';

const SECRET = 'hunter2-correct-horse';
const page = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' };

async function send(name: string, request: unknown): Promise<Reply | undefined> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage
      .trigger({ channel: CHANNEL, name, request }, page, resolve)
      .then((results: unknown[]) => {
        if (!results.includes(true)) resolve(undefined);
      });
  });
}

/**
 * Every property name a schema can carry, at any depth, read from zod's own
 * definitions. (`z.toJSONSchema` cannot be used: it keys what it has seen by schema
 * identity, and a schema built on first use is reached both as its stand-in and as
 * the instance zod's methods close over; see lib/domain/lazy.ts.)
 */
function propertyNames(schema: z.ZodType): string[] {
  const names: string[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def || seen.has(def)) return;
    seen.add(def);
    if (def.type === 'object') {
      const shape = def.shape as Record<string, unknown>;
      names.push(...Object.keys(shape));
      Object.values(shape).forEach(walk);
    }
    for (const key of [
      'innerType',
      'element',
      'in',
      'out',
      'left',
      'right',
      'keyType',
      'valueType',
      'rest',
      'catchall',
    ])
      walk(def[key]);
    for (const key of ['options', 'items']) if (Array.isArray(def[key])) def[key].forEach(walk);
    if (typeof def.getter === 'function') walk((def.getter as () => unknown)());
  };
  walk(schema);
  return names;
}

describe('the sync password stays in the worker', () => {
  it('no reply of any message, and no request a content script sends, has a password field', () => {
    const names = Object.keys(messages) as MessageName[];
    const leaking: string[] = [];
    for (const name of names) {
      const { request, response, sender } = messages[name];
      if (propertyNames(response).some((key) => /password|secret/i.test(key))) leaking.push(name);
      if (sender === 'content' && propertyNames(request).some((key) => /password/i.test(key)))
        leaking.push(`${name} (request)`);
    }
    expect(leaking).toEqual([]);
    // The walk does see fields: the connect request has one, and it is page → worker only.
    expect(propertyNames(messages['sync/connect'].request)).toContain('password');
  });

  describe('with an account and a remembered password', () => {
    beforeEach(async () => {
      installPermissionAndScriptingStubs();
      background.main();
      await fakeBrowser.storage.local.set({
        [ACCOUNT_KEY]: {
          server: 'http://127.0.0.1:9/',
          user: 'alice',
          remember: true,
          defaultKind: 'prospect',
          paused: false,
        },
        [PASSWORD_KEY]: SECRET,
      });
      await fakeBrowser.storage.session.set({ [PASSWORD_KEY]: SECRET });
    });

    it('the backup and the status carry no trace of it', async () => {
      await send('parties/create', { name: 'Ada', kind: 'client' });
      const replies: unknown[] = [await send('sync/status', {})];
      for (const store of BACKUP_STORES)
        replies.push(await send('transfer/exportPage', { store, limit: 5000 }));
      replies.push(await send('transfer/counts', {}));
      const text = JSON.stringify(replies);
      expect(text).toContain('Ada');
      expect(text).toContain('alice');
      expect(text).not.toContain(SECRET);
    });
  });
});
