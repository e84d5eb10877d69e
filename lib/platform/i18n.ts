import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';

/**
 * Every visible string comes from `public/_locales/<lang>/messages.json` through the
 * browser's own `i18n.getMessage`: it picks the user's language with the manifest's
 * `default_locale` (en) behind it, needs no code or data in the bundle, and works
 * the same in Chrome and Firefox. The keys are typed from the English catalogue,
 * so a missing key is a compile error; `tests/unit/locales.test.ts` holds the other
 * languages to the same keys and placeholders.
 *
 * (WXT's i18n module would add YAML sources and plural syntax, but the browser API
 * already does the lookup; plurals go through Intl.PluralRules below.)
 */
export type MessageKey = keyof typeof english;

/** Messages every browser predefines: the text direction and the locale it chose. */
type PredefinedKey = '@@bidi_dir' | '@@ui_locale';

/** Keys that end in `_one`, without it: the messages `tCount` chooses a plural form of. */
// A mapped type, not a conditional over an inferred union: TypeScript 5 judged that
// form `never` once the catalogue held plural keys.
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_one`
    ? `${Base}_other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/**
 * A message, with `$1`…`$9` substitutions (numbers are formatted for the language).
 *
 * @example t('welcome_step', 2, 5) // "Step 2 of 5"
 */
export function t(key: MessageKey | PredefinedKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(substitution));
}

/**
 * A count with the plural form the language wants for it: `<base>_one` or
 * `<base>_other` (or `_few`, `_many`… where a catalogue has them), `$1` the number.
 *
 * @example tCount('dashboard_records', 1) // "1 record"
 */
export function tCount(base: PluralKey, count: number, ...more: (string | number)[]): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count);
  const values = [count, ...more].map(substitution);
  return (
    browser.i18n.getMessage(`${String(base)}_${form}` as MessageKey, values) ||
    browser.i18n.getMessage(`${String(base)}_other` as MessageKey, values)
  );
}

/**
 * The language the pages are shown in, for Intl and `lang`: the catalogue names
 * its own (Chromium under `--lang=de` was seen to pick the German catalogue while
 * `getUILanguage()` and `@@ui_locale` still answered `en-US`).
 */
export function uiLanguage(): string {
  return browser.i18n.getMessage('catalogue_locale') || browser.i18n.getUILanguage();
}

function substitution(value: string | number): string {
  return typeof value === 'number' ? new Intl.NumberFormat(uiLanguage()).format(value) : value;
}

/**
 * Sets a page's language, direction and title from the catalogue: right-to-left
 * languages are mirrored by the browser once `dir` says so (the styles use logical
 * properties).
 */
export function localizeDocument(titleKey: MessageKey): void {
  const root = document.documentElement;
  root.lang = uiLanguage();
  // The catalogue's own direction, not the browser's (@@bidi_dir follows the browser's
  // interface language, which may differ from the catalogue chosen).
  root.dir = t('catalogue_dir') === 'rtl' ? 'rtl' : 'ltr';
  document.title = t(titleKey);
}

/**
 * A table of labels (kinds, stages, statuses…) read from the catalogue each time one
 * is used, so a module can export it as a constant while the words still come from
 * the language the page runs in (and from the test catalogue in unit tests).
 *
 * @example const KIND = catalogueLabels({ client: 'kind_client' }); KIND.client // "Client"
 */
export function catalogueLabels<Name extends string>(
  keys: Record<Name, MessageKey>,
): Readonly<Record<Name, string>> {
  const labels = {} as Record<Name, string>;
  for (const [name, key] of Object.entries(keys) as [Name, MessageKey][])
    Object.defineProperty(labels, name, { get: () => t(key), enumerable: true });
  return labels;
}

/** A date, or a date and time, as the page's language writes it. */
export function formatDate(
  at: number | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  return new Intl.DateTimeFormat(uiLanguage(), options).format(at);
}

/** A date and time, as the page's language writes it ("7 Dec 2026, 14:05"). */
export const formatDateTime = (at: number | Date) =>
  formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });

/** A number as the page's language writes it ("1,234" or "1.234"). */
export const formatNumber = (value: number) => new Intl.NumberFormat(uiLanguage()).format(value);
