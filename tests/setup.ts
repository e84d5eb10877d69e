import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, configure } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../public/_locales/en/messages.json';
import { CatalogueSchema, formatMessage } from '../lib/i18n/catalogue';

// The fake browser has no i18n: pages under test read the English catalogue, through
// the same placeholder rules the browser applies.
const catalogue = CatalogueSchema.parse(english);

// A fresh IndexedDB and a fresh fake browser for every test: no test sees another's data.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | (string | number)[]) =>
    formatMessage(catalogue, key, [substitutions ?? []].flat().map(String));
  fakeBrowser.i18n.getUILanguage = () => 'en';
});

// `findBy…` and `waitFor` give up after 1 s by default: on a busy 2-core machine a
// render plus a few fake-IndexedDB round trips can take longer than that, and the
// test would fail for the machine's speed, not the code's.
configure({ asyncUtilTimeout: 10_000 });

// Rendered components are unmounted after each test (vitest runs without globals).
afterEach(cleanup);
