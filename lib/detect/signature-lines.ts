import { findTextEmails } from './text-emails';

/** What a signature says about its writer; phones as written. */
export interface Signature {
  name?: string;
  title?: string;
  organization?: string;
  phones: string[];
  website?: string;
  email?: string;
}

// Job titles, in the languages the sign-offs are read in (sign-offs.ts).
const ROLE =
  /(?:^|[^\p{L}])(?:director|directora|partner|manager|controller|consultant|(?:co-?)?founder|owner|ceo|cto|cfo|coo|cmo|vp|vice president|engineer|designer|developer|lawyer|attorney|solicitor|counsel|accountant|analyst|architect|producer|editor|officer|president|head of|lead|principal|advis[eo]r|specialist|coordinator|assistant|associate|recruiter|representative|executive|administrator|secretary|freelance|geschäftsführer(?:in)?|leiter(?:in)?|inhaber(?:in)?|directeur|directrice|responsable|gérant(?:e)?|gerente|diretor(?:a)?|direttore|direttrice|responsabile|eigenaar|adviseur|директор|менеджер|руководитель|dyrektor|kierownik|prezes|部長|社長|課長|代表)(?:$|[^\p{L}])/iu;
// Words that end (or are) a company name.
const COMPANY =
  /(?:^|[^\p{L}])(?:ltd|limited|llc|l\.l\.c|gmbh|inc|llp|plc|corp|corporation|company|co\.|agency|studios?|partners|group|ag|kg|ug|sarl|sàrl|sas|s\.a|s\.l|srl|s\.r\.l|spa|s\.p\.a|bv|b\.v|nv|n\.v|pty|ltda|sp\. z o\.o|ооо|株式会社)\.?(?:$|[^\p{L}])/iu;
const COMPANY_END = new RegExp(`${COMPANY.source.replace('(?:$|[^\\p{L}])', '')}$`, 'iu');
// Honorifics before a name and degrees after it are not part of it: `Dr. Jane Doe`, `John E. Doe, Ph.D.`.
const HONORIFIC =
  /^(?:(?:dr|prof|mr|mrs|ms|mx|sir|dame|herr|frau|mme|mlle|sr|sra|srta|dott|dott\.ssa|ing|mag)\.?\s+)+/iu;
const DEGREE =
  /(?:,?\s+(?:ph\.?\s?d|d\.?phil|m\.?phil|m\.?d|mph|mba|m\.?sc|b\.?sc|m\.?a|b\.?a|m\.?eng|cpa|esq|pmp|cfa|acca|dds|rn|j\.?d|ll\.?m|dipl\.?-ing|frcs|mrcp)\.?)+$/iu;
// A name word: a letter first; scripts without case (CJK) count as capitalised.
const NAME_WORD = /^[\p{L}\p{M}][\p{L}\p{M}'’.-]*$/u;
const CAPITAL = /^[\p{Lu}\p{Lt}\p{Lo}]/u;
const LABELLED_PHONE =
  /^(?:[📱☎📞]\ufe0f?\s*|(?:t|m|p|w|tel|tél|phone|mobile|mob|cell|office|direct|work|handy|telefon|téléphone|portable|móvil|celular|telefone|telefono|cellulare|mobiel|тел|моб|tel\. kom|kom)\.?\s*[:.]?)/iu;
const FAX = /^(?:f|fax|telefax)\.?\s*[:.]/i;
const PHONE = /(?:\+|\(\s*)?\d[\d\s()./-]{5,}\d/g;
const WEBSITE = /\b(?:https?:\/\/|www\.)[^\s<>"'|]+/i;
// Between a title and its company on one line: `Title @ Company`, `Title | Company`,
// `Title, Company`, `Title at Company` (and `bei`, `chez`, `presso`).
const TITLE_COMPANY = /\s+(?:@|at|bei|chez|presso|в)\s+|,\s+|\s+[-–—]\s+/iu;

/**
 * Reads a signature's lines, its writer's name first (see `nameIn`), unless the
 * name was read already (`name`, from the line before these).
 */
export function readSignatureLines(lines: readonly string[], name?: string): Signature {
  const segments = lines.flatMap((line) => line.split(/\s+[|·•]\s+/));
  const signature: Signature = { phones: [] };
  const nameAt = name
    ? -1
    : segments.slice(0, 2).findIndex((segment) => nameIn(segment) !== undefined);
  signature.name = name ?? (nameAt >= 0 ? nameIn(segments[nameAt]!) : undefined);
  let previous = signature.name ? 'name' : 'start';
  for (const segment of segments.slice(nameAt + 1))
    previous = readSegment(segment, signature, previous);
  return signature;
}

/** Reads one segment into `signature`; answers what kind of segment it was. */
function readSegment(segment: string, signature: Signature, previous: string): string {
  const email = findTextEmails(segment)[0]?.email;
  const website = WEBSITE.exec(segment)?.[0].replace(/[.,;)]+$/, '');
  const fax = FAX.test(segment);
  const phones = fax ? [] : phonesIn(segment);
  signature.email ??= email;
  if (website && !website.includes('@')) signature.website ??= website;
  signature.phones.push(...phones);
  if (email || website || phones.length > 0 || fax) return 'contact';
  if (!isPlainText(segment)) return 'other';
  const pair = segment.split(TITLE_COMPANY);
  if (pair.length === 2 && !signature.title && !signature.organization) {
    const [title, company] = pair as [string, string];
    if (ROLE.test(title) || COMPANY.test(company)) {
      signature.title = title.trim();
      signature.organization = company.trim();
      return 'company';
    }
  }
  const companyNamed = COMPANY_END.test(segment);
  if (!signature.title && ROLE.test(segment) && !companyNamed) {
    signature.title = segment;
    return 'title';
  }
  if (!signature.organization && (companyNamed || COMPANY.test(segment))) {
    signature.organization = segment;
    return 'company';
  }
  if (!signature.title && previous === 'name') {
    signature.title = segment;
    return 'title';
  }
  if (!signature.organization && previous === 'title') {
    signature.organization = segment;
    return 'company';
  }
  return 'other';
}

/**
 * The person's name a line holds, without honorifics and degrees: 2–4 words of
 * letters, first and last capitalised, not a job title or a company.
 */
export function nameIn(text: string): string | undefined {
  const name = text.replace(DEGREE, '').replace(HONORIFIC, '').trim();
  const words = name.split(' ');
  if (words.length < 2 || words.length > 4 || !words.every((word) => NAME_WORD.test(word)))
    return caselessName(name);
  const capital = (word: string | undefined) => CAPITAL.test(word ?? '');
  return capital(words[0]) && capital(words.at(-1)) && !ROLE.test(name) && !COMPANY.test(name)
    ? name
    : undefined;
}

/** A name in a script without spaces or case: `山田太郎`, 2–6 letters. */
function caselessName(text: string): string | undefined {
  return /^\p{Lo}{2,6}$/u.test(text.replace(/\s/g, '')) && !ROLE.test(text) ? text : undefined;
}

/** One capitalised word that may be a first name (`Paul`): checked against the sender elsewhere. */
export function firstNameIn(text: string): string | undefined {
  const word = text.replace(DASH, '').trim();
  return /^\p{Lu}[\p{Ll}\p{M}'’-]{1,19}$/u.test(word) && !ROLE.test(word) ? word : undefined;
}
const DASH = /^[-–—~]\s?/;

/** Whether a line reads like part of a signature: short, or holding a contact detail. */
export function isSignatureLike(line: string): boolean {
  if (line.length > 80) return false;
  const words = line.split(' ').length;
  return words <= 8 || /\d{3}|@|www\.|https?:/.test(line);
}

/** Whether the line gives a way to reach its writer: a phone, an address, a website. */
export function isContactLine(line: string): boolean {
  return phonesIn(line).length > 0 || line.includes('@') || WEBSITE.test(line);
}

function isPlainText(text: string): boolean {
  return text.length <= 80 && /\p{L}/u.test(text) && !/\d/.test(text);
}

/** Phone-like digit runs, as written: 7–15 digits; a bare run of digits needs a label. */
function phonesIn(text: string): string[] {
  const labelled = LABELLED_PHONE.test(text);
  return [...text.matchAll(PHONE)]
    .map((match) => match[0].trim())
    .filter((phone) => {
      const digits = phone.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15 || /^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/.test(phone))
        return false;
      return labelled || /^[+(]|\d[\s.-]\d/.test(phone);
    });
}
