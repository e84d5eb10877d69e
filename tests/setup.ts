import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// A fresh IndexedDB and a fresh fake browser for every test: no test sees another's data.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

// Rendered components are unmounted after each test (vitest runs without globals).
afterEach(cleanup);
