import { renderHook, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_CADENCE } from '../../lib/domain/cadence';
import { DEFAULT_EMAIL_LOG } from '../../lib/email/email-settings';
import { useSettings } from './use-settings';

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings;

function setup() {
  const report = { saving: vi.fn(), saved: vi.fn(), failed: vi.fn() };
  const hook = renderHook(() => useSettings(report));
  return { report, hook };
}

describe('useSettings', () => {
  it('reads the stored settings, filling what is missing with defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: { region: 'FR' } });
    const { hook } = setup();
    await waitFor(() => expect(hook.result.current.settings?.region).toBe('FR'));
    expect(hook.result.current.settings?.cadence).toEqual(DEFAULT_CADENCE);
  });

  it('saves sections one after another, so neither overwrites the other', async () => {
    await fakeBrowser.storage.local.set({ settings: { region: 'US' } });
    const { hook, report } = setup();
    await waitFor(() => expect(hook.result.current.settings).toBeDefined());
    hook.result.current.save({ region: 'DE' }, 'Phone region');
    hook.result.current.save({ neverCapture: ['home.example'] }, 'Never-capture list');
    hook.result.current.save({ highlightOnSites: true }, 'Highlight choice');
    hook.result.current.save({ cadence: { ...DEFAULT_CADENCE, client: 45 } }, 'Check-in cadence');
    await waitFor(() => expect(report.saved).toHaveBeenCalledTimes(4));
    expect(await stored()).toEqual({
      region: 'DE',
      cadence: { ...DEFAULT_CADENCE, client: 45 },
      neverCapture: ['home.example'],
      highlightOnSites: true,
      kindColours: false,
      emailLog: DEFAULT_EMAIL_LOG,
    });
    expect(report.saved).toHaveBeenLastCalledWith('Check-in cadence saved.');
    // Its own writes are not mistaken for changes made elsewhere.
    expect(hook.result.current.generation).toBe(0);
  });

  it('refuses an invalid value, says so, and keeps what was stored', async () => {
    const { hook, report } = setup();
    await waitFor(() => expect(hook.result.current.settings).toBeDefined());
    hook.result.current.save({ cadence: { ...DEFAULT_CADENCE, client: 0 } }, 'Check-in cadence');
    await waitFor(() =>
      expect(report.failed).toHaveBeenCalledWith(
        'Check-in cadence could not be saved: the value was refused.',
      ),
    );
    expect(await stored()).toBeUndefined();
  });

  it('shows a change made elsewhere (another tab, a restored backup)', async () => {
    const { hook } = setup();
    await waitFor(() => expect(hook.result.current.settings).toBeDefined());
    await fakeBrowser.storage.local.set({
      settings: { region: 'JP', neverCapture: ['x.example'] },
    });
    await waitFor(() => expect(hook.result.current.settings?.region).toBe('JP'));
    expect(hook.result.current.settings?.neverCapture).toEqual(['x.example']);
    expect(hook.result.current.generation).toBe(1);
  });
});
