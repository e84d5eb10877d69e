export interface CurrencyOption {
  code: string;
  /** "EUR — Euro": the code first, so typing it in the select jumps to it. */
  label: string;
}

// Used only where the runtime cannot list its currencies (Intl.supportedValuesOf).
const COMMON = ['AUD', 'CAD', 'CHF', 'CNY', 'EUR', 'GBP', 'INR', 'JPY', 'SEK', 'USD'];

/** The ISO 4217 currencies the browser knows, by code, with names in the user's language. */
export function currencyOptions(locale?: string, current?: string): CurrencyOption[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : COMMON;
  const codes = current && !known.includes(current) ? [...known, current] : [...known];
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'currency' });
  } catch {
    names = undefined;
  }
  return codes.sort().map((code) => {
    const name = safeName(names, code);
    return { code, label: name && name !== code ? `${code} — ${name}` : code };
  });
}

function safeName(names: Intl.DisplayNames | undefined, code: string): string | undefined {
  try {
    return names?.of(code);
  } catch {
    return undefined;
  }
}
