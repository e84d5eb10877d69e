import { say } from '../ui/ui-text';
import { describe, expect, it, vi } from 'vitest';
import { StorageTrouble, STORAGE_FULL_MESSAGE } from '../db/storage-trouble';
import { failureNotice, handleMenuClick, type MenuClickDeps } from './handle-click';
import type { PanelIntent } from './panel-intent-schema';

const NOW = Date.UTC(2026, 11, 5, 12);

function deps(overrides: Partial<MenuClickDeps> = {}) {
  const saved: PanelIntent[] = [];
  const all: MenuClickDeps = {
    now: () => NOW,
    settings: () => Promise.resolve({ region: 'US', neverCapture: [] }),
    readFindings: () => Promise.resolve(undefined),
    scanPage: () => Promise.resolve({ scanned: true, count: 2 }),
    findParty: () => Promise.resolve(undefined),
    createParty: () => Promise.reject(new Error('not expected')),
    saveIntent: (_tabId, intent) => {
      saved.push(intent);
      return Promise.resolve();
    },
    ...overrides,
  };
  return { deps: all, saved };
}

const onLink = (href: string) => ({ linkUrl: href });

describe('handleMenuClick', () => {
  it('tells the panel what was found when asked to find contacts', async () => {
    const { deps: d, saved } = deps();
    const intent = await handleMenuClick({ menuItemId: 'find-contacts', tabId: 3, info: {} }, d);
    expect(intent).toEqual({
      at: NOW,
      show: { view: 'page' },
      notice: { code: 'menu_found_contacts', params: { count: 2 } },
    });
    expect(say(intent.notice!)).toBe('Found 2 contacts on this page.');
    expect(saved).toEqual([intent]);
  });

  it('says in plain words when the store is full, instead of leaving the panel blank', async () => {
    const full = new StorageTrouble('storage_full', STORAGE_FULL_MESSAGE);
    const { deps: d, saved } = deps({ findParty: () => Promise.reject(full) });
    const intent = await handleMenuClick(
      { menuItemId: 'open-panel', tabId: 3, info: onLink('mailto:ada@acme.example') },
      d,
    );
    expect(intent).toEqual({ at: NOW, show: { view: 'follow' }, notice: STORAGE_FULL_MESSAGE });
    expect(saved).toEqual([intent]);
  });

  it('says what failed for any other error, and that nothing changed', async () => {
    const { deps: d } = deps({ settings: () => Promise.reject(new Error('settings unreadable')) });
    const intent = await handleMenuClick(
      { menuItemId: 'open-panel', tabId: 3, info: onLink('mailto:ada@acme.example') },
      d,
    );
    expect(say(intent.notice!)).toBe(
      'Clientele could not do that: settings unreadable. Nothing was changed.',
    );
  });

  it('still fails loudly when the panel cannot be told either', async () => {
    const { deps: d } = deps({
      scanPage: () => Promise.reject(new Error('tab gone')),
      saveIntent: vi.fn(() => Promise.reject(new Error('session storage unavailable'))),
    });
    await expect(
      handleMenuClick({ menuItemId: 'find-contacts', tabId: 3, info: {} }, d),
    ).rejects.toThrow('session storage unavailable');
  });
});

describe('failureNotice', () => {
  it('recovers a quota error from an aborted write', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(failureNotice(new Error('aborted', { cause: quota }))).toEqual(STORAGE_FULL_MESSAGE);
  });
  it('words a bare value', () => {
    expect(say(failureNotice(''))).toBe(
      'Clientele could not do that: an unknown error. Nothing was changed.',
    );
  });
});
