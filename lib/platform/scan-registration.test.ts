import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installPermissionAndScriptingStubs } from '../../tests/unit/fake-browser-extras';
import { ACCOUNT_KEY } from '../sync/account';
import { syncScanRegistration } from './scan-registration';

const GRANTED = [
  'https://mail.google.com/*',
  'https://acme.example/*',
  'https://dav.example.com/*',
];

describe('syncScanRegistration', () => {
  let scripting: ReturnType<typeof installPermissionAndScriptingStubs>;

  beforeEach(() => {
    scripting = installPermissionAndScriptingStubs();
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({
      origins: GRANTED,
      permissions: [],
    } as never);
  });

  const registered = () =>
    (
      scripting.registerContentScripts.mock.calls.at(-1) as unknown as [{ matches: string[] }[]]
    )[0][0]!.matches;

  it('registers the scanner for every granted site while no sync server is set up', async () => {
    await syncScanRegistration();
    expect(registered()).toEqual(GRANTED);
  });

  it('leaves out the sync server, which is granted for sync to reach, not to be read', async () => {
    await fakeBrowser.storage.local.set({
      [ACCOUNT_KEY]: { server: 'https://dav.example.com/dav/', user: 'ana', remember: false },
    });
    await syncScanRegistration();
    expect(registered()).toEqual(['https://mail.google.com/*', 'https://acme.example/*']);
  });
});
