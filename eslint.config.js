import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The layers, kept by the linter rather than by memory. Each folder below gets one
 * `no-restricted-imports` entry: a later entry for the same file replaces an earlier
 * one instead of adding to it, so each is built whole from these pieces. Tests are not
 * held to them: a component test wires the real handlers on purpose.
 */
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

const NO_HTML = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Render text, never HTML.',
};

/** Browser and store access: only lib/platform, lib/db, lib/search's reader and the surfaces. */
const BROWSER = {
  regex: '^(webextension-polyfill|@wxt-dev/webextension-polyfill|wxt/browser|#imports|idb)$',
  message: 'This layer does not touch browser APIs or the store: take data and callbacks.',
};
/** What runs in pages the user sees: no lib/ module depends on it. */
const UI = {
  regex: '(^|/)(components|containers|entrypoints)/',
  message: 'lib/ does not depend on the surfaces.',
};

/** Imports that leave `dir` (a folder of lib/) for anything but the layers allowed. */
const outsideOf = (allowed) => ({
  regex: `^\\.\\./(?!(${allowed.join('|')})(/|$))`,
  message: `Here only ${allowed.map((a) => `lib/${a}`).join(', ')} may be imported.`,
});

const restrict = (files, patterns) => ({
  files,
  ignores: TESTS,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const layers = () => [
  // First: the folders below replace it with rules that include it.
  restrict(['lib/**'], [UI]),
  // The rules of the book: nothing but zod and each other.
  restrict(
    ['lib/domain/**'],
    [{ regex: '^\\.\\./', message: 'lib/domain imports no other layer.' }, BROWSER],
  ),
  // Pure DOM → contacts: runs in the content script and in happy-dom alike.
  restrict(['lib/detect/**'], [outsideOf(['domain']), BROWSER]),
  // Parse, map and write files. transfer-client.ts drives backup and import over the
  // messages lib/protocol declares, with the transport passed in: only their types cross.
  restrict(
    ['lib/transfer/**'],
    [
      outsideOf(['domain', 'protocol']),
      {
        regex: '^\\.\\./protocol/',
        allowTypeImports: true,
        message: 'lib/transfer takes the transport as an argument: import protocol types only.',
      },
      BROWSER,
    ],
  ),
  // The in-memory search. It reads the projection the background writes straight from
  // IndexedDB (read-projection.ts: the popup's first answer needs no service worker),
  // so it knows the store's name and version from lib/db/schema, and nothing else of lib/db.
  restrict(
    ['lib/search/**'],
    [
      {
        regex: '^\\.\\./(?!(domain/|db/schema$))',
        message: 'lib/search imports lib/domain and lib/db/schema only.',
      },
      { regex: '^(webextension-polyfill|@wxt-dev/webextension-polyfill|wxt/browser|#imports)$' },
    ],
  ),
  // The store serves every surface and the background; it never reaches up into them.
  restrict(['lib/db/**'], [UI, { regex: '^\\.\\./ui/', message: 'lib/db never imports lib/ui.' }]),
  // Presentational: props in, callbacks out. The data shapes may be imported as types
  // (they emit nothing); sending messages, reading the store and browser APIs belong to
  // the containers in entrypoints/<surface>/ and containers/.
  restrict(
    ['components/**'],
    [
      // The webmail host names are data (no browser API); the scanned-sites list labels them.
      // The string catalogue (lib/platform/i18n) is read-only text every component shows:
      // reading it neither messages nor stores, so components take it directly.
      {
        regex: '(^|/)lib/(platform/(?!(webmail-sites|i18n)$)|protocol/|db/)',
        allowTypeImports: true,
        message:
          'Components never message nor open the store: take data and callbacks from a container.',
      },
      {
        regex: '(^|/)lib/(search/read-projection|transfer/transfer-client)$',
        allowTypeImports: true,
        message:
          'Components never message nor open the store: take data and callbacks from a container.',
      },
      {
        regex: '(^|/)(entrypoints|containers)/',
        message: 'Components do not depend on the surfaces.',
      },
      BROWSER,
    ],
  ),
  // A transport handed down as a prop is messaging by another name (the Due list and the
  // relationship forms took `send`): a component gets one callback per thing it asks for.
  {
    files: ['components/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_HTML,
        {
          selector: 'TSPropertySignature[key.name=/^(send|transport)$/]',
          message: 'Components take callbacks, not a message transport.',
        },
      ],
      // WXT's auto-imports make `browser` a global: an import rule alone would miss it.
      'no-restricted-globals': [
        'error',
        ...['browser', 'chrome', 'indexedDB', 'fetch'].map((name) => ({
          name,
          message: 'Components take data and callbacks; the containers reach the browser.',
        })),
      ],
    },
  },
  // Shared by the popup and the side panel: they may message, but belong to no one surface.
  restrict(
    ['containers/**'],
    [{ regex: '(^|/)entrypoints/', message: 'A shared container depends on no one surface.' }],
  ),
];

export default tseslint.config(
  {
    ignores: [
      '.output*/**',
      '.wxt/**',
      'node_modules/**',
      'bench-results/**',
      'test-results/**',
      'bench/.build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Page data renders as text: no HTML or code sinks anywhere in the source.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text, never HTML.' },
        { property: 'outerHTML', message: 'Render text, never HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render text, never HTML.' },
        { object: 'document', property: 'write', message: 'Render text, never HTML.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', NO_HTML],
    },
  },
  ...layers(),
  {
    // Asymmetric matchers (`expect.objectContaining`) are typed `any` by design.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      // `chrome` appears in functions that Playwright evaluates inside extension pages.
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        window: 'readonly',
        chrome: 'readonly',
      },
    },
  },
);
