import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { WEBMAIL_ORIGINS } from './lib/platform/webmail-sites';

/**
 * Builds for the end-to-end tests and the local demo set CLIENTELE_GRANT_LOCALHOST=1:
 * the manifest then carries host access to localhost, exactly as if the user had
 * chosen "always scan this site" for it. The code paths are the shipped ones; only
 * the grant differs (a headless browser cannot click a permission prompt).
 */
const grantLocalhost = process.env.CLIENTELE_GRANT_LOCALHOST === '1';

/** Sites the user may add one at a time with "always scan this site". */
const OPTIONAL_SITE_ORIGINS = ['https://*/*', 'http://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Content scripts run in every page they read and must stay small (budgets.md: ≤ 15 KB
    // gzip). They only send runtime messages, for which MV3 browsers return promises
    // natively, so they get the browser's own `browser`/`chrome` instead of the polyfill
    // (~3 KB gzip) that extension pages use, read so that the page cannot shadow it. WXT's content-script wrapper imports
    // 'wxt/browser' too, which is why this is done here rather than in the script's imports.
    // The scan and thread scripts also get an inert context in place of WXT's: see its module.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.type === 'content-script')) return;
      const scan = entrypoints.some((entrypoint) => ['scan', 'thread'].includes(entrypoint.name));
      // MV3 browsers all read ES2022: regular expressions stay literals instead of being
      // rewritten into longer `new RegExp("…")` calls for browsers that cannot load MV3.
      config.build = { ...config.build, target: 'es2022' };
      config.plugins = [
        {
          name: 'clientele:small-content-scripts',
          enforce: 'pre',
          resolveId(id) {
            if (id === '@wxt-dev/webextension-polyfill/browser')
              return this.resolve('./entrypoints/scan.content/runtime-browser.ts', undefined, {
                skipSelf: true,
              });
            if (scan && id === 'wxt/utils/content-script-context')
              return this.resolve('./entrypoints/scan.content/inert-context.ts', undefined, {
                skipSelf: true,
              });
            return null;
          },
        },
        ...(config.plugins ?? []),
      ];
    },
  },
  // Separate output folders let several builds (e.g. a bench beside a test run) coexist.
  outDir: process.env.CLIENTELE_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
    // The end-to-end build's test seam (entrypoints/background/menus.ts); absent from shipped builds.
    define: { __CLIENTELE_TEST_SEAMS__: JSON.stringify(grantLocalhost) },
  }),
  // One manifest, shaped per browser: Chrome gets the side panel (WXT adds `side_panel` and
  // `sidePanel`); Firefox gets its sidebar (`sidebar_action`) and Manifest V2's key names.
  manifest: ({ browser, manifestVersion }) => ({
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
    // "Always scan this site" asks for one site at a time. Manifest V2 has no
    // `optional_host_permissions` (WXT drops the key), so there the patterns are optional permissions.
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_SITE_ORIGINS }
      : { optional_permissions: OPTIONAL_SITE_ORIGINS }),
    action: { default_title: 'Clientele' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'clientele@clientele.local',
          // 140: the CSS Custom Highlight API (known contacts are marked with it) and
          // `data_collection_permissions` both arrive in that release.
          strict_min_version: '140.0',
          // Nothing is collected or sent anywhere: the records stay in the browser.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
