import { z } from 'zod';
import { formatAmount } from './money-format';
import { lazy } from './lazy';

// Amounts as text live in ./money-format and ./money-input, which surfaces load without zod.
export { currencyDigits } from './money-format';
export { amountInputValue, numberMarks, parseAmount, type AmountProblem } from './money-input';

const KNOWN_CURRENCIES = new Set(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [],
);

/** ISO 4217 code, checked against the runtime's own currency list when it has one. */
export const CurrencySchema = lazy(() =>
  z
    .string()
    .regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as EUR')
    .refine((code) => KNOWN_CURRENCIES.size === 0 || KNOWN_CURRENCIES.has(code), {
      message: 'not an ISO 4217 currency',
    }),
);
export type Currency = z.infer<typeof CurrencySchema>;

/**
 * Money is an integer count of the currency's minor unit (cents for USD, yen for
 * JPY) with its currency: no floating-point drift, and amounts in different
 * currencies are never added together.
 */
export const MoneySchema = lazy(() =>
  z.object({
    amountMinor: z.number().int().safe(),
    currency: CurrencySchema,
  }),
);
export type Money = z.infer<typeof MoneySchema>;

/** Sums amounts per currency; there are no invented exchange rates. */
export function totalsByCurrency(amounts: readonly Money[]): Map<Currency, number> {
  const totals = new Map<Currency, number>();
  for (const { amountMinor, currency } of amounts) {
    totals.set(currency, (totals.get(currency) ?? 0) + amountMinor);
  }
  return totals;
}

/** An amount for reading (`$1,250.50`, `1.250,50 €`), in the user's locale. */
export function formatMoney({ amountMinor, currency }: Money, locale?: string): string {
  return formatAmount(amountMinor, currency, locale);
}
