import { execFileSync } from 'node:child_process';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { WEBMAIL_ORIGINS } from './lib/platform/webmail-sites';

/**
 * Builds for the end-to-end tests and the local demo set CLIENTELE_GRANT_LOCALHOST=1:
 * the manifest then carries host access to localhost, exactly as if the user had
 * chosen "always scan this site" for it (a headless browser cannot click a permission
 * prompt). They also compile in __CLIENTELE_TEST_SEAMS__: the worker then exposes its
 * menu-click listener, which the menu tests call because a headless browser cannot
 * right-click (entrypoints/background/menus.ts), and sync waits 1 s before its first
 * retry and 5 s for a request instead of 30 s each (entrypoints/background/sync.ts);
 * and a party deletion can be held open before it commits, for the crash test to stop
 * the worker inside it (entrypoints/background/delete-hold.ts).
 * Shipped builds have none of this.
 */
const grantLocalhost = process.env.CLIENTELE_GRANT_LOCALHOST === '1';

/**
 * What the sources archive for addons.mozilla.org holds: the files under version
 * control, so that leftovers of local runs (test results, other build folders)
 * never reach it and the same commit gives the same archive. Outside a git
 * checkout (an unpacked sources archive) every file is taken.
 */
function sourceFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return ['**/*'];
  }
}

/** The toolbar and store sizes, each rendered from the one SVG master. */
const ICONS = Object.fromEntries([16, 32, 48, 128].map((size) => [size, `icon/${size}.png`]));

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
          // WXT's wrapper catches a startup crash to log it through a logger that prints
          // nothing in production builds, then rethrows it; the logger's strings cost
          // ~100 B gzip, so the scan script runs its main without the catch (the crash
          // rejects the same promise either way).
          transform(code, id) {
            if (!scan || !id.includes('content-script-isolated-world-entrypoint')) return null;
            return code.replace(/try \{([^]*?)\} catch \(err\) \{[^]*?throw err;\s*\}/, '$1');
          },
        },
        ...(config.plugins ?? []),
      ];
    },
  },
  // `npm run zip`: the Chrome and Firefox packages and the sources archive. The zip
  // writer stores files sorted and without timestamps, so equal inputs give equal bytes.
  zip: { includeSources: sourceFiles() },
  // Separate output folders let several builds (e.g. a bench beside a test run) coexist.
  outDir: process.env.CLIENTELE_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
    // CLIENTELE_SOURCEMAP=1: source maps beside the same code, for profiles read by
    // source file (bench/profile-worker.mjs). Never in the packages.
    build: { sourcemap: process.env.CLIENTELE_SOURCEMAP === '1' },
    // The end-to-end build's test seams (menus.ts, sync.ts, delete-hold.ts in
    // entrypoints/background); absent from shipped builds.
    // The first-run page links a demo page when the build names one (npm start names its own).
    define: {
      __CLIENTELE_TEST_SEAMS__: JSON.stringify(grantLocalhost),
      __CLIENTELE_DEMO_URL__: JSON.stringify(process.env.CLIENTELE_DEMO_URL ?? ''),
    },
  }),
  // One manifest, shaped per browser: Chrome gets the side panel (WXT adds `side_panel` and
  // `sidePanel`); Firefox gets its sidebar (`sidebar_action`) and Manifest V2's key names.
  manifest: ({ browser, manifestVersion }) => ({
    // Name and description in the user's language, from public/_locales (en when theirs is missing).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
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
    // One mark everywhere: the PNGs are rendered from public/icon/icon.svg by
    // scripts/render-icons.mjs; the pages link the SVG itself.
    icons: ICONS,
    action: { default_title: '__MSG_extName__', default_icon: ICONS },
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
