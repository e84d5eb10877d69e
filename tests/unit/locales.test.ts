import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogueSchema, formatMessage, placeholderNames } from '../../lib/i18n/catalogue';

const LOCALES_DIR = 'public/_locales';
const read = (locale: string) =>
  CatalogueSchema.parse(
    JSON.parse(readFileSync(`${LOCALES_DIR}/${locale}/messages.json`, 'utf8')) as unknown,
  );
const locales = readdirSync(LOCALES_DIR).sort();
const english = read('en');

describe('the message catalogues', () => {
  it('are English, German, French and Spanish', () => {
    expect(locales).toEqual(['de', 'en', 'es', 'fr']);
  });

  it.each(locales)(
    '%s holds exactly the English keys, each with the same placeholders',
    (locale) => {
      const catalogue = read(locale);
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
      for (const key of Object.keys(english)) {
        expect(placeholderNames(catalogue, key), key).toEqual(placeholderNames(english, key));
        expect(catalogue[key]?.message.trim(), `${locale} ${key}`).not.toBe('');
      }
    },
  );

  it.each(locales)('%s uses every placeholder it declares', (locale) => {
    const catalogue = read(locale);
    for (const [key, entry] of Object.entries(catalogue)) {
      for (const name of placeholderNames(catalogue, key))
        expect(entry.message.toLowerCase(), `${locale} ${key}`).toContain(`$${name}$`);
    }
  });

  it.each(locales)("%s names and describes the extension within the stores' limits", (locale) => {
    const catalogue = read(locale);
    // Chrome Web Store: the manifest's name ≤ 75 characters, its description ≤ 132.
    expect(catalogue.extName?.message.length).toBeLessThanOrEqual(75);
    expect(catalogue.extDescription?.message.length).toBeLessThanOrEqual(132);
  });
});

describe('formatMessage', () => {
  it('fills named placeholders from the substitutions, as the browser does', () => {
    expect(formatMessage(english, 'welcome_step', ['2', '5'])).toBe('Step 2 of 5');
    expect(formatMessage(read('de'), 'welcome_step', ['2', '5'])).toBe('Schritt 2 von 5');
  });

  it('answers an unknown key with an empty string, as the browser does', () => {
    expect(formatMessage(english, 'no_such_key')).toBe('');
  });
});
