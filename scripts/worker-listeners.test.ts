// @vitest-environment node
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkerListeners, resolveImport } from './worker-listeners.mjs';

const ENTRY = 'entrypoints/background/index.ts';

/** Reads a worker made of the given files (paths relative to the project root). */
function listenersOf(files: Record<string, string>) {
  return readWorkerListeners(ENTRY, (path) => files[path]);
}

const background = (body: string, imports = '') =>
  `${imports}\nexport default defineBackground(() => {\n${body}\n});`;

describe('readWorkerListeners', () => {
  it('finds listeners added directly in the main function', () => {
    const { synchronous, problems } = listenersOf({
      [ENTRY]: background(`
        browser.runtime.onMessage.addListener(handle);
        chrome.alarms.onAlarm.addListener(() => undefined);`),
    });
    expect(problems).toEqual([]);
    expect(synchronous).toEqual(['alarms.onAlarm', 'runtime.onMessage']);
  });

  it('follows calls into project functions, through imports, aliases and re-exports', () => {
    const { synchronous } = listenersOf({
      [ENTRY]: background(
        'registerMenus(); onAlarm(() => undefined); local();',
        `import { registerMenus } from './menus';
         import { onAlarm as whenAlarm } from '@/lib/platform';
         const onAlarm = (listener) => whenAlarm(listener);
         function local() { browser.tabs.onRemoved.addListener(forget); }`,
      ),
      'entrypoints/background/menus.ts':
        'export function registerMenus() { browser.contextMenus.onClicked.addListener(click); }',
      'lib/platform/index.ts': "export { onAlarm } from './alarms';",
      'lib/platform/alarms.ts':
        'export const onAlarm = (listener) => { browser.alarms.onAlarm.addListener(listener); };',
    });
    expect(synchronous).toEqual(['alarms.onAlarm', 'contextMenus.onClicked', 'tabs.onRemoved']);
  });

  it('does not count a listener added after an await or inside a callback', () => {
    const { synchronous } = listenersOf({
      [ENTRY]: background(
        `browser.runtime.onMessage.addListener(handle);
         setTimeout(() => browser.alarms.onAlarm.addListener(a), 0);
         void ready.then(() => browser.notifications.onClicked.addListener(b));
         late();`,
        `async function late() {
           browser.runtime.onStartup.addListener(c);
           await storage.get();
           browser.contextMenus.onClicked.addListener(d);
         }`,
      ),
    });
    expect(synchronous).toEqual(['runtime.onMessage', 'runtime.onStartup']);
  });

  it('stops at the first await of an async main', () => {
    const { synchronous } = readWorkerListeners(
      ENTRY,
      () =>
        `export default defineBackground({ async main() {
         browser.runtime.onMessage.addListener(handle);
         register(await settings());
         browser.alarms.onAlarm.addListener(a);
       } });`,
    );
    expect(synchronous).toEqual(['runtime.onMessage']);
  });

  it('survives functions that call each other', () => {
    const { synchronous } = listenersOf({
      [ENTRY]: background(
        'ping();',
        `function ping() { pong(); browser.runtime.onMessage.addListener(h); }
         function pong() { ping(); }`,
      ),
    });
    expect(synchronous).toEqual(['runtime.onMessage']);
  });

  it('says so when there is no background definition to read', () => {
    expect(listenersOf({ [ENTRY]: 'export const x = 1;' }).problems).toEqual([
      `${ENTRY}: no \`export default defineBackground(main)\` found`,
    ]);
    expect(listenersOf({}).problems).toHaveLength(1);
  });

  it('names any reachable file that listens to other extensions or web pages', () => {
    const { external } = listenersOf({
      [ENTRY]: background('', "import './bridge';"),
      'entrypoints/background/bridge.ts': `
        export function later() { browser.runtime.onMessageExternal.addListener(h); }
        export const port = chrome.runtime.onConnectExternal;`,
    });
    expect(external).toEqual([
      'entrypoints/background/bridge.ts: runtime.onConnectExternal',
      'entrypoints/background/bridge.ts: runtime.onMessageExternal',
    ]);
  });

  it("reads this project's worker: the listeners that wake it are added at start", () => {
    const readProject = (path: string) => {
      try {
        return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    };
    const listeners = readWorkerListeners(ENTRY, readProject);
    expect(listeners.problems).toEqual([]);
    expect(listeners.external).toEqual([]);
    expect(listeners.synchronous).toEqual(
      expect.arrayContaining([
        'runtime.onMessage',
        'contextMenus.onClicked',
        'alarms.onAlarm',
        'notifications.onClicked',
        'notifications.onButtonClicked',
      ]),
    );
  });
});

describe('resolveImport', () => {
  const files = new Set(['lib/a.ts', 'lib/b/index.ts', 'components/c.tsx']);
  const exists = (path: string) => files.has(path);

  it.each([
    ['entrypoints/x/index.ts', '../../lib/a', 'lib/a.ts'],
    ['lib/a.ts', './b', 'lib/b/index.ts'],
    ['lib/a.ts', '@/components/c', 'components/c.tsx'],
    ['lib/a.ts', './a.js', 'lib/a.ts'],
  ])('from %s, %s is %s', (from, specifier, path) => {
    expect(resolveImport(from, specifier, exists)).toBe(path);
  });

  it('leaves packages and missing files alone', () => {
    expect(resolveImport('lib/a.ts', 'wxt/browser', exists)).toBeUndefined();
    expect(resolveImport('lib/a.ts', './missing', exists)).toBeUndefined();
  });
});
