// Scores the signature and address readers on tables of cases (tests/fixtures/
// signatures, addresses, and their held-out twins): the fixture test asserts on the
// figures, `npm run bench` prints them. Runs wherever there is a DOMParser.
import { detectContacts } from '../../lib/detect';
import { phoneKey } from '../../lib/detect/contacts-from-findings';
import { findSignatures } from '../../lib/detect/signature';
import { normalizePhone } from '../../lib/domain/phone';

export interface SignatureCase {
  fact: string;
  body: string[];
  quoted?: string[];
  sender?: { email: string; name?: string };
  expected: { name?: string; title?: string; organization?: string; phones?: string[] } | null;
}

export interface AddressCase {
  fact: string;
  html: string;
  emails: string[];
  names?: Record<string, string>;
  organizations?: Record<string, string>;
  /** E.164, read in `region`. */
  phones?: string[];
  region?: string;
}

export const SIGNATURE_FIELDS = ['name', 'title', 'organization', 'phones'] as const;
type Field = (typeof SIGNATURE_FIELDS)[number];

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Gmail message: its sender in the header, its body lines, its quoted history. */
function gmailMessage({ body, quoted, sender }: SignatureCase): Document {
  const header = sender
    ? `<h3><span class="gD" email="${escape(sender.email)}"${sender.name ? ` name="${escape(sender.name)}"` : ''}>${escape(sender.name ?? sender.email)}</span></h3>`
    : '';
  const quote = quoted ? `<div class="gmail_quote">${quoted.map(escape).join('<br>')}</div>` : '';
  const html = `<div class="adn">${header}<div class="a3s">${body.map(escape).join('<br>')}${quote}</div></div>`;
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

const phoneSet = (phones: readonly string[] = []) =>
  [...new Set(phones.map(phoneKey))].sort().join(' ');

/** Each field of one case, right or wrong: a field the case does not expect must be absent. */
export function scoreSignature(one: SignatureCase): Record<Field, boolean> & { got: unknown } {
  const got = findSignatures(gmailMessage(one))[0];
  const want = one.expected ?? {};
  return {
    got,
    name: got?.name === want.name,
    title: got?.title === want.title,
    organization: got?.organization === want.organization,
    phones: phoneSet(got?.phones) === phoneSet(want.phones),
  };
}

/** The addresses, names, organizations and phones one snippet gives, as the user would see them. */
export function readAddressCase(one: AddressCase) {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><body>${one.html}</body>`,
    'text/html',
  );
  const contacts = detectContacts(doc, { url: 'https://example.com/' });
  const byEmail = (field: 'name' | 'organization') =>
    Object.fromEntries(
      contacts.flatMap((contact) => contact.emails.map((email) => [email, contact[field]])),
    ) as Record<string, string | undefined>;
  return {
    emails: contacts.flatMap((contact) => contact.emails),
    names: byEmail('name'),
    organizations: byEmail('organization'),
    phones: contacts
      .flatMap((contact) => contact.phones)
      .map((phone) => normalizePhone(phone, one.region ?? 'US'))
      .filter((phone): phone is string => phone !== null),
  };
}

export interface Tally {
  cases: number;
  right: number;
}

/** Per-field share right over signature cases, and per fact: cases, right, wrong. */
export function signatureFigures(cases: readonly SignatureCase[]) {
  const fields = Object.fromEntries(SIGNATURE_FIELDS.map((field) => [field, 0])) as Record<
    Field,
    number
  >;
  const facts: Record<string, Tally> = {};
  for (const one of cases) {
    const score = scoreSignature(one);
    for (const field of SIGNATURE_FIELDS) if (score[field]) fields[field]++;
    const tally = (facts[one.fact] ??= { cases: 0, right: 0 });
    tally.cases++;
    if (SIGNATURE_FIELDS.every((field) => score[field])) tally.right++;
  }
  const share = Object.fromEntries(
    SIGNATURE_FIELDS.map((field) => [field, fields[field] / Math.max(1, cases.length)]),
  ) as Record<Field, number>;
  return { cases: cases.length, share, facts };
}

/** Email precision and recall over address cases, names and phones right, and per fact. */
export function addressFigures(cases: readonly AddressCase[]) {
  let found = 0;
  let hits = 0;
  let wanted = 0;
  const facts: Record<string, Tally> = {};
  for (const one of cases) {
    const read = readAddressCase(one);
    const got = new Set(read.emails);
    found += got.size;
    wanted += one.emails.length;
    hits += one.emails.filter((email) => got.has(email)).length;
    const right =
      [...got].sort().join(' ') === [...one.emails].sort().join(' ') &&
      Object.entries(one.names ?? {}).every(([email, name]) => read.names[email] === name) &&
      Object.entries(one.organizations ?? {}).every(
        ([email, organization]) => read.organizations[email] === organization,
      ) &&
      (one.phones === undefined || phoneSet(read.phones) === phoneSet(one.phones));
    const tally = (facts[one.fact] ??= { cases: 0, right: 0 });
    tally.cases++;
    if (right) tally.right++;
  }
  return {
    cases: cases.length,
    emailPrecision: found === 0 ? 1 : hits / found,
    emailRecall: wanted === 0 ? 1 : hits / wanted,
    facts,
  };
}
