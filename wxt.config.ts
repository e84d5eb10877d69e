import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Builds for the end-to-end tests and the local demo set CLIENTELE_GRANT_LOCALHOST=1:
 * the manifest then carries host access to localhost, exactly as if the user had
 * chosen "always scan this site" for it. The code paths are the shipped ones; only
 * the grant differs (a headless browser cannot click a permission prompt).
 */
const grantLocalhost = process.env.CLIENTELE_GRANT_LOCALHOST === '1';

export const WEBMAIL_ORIGINS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Separate output folders let several builds (e.g. a bench beside a test run) coexist.
  outDir: process.env.CLIENTELE_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Clientele',
    description:
      'Your clients, customers and prospects, where you work: webmail and the web. Nothing leaves your machine.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'scripting',
      'activeTab',
      'contextMenus',
      'alarms',
      'notifications',
    ],
    host_permissions: [
      ...WEBMAIL_ORIGINS,
      ...(grantLocalhost ? ['http://localhost/*', 'http://127.0.0.1/*'] : []),
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Clientele' },
  },
});
