import type { UiText, UiTextParams } from '../domain/ui-text';
import { formatNumber, t, tCount, type MessageKey, type PluralKey } from '../platform/i18n';

/** A code's values as its wording reads them: as text (numbers for the language), or as a count. */
export interface Params {
  text(name: string): string;
  count(name: string): number;
}

/** `say` words a value that is itself a code's words (a restore's refusal names the problem). */
export function reader(params: UiTextParams, say: (text: UiText) => string): Params {
  return {
    text: (name) => {
      const value = params[name];
      if (value === undefined) return '';
      if (typeof value === 'number') return formatNumber(value);
      return typeof value === 'string' ? value : say(value);
    },
    count: (name) => {
      const value = params[name];
      return typeof value === 'number' ? value : Number(value ?? 0) || 0;
    },
  };
}

/** A catalogue message filled with the named values, in order. */
export const message =
  (key: MessageKey, ...names: string[]) =>
  (p: Params) =>
    t(key, ...names.map((name) => p.text(name)));

/** A plural message: the count chooses the form, the other values fill it. */
export const counted =
  (key: PluralKey, count: string, ...names: string[]) =>
  (p: Params) =>
    tCount(key, p.count(count), ...names.map((name) => p.text(name)));
