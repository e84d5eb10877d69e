import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/preact';
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

// Rendered components are unmounted after each test (vitest runs without globals).
afterEach(cleanup);
