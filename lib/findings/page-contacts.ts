import type { CadenceDefaults } from '../domain/cadence';
import type { RelationshipKind } from '../domain/relationship';
import { findKindsByContacts } from '../db/contact-kinds';
import { findPartiesByContacts } from '../db/party-repository';
import type { ClienteleDb } from '../db/open';
import type { PageContacts, PageFindings } from '../protocol/contact-schemas';
import { partyView, phoneLabels } from './party-view';

/** The record a page contact belongs to: by any of its addresses, then any of its phones. */
async function matchParties(db: ClienteleDb, findings: PageFindings) {
  return matchEach(findings, await findPartiesByContacts(db, contactsOf(findings)));
}

function contactsOf(findings: PageFindings) {
  return {
    emails: findings.contacts.flatMap((contact) => contact.emails),
    phones: findings.contacts.flatMap((contact) => contact.phones),
  };
}

function matchEach<T>(
  findings: PageFindings,
  { byEmail, byPhone }: { byEmail: Map<string, T>; byPhone: Map<string, T> },
): (T | undefined)[] {
  return findings.contacts.map(
    (contact) =>
      contact.emails.map((email) => byEmail.get(email)).find(Boolean) ??
      contact.phones.map((phone) => byPhone.get(phone)).find(Boolean),
  );
}

/** Every contact on a page, each with its record and check-in health when known. */
export async function pageContacts(
  db: ClienteleDb,
  findings: PageFindings | undefined,
  now: number,
  { cadence, region }: { cadence: CadenceDefaults; region: string },
): Promise<PageContacts> {
  if (!findings) return { scanned: false, contacts: [] };
  const parties = await matchParties(db, findings);
  return {
    scanned: true,
    url: findings.url,
    ...(findings.vcards?.length ? { vcards: findings.vcards } : {}),
    ...(findings.openSender ? { openSender: findings.openSender } : {}),
    contacts: findings.contacts.map((contact, i) => {
      const party = parties[i];
      const labels = phoneLabels(contact.phones, region);
      return {
        contact,
        ...(labels ? { phoneLabels: labels } : {}),
        ...(party ? { known: partyView(party, now, cadence, region) } : {}),
      };
    }),
  };
}

/**
 * The known contacts' texts as the page wrote them, to highlight there: their
 * addresses, and their phones in the page's own spelling. Only the kind goes back
 * to the page — never a name or anything else from the record.
 */
export async function knownTexts(
  db: ClienteleDb,
  findings: PageFindings,
  writtenPhones: ReadonlyMap<string, string>,
): Promise<{ text: string; kind: RelationshipKind }[]> {
  const parties = matchEach(findings, await findKindsByContacts(db, contactsOf(findings)));
  const kindByPhone = new Map<string, RelationshipKind>();
  const known: { text: string; kind: RelationshipKind }[] = [];
  findings.contacts.forEach((contact, i) => {
    const party = parties[i];
    if (!party) return;
    for (const email of contact.emails) known.push({ text: email, kind: party.kind });
    for (const phone of contact.phones) kindByPhone.set(phone, party.kind);
  });
  for (const [written, phone] of writtenPhones) {
    const kind = kindByPhone.get(phone);
    if (kind) known.push({ text: written, kind });
  }
  return known;
}
