import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSidePanel } from './open-side-panel';
import { forgetPanelIntent, savePanelIntent, takePanelIntent } from './panel-intent-store';
import { panelIntentKey, tabFindingsKey } from './panel-keys';
import { watchSession } from './session-watch';
import { saveTabFindings } from './tab-findings';

describe('what the side panel watches', () => {
  it('hears the background save a tab’s findings under the key it watches', async () => {
    const heard = vi.fn();
    const stop = watchSession([tabFindingsKey(3)], heard);
    await saveTabFindings(4, { url: 'https://x.example/', contacts: [] });
    expect(heard).not.toHaveBeenCalled();
    await saveTabFindings(3, { url: 'https://x.example/', contacts: [] });
    expect(heard).toHaveBeenCalledWith('findings:3');
    stop();
    await saveTabFindings(3, { url: 'https://y.example/', contacts: [] });
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('hands an intent over once, and drops a stale or damaged one', async () => {
    const intent = { at: 1_000, show: { view: 'page' as const } };
    await savePanelIntent(5, intent);
    expect(await takePanelIntent(5, 2_000)).toEqual(intent);
    expect(await takePanelIntent(5, 2_000)).toBeUndefined();

    await savePanelIntent(5, intent);
    expect(await takePanelIntent(5, 1_000 + 6 * 60_000)).toBeUndefined();

    await fakeBrowser.storage.session.set({ [panelIntentKey(5)]: { show: { view: 'party' } } });
    expect(await takePanelIntent(5, 2_000)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(panelIntentKey(5))).toEqual({});

    await savePanelIntent(6, intent);
    await forgetPanelIntent(6);
    expect(await takePanelIntent(6, 2_000)).toBeUndefined();
  });
});

describe('openSidePanel', () => {
  it('opens Chrome’s side panel on the tab', async () => {
    const open = vi.fn(() => Promise.resolve());
    Object.assign(fakeBrowser.sidePanel, { open });
    expect(await openSidePanel({ id: 9, windowId: 2 })).toBe(true);
    expect(open).toHaveBeenCalledWith({ tabId: 9 });
  });

  it('reports a refusal (no user gesture) instead of throwing', async () => {
    Object.assign(fakeBrowser.sidePanel, {
      open: vi.fn(() =>
        Promise.reject(new Error('may only be called in response to a user gesture')),
      ),
    });
    expect(await openSidePanel({ id: 9 })).toBe(false);
  });

  it('opens Firefox’s sidebar where there is no side panel', async () => {
    const sidePanel = fakeBrowser.sidePanel;
    const open = vi.fn(() => Promise.resolve());
    Object.assign(fakeBrowser, { sidePanel: undefined, sidebarAction: { open } });
    try {
      expect(await openSidePanel({ id: 9 })).toBe(true);
      expect(open).toHaveBeenCalled();
    } finally {
      Object.assign(fakeBrowser, { sidePanel, sidebarAction: undefined });
    }
  });
});
