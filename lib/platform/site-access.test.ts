import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { exceptSyncServer, listSiteAccess } from './site-access';

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

describe('exceptSyncServer', () => {
  const granted = [
    'https://acme.example/*',
    'https://dav.example.com/*',
    'http://127.0.0.1:5232/*',
  ];

  it('leaves out the origin granted for the sync server, whatever path the server has', () => {
    expect(exceptSyncServer(granted, 'https://dav.example.com/remote.php/dav/')).toEqual([
      'https://acme.example/*',
      'http://127.0.0.1:5232/*',
    ]);
  });

  it('tells origins apart by scheme and port', () => {
    expect(exceptSyncServer(granted, 'http://127.0.0.1:5232/')).toEqual([
      'https://acme.example/*',
      'https://dav.example.com/*',
    ]);
    expect(exceptSyncServer(granted, 'http://127.0.0.1:8080/')).toEqual(granted);
    expect(exceptSyncServer(granted, 'http://dav.example.com/')).toEqual(granted);
  });

  it('keeps every site when no server is set up, and wildcard patterns always', () => {
    expect(exceptSyncServer(granted, undefined)).toEqual(granted);
    expect(exceptSyncServer(['*://*.example.com/*'], 'https://dav.example.com/')).toEqual([
      '*://*.example.com/*',
    ]);
  });
});
