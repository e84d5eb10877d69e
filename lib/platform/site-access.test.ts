import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { listSiteAccess } from './site-access';

describe('listSiteAccess', () => {
  const granted = (origins: string[]) =>
    vi
      .spyOn(browser.permissions, 'getAll')
      .mockResolvedValue({ origins, permissions: [] } as never);

  it('reads built-in sites from host_permissions (Manifest V3)', async () => {
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'x',
      version: '1',
      permissions: ['storage'],
      host_permissions: ['https://mail.google.com/*'],
    });
    granted(['https://mail.google.com/*', 'https://example.com/*']);
    expect(await listSiteAccess()).toEqual({
      builtIn: ['https://mail.google.com/*'],
      granted: ['https://example.com/*'],
    });
  });

  it('reads built-in sites from permissions, leaving API names out (Firefox, Manifest V2)', async () => {
    vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 2,
      name: 'x',
      version: '1',
      permissions: ['storage', 'alarms', 'https://mail.google.com/*'],
    });
    granted(['https://mail.google.com/*', 'https://example.com/*']);
    expect(await listSiteAccess()).toEqual({
      builtIn: ['https://mail.google.com/*'],
      granted: ['https://example.com/*'],
    });
  });
});
