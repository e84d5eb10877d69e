import { readSignatures } from '../detect/signature';
import { addSignatures } from '../detect/signature-merge';
import { normalizeEmail } from '../domain/email';
import { normalizePhone } from '../domain/phone';
import type { DetectedContactMessage, PageFindings } from '../protocol/contact-schemas';
import { createNeverCapture, createNeverCapturePhone } from './never-capture';

export interface ScreenOptions {
  region: string;
  neverCapture: readonly string[];
}

export interface ScreenedFindings {
  findings: PageFindings;
  /** Each valid phone as the page wrote it, with its E.164 form (for highlighting). */
  writtenPhones: Map<string, string>;
}

/**
 * What a page reported, made safe to keep: signatures read from the message bodies
 * it sent and joined to its contacts (the bodies are not kept), addresses re-normalised, phones
 * validated with libphonenumber-js and turned into E.164 (a "phone" the library
 * rejects was a date or a price), contacts on the never-capture list dropped,
 * and contacts left with neither an address nor a phone dropped.
 */
export function screenFindings(findings: PageFindings, options: ScreenOptions): ScreenedFindings {
  const neverCapture = createNeverCapture(options.neverCapture);
  const neverCapturePhone = createNeverCapturePhone(options.neverCapture);
  const writtenPhones = new Map<string, string>();
  const contacts: DetectedContactMessage[] = [];
  // Signatures are read here rather than in the page: see lib/detect/signature-blocks.ts.
  const reported = addSignatures(findings.contacts, readSignatures(findings.signatures));
  for (const contact of reported) {
    const emails = unique(contact.emails.map((email) => normalizeEmail(email)));
    if (emails.some(neverCapture)) continue;
    const phones: string[] = [];
    for (const written of contact.phones) {
      const phone = normalizePhone(written, options.region);
      if (phone === null) continue;
      writtenPhones.set(written.trim(), phone);
      if (!phones.includes(phone)) phones.push(phone);
    }
    if (phones.some(neverCapturePhone)) continue;
    if (emails.length === 0 && phones.length === 0) continue;
    contacts.push({ ...contact, emails, phones });
  }
  const screened: PageFindings = { url: findings.url, contacts };
  if (findings.vcards?.length) screened.vcards = findings.vcards;
  const openSender = findings.openSender && normalizeEmail(findings.openSender);
  if (openSender) screened.openSender = openSender;
  return { findings: screened, writtenPhones };
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
