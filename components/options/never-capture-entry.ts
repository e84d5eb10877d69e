import { normalizeDomain, normalizeEmail } from '../../lib/domain/email';
import { createNeverCapture } from '../../lib/findings/never-capture';
import { t } from '../../lib/platform/i18n';

export type EntryReading = { ok: true; entry: string } | { ok: false; message: string };

/**
 * Reads one never-capture entry the way the background will match it
 * (lib/findings/never-capture.ts): text with an `@` inside is an address, anything
 * else (with or without a leading `@`) a domain that also covers its subdomains.
 * The stored form is the normalised one, so the list shows what will really match.
 */
export function readNeverCaptureEntry(text: string, existing: readonly string[]): EntryReading {
  const raw = text.trim();
  if (raw === '') return { ok: false, message: t('never_typeOne') };
  const isAddress = raw.includes('@') && !raw.startsWith('@');
  const entry = isAddress ? normalizeEmail(raw) : normalizeDomain(raw);
  if (entry === null) {
    return {
      ok: false,
      message: isAddress ? t('never_notAddress', raw) : t('never_notDomain', raw),
    };
  }
  if (existing.includes(entry)) return { ok: false, message: t('never_already', entry) };
  const probe = isAddress ? entry : `someone@${entry}`;
  const coveredBy = existing.find((other) => createNeverCapture([other])(probe));
  if (coveredBy) return { ok: false, message: t('never_covered', entry, coveredBy) };
  return { ok: true, entry };
}

/** Several entries pasted at once, separated by commas, semicolons, spaces or lines. */
export function splitEntries(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part !== '');
}
