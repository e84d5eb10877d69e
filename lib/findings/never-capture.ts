import { emailDomain, normalizeDomain, normalizeEmail } from '../domain/email';

/**
 * The user's "never capture" list: whole addresses (`boss@home.example`) and
 * domains (`home.example` or `@home.example`, which also covers subdomains).
 * Entries are normalised like the addresses they are compared with.
 */
export function createNeverCapture(entries: readonly string[]): (email: string) => boolean {
  const addresses = new Set<string>();
  const domains: string[] = [];
  for (const entry of entries) {
    if (entry.includes('@') && !entry.trim().startsWith('@')) {
      const email = normalizeEmail(entry);
      if (email) addresses.add(email);
    } else {
      const domain = normalizeDomain(entry);
      if (domain) domains.push(domain);
    }
  }
  return (email) => {
    if (addresses.has(email)) return true;
    const domain = emailDomain(email);
    return domains.some((blocked) => domain === blocked || domain.endsWith(`.${blocked}`));
  };
}

/**
 * The phones on the never-capture list: entries in E.164 form (`+12025550100`),
 * which "forget and never capture again" adds for a deleted party's numbers.
 */
export function createNeverCapturePhone(entries: readonly string[]): (phone: string) => boolean {
  const phones = new Set(entries.filter((entry) => /^\+\d{4,15}$/.test(entry)));
  return (phone) => phones.has(phone);
}
