import { describe, expect, it } from 'vitest';
import { permissionReasons, stepFrom, WELCOME_STEPS } from './welcome-steps';

describe('the first-run steps', () => {
  it('go forward and back, and stop at either end', () => {
    expect(stepFrom('about', 1)).toBe('permissions');
    expect(stepFrom('permissions', -1)).toBe('about');
    expect(stepFrom('about', -1)).toBeUndefined();
    expect(stepFrom(WELCOME_STEPS.at(-1)!, 1)).toBeUndefined();
  });
});

describe('permissionReasons', () => {
  it("explains every permission of Chrome's manifest", () => {
    const reasons = permissionReasons({
      permissions: [
        'storage',
        'unlimitedStorage',
        'scripting',
        'activeTab',
        'contextMenus',
        'alarms',
        'notifications',
        'sidePanel',
      ],
      host_permissions: ['https://mail.google.com/*'],
      optional_host_permissions: ['https://*/*', 'http://*/*'],
    });
    expect(reasons).toEqual([
      'permission_storage',
      'permission_scripting',
      'permission_contextMenus',
      'permission_sidePanel',
      'permission_alarms',
      'permission_webmail',
      'permission_optionalSites',
    ]);
  });

  it("reads Firefox's sidebar and optional permissions, and says nothing of what is absent", () => {
    const reasons = permissionReasons({
      permissions: ['storage', 'https://mail.google.com/*'],
      optional_permissions: ['https://*/*'],
      sidebar_action: { default_panel: 'sidepanel.html' },
    });
    expect(reasons).toEqual([
      'permission_storage',
      'permission_sidePanel',
      'permission_webmail',
      'permission_optionalSites',
    ]);
  });
});
