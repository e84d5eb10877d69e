import { t } from '../../lib/platform/i18n';

export const MIN_CADENCE_DAYS = 1;
export const MAX_CADENCE_DAYS = 3650;

/**
 * Reads a check-in cadence typed in days: a whole number from 1 to 3650 (ten
 * years), or a sentence saying what is wrong with it.
 */
export function readCadenceDays(
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: t('cadence_enterDays') };
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: t('cadence_wholeDays') };
  const days = Number(trimmed);
  if (days < MIN_CADENCE_DAYS || days > MAX_CADENCE_DAYS) {
    return { ok: false, message: t('cadence_range') };
  }
  return { ok: true, value: days };
}
