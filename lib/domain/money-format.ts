// Amounts for reading. Free of zod, so the popup, side panel and dashboard can
// show money without the schemas in ./money.

/**
 * How many minor-unit digits a currency has (USD 2, JPY 0, KWD 3), from the
 * runtime's own currency data; 2 when the runtime does not know the code.
 */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/**
 * An amount for reading (`$1,250.50`, `1.250,50 €`) in the user's locale, exactly:
 * the amount reaches Intl as a decimal string, so large amounts never pass through
 * a float. A code the runtime does not know is written after the number.
 */
export function formatAmount(amountMinor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency);
  const negative = amountMinor < 0;
  const units = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const decimal =
    digits === 0 ? units : `${units.slice(0, -digits)}.${units.slice(units.length - digits)}`;
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    return format.format(`${negative ? '-' : ''}${decimal}` as unknown as number);
  } catch {
    return `${negative ? '-' : ''}${decimal} ${currency}`;
  }
}
