import type { MessageKey } from '../platform/i18n';

/** The first-run page's steps, in order. */
export const WELCOME_STEPS = ['about', 'permissions', 'import', 'you', 'try'] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];

export const STEP_HEADINGS: Record<WelcomeStep, MessageKey> = {
  about: 'welcome_about_heading',
  permissions: 'welcome_permissions_heading',
  import: 'welcome_import_heading',
  you: 'welcome_you_heading',
  try: 'welcome_try_heading',
};

/** The step `by` places from `step`, or undefined past either end. */
export function stepFrom(step: WelcomeStep, by: 1 | -1): WelcomeStep | undefined {
  return WELCOME_STEPS[WELCOME_STEPS.indexOf(step) + by];
}

interface ManifestPermissions {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  side_panel?: unknown;
  sidebar_action?: unknown;
}

/**
 * What the first-run page says about each permission the manifest holds, read from
 * the running manifest so that what is explained is exactly what the browser
 * shows (Firefox has a sidebar and no side-panel permission; Manifest V2 puts
 * optional sites among its optional permissions).
 */
export function permissionReasons(manifest: ManifestPermissions): MessageKey[] {
  const has = (name: string) => manifest.permissions?.includes(name) ?? false;
  const optional = [
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.optional_permissions ?? []),
  ];
  const reasons: [boolean, MessageKey][] = [
    [has('storage') || has('unlimitedStorage'), 'permission_storage'],
    [has('scripting') || has('activeTab'), 'permission_scripting'],
    [has('contextMenus'), 'permission_contextMenus'],
    [has('sidePanel') || Boolean(manifest.sidebar_action), 'permission_sidePanel'],
    [has('alarms') || has('notifications'), 'permission_alarms'],
    // Manifest V2 lists hosts among the permissions.
    [
      [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].some((entry) =>
        entry.includes('://'),
      ),
      'permission_webmail',
    ],
    [optional.some((pattern) => pattern.includes('*')), 'permission_optionalSites'],
  ];
  return reasons.filter(([present]) => present).map(([, key]) => key);
}
