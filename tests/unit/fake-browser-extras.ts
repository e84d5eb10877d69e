import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * WXT's fake browser leaves `permissions` and `scripting` unimplemented (they throw).
 * The background wires listeners to them at start-up, so tests give them inert
 * stand-ins that record what the worker asked for.
 */
export function installPermissionAndScriptingStubs() {
  const event = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn() });
  const scripting = {
    executeScript: vi.fn(() => Promise.resolve([])),
    getRegisteredContentScripts: vi.fn(() => Promise.resolve([])),
    registerContentScripts: vi.fn(() => Promise.resolve(undefined)),
    unregisterContentScripts: vi.fn(() => Promise.resolve(undefined)),
  };
  Object.assign(fakeBrowser.permissions, {
    onAdded: event(),
    onRemoved: event(),
    getAll: vi.fn(() => Promise.resolve({ origins: [], permissions: [] })),
  });
  Object.assign(fakeBrowser.scripting, scripting);
  installMenuAndPanelStubs();
  return scripting;
}

/** An event whose listeners a test can call, as the browser would. */
export function triggerableEvent<Listener extends (...args: never[]) => unknown>() {
  const listeners: Listener[] = [];
  return {
    addListener: vi.fn((listener: Listener) => void listeners.push(listener)),
    removeListener: vi.fn((listener: Listener) => {
      const at = listeners.indexOf(listener);
      if (at >= 0) listeners.splice(at, 1);
    }),
    hasListener: vi.fn((listener: Listener) => listeners.includes(listener)),
    trigger: (...args: Parameters<Listener>) => listeners.map((listener) => listener(...args)),
  };
}

/**
 * `contextMenus` and `sidePanel` are not implemented by WXT's fake browser either.
 * These record the menus made and the panels opened, and let a test click an item.
 */
export function installMenuAndPanelStubs() {
  const created: { id?: string; title?: string; contexts?: string[] }[] = [];
  const onClicked = triggerableEvent<(info: object, tab?: object) => unknown>();
  const contextMenus = {
    created,
    create: vi.fn((properties: { id?: string }, done?: () => void) => {
      created.push(properties);
      done?.();
      return properties.id ?? '';
    }),
    removeAll: vi.fn(() => {
      created.length = 0;
      return Promise.resolve();
    }),
    onClicked,
  };
  const sidePanel = { open: vi.fn((_options: object) => Promise.resolve()) };
  Object.assign(fakeBrowser.contextMenus, contextMenus);
  Object.assign(fakeBrowser.sidePanel, sidePanel);
  return { contextMenus, sidePanel };
}
