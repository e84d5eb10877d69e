import { normalizeDomain, normalizeEmail } from '../../lib/domain/email';
import { createNeverCapture } from '../../lib/findings/never-capture';

export type EntryReading = { ok: true; entry: string } | { ok: false; message: string };

/**
 * Reads one never-capture entry the way the background will match it
 * (lib/findings/never-capture.ts): text with an `@` inside is an address, anything
 * else (with or without a leading `@`) a domain that also covers its subdomains.
 * The stored form is the normalised one, so the list shows what will really match.
 */
export function readNeverCaptureEntry(text: string, existing: readonly string[]): EntryReading {
  const raw = text.trim();
  if (raw === '') return { ok: false, message: 'Type an address or a domain.' };
  const isAddress = raw.includes('@') && !raw.startsWith('@');
  const entry = isAddress ? normalizeEmail(raw) : normalizeDomain(raw);
  if (entry === null) {
    return {
      ok: false,
      message: isAddress
        ? `“${raw}” is not an email address.`
        : `“${raw}” is neither an email address nor a domain like example.com.`,
    };
  }
  if (existing.includes(entry)) return { ok: false, message: `${entry} is already on the list.` };
  const probe = isAddress ? entry : `someone@${entry}`;
  const coveredBy = existing.find((other) => createNeverCapture([other])(probe));
  if (coveredBy) return { ok: false, message: `${entry} is already covered by ${coveredBy}.` };
  return { ok: true, entry };
}

/** Several entries pasted at once, separated by commas, semicolons, spaces or lines. */
export function splitEntries(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part !== '');
}
