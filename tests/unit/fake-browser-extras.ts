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
  return scripting;
}
