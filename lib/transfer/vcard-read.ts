import ICAL from 'ical.js';
import type { PartyDraft } from '../domain/party';
import type { RelationshipKind } from '../domain/relationship';
import { looksBinary } from './decode';
import { asKind, draftTooLarge, firstBadEmail, normalizeBreaks, unique } from './import-draft';
import { problemError, problemWarning, type ImportProblem, type ImportRow } from './problems';

export interface VcardsRead {
  drafts: ImportRow<PartyDraft>[];
  problems: ImportProblem[];
}

export const MAX_CARDS = 250_000;

/**
 * Reads every vCard (2.1-style files aside: 3.0 and 4.0) in a file into party
 * drafts, each with the line its card starts on. Each card is parsed on its own by
 * ical.js, so one broken card is listed and the others still import. Values
 * Clientele has no field for (address, birthday, nickname, extra websites) are kept
 * in the notes.
 */
export function readVcards(text: string, defaultKind: RelationshipKind): VcardsRead {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const problems: ImportProblem[] = [];
  const drafts: ImportRow<PartyDraft>[] = [];
  if (body.trim() === '') return { drafts, problems: [problemError('The file is empty.')] };
  if (looksBinary(body))
    return {
      drafts,
      problems: [problemError('This file is not text, so it holds no contact cards.')],
    };

  const lines = body.split(/\r?\n/);
  let start: number | undefined;
  let card: string[] = [];
  let sawCard = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const marker = line.trim().toUpperCase();
    if (marker === 'BEGIN:VCARD') {
      if (start !== undefined)
        problems.push(
          problemError('this card has no END:VCARD before the next one begins.', { line: start }),
        );
      start = index + 1;
      card = [line];
      continue;
    }
    if (start === undefined) {
      if (line.trim() !== '' && !sawCard && problems.length === 0)
        problems.push(
          problemError('This is not a vCard file: it does not start with BEGIN:VCARD.', {
            line: index + 1,
          }),
        );
      continue;
    }
    card.push(line);
    if (marker === 'END:VCARD') {
      sawCard = true;
      if (drafts.length >= MAX_CARDS) {
        problems.push(
          problemError(`More than ${MAX_CARDS.toLocaleString('en')} cards; split the file.`, {
            line: start,
          }),
        );
        return { drafts, problems };
      }
      const read = readCard(card.join('\r\n'), defaultKind);
      for (const warning of read.warnings) problems.push(problemWarning(warning, { line: start }));
      if ('error' in read) problems.push(problemError(read.error, { line: start }));
      else drafts.push({ line: start, value: read.draft });
      start = undefined;
      card = [];
    }
  }
  if (start !== undefined)
    problems.push(
      problemError('this card has no END:VCARD (is the file cut short?).', { line: start }),
    );
  if (!sawCard && problems.length === 0)
    problems.push(problemError('This file holds no contact cards (no BEGIN:VCARD … END:VCARD).'));
  return { drafts, problems };
}

type Values = Map<string, { params: Record<string, unknown>; values: unknown[] }[]>;
type CardRead = { warnings: string[] } & ({ draft: PartyDraft } | { error: string });

function readCard(text: string, defaultKind: RelationshipKind): CardRead {
  const warnings: string[] = [];
  let props: Values;
  try {
    props = parseCard(text);
  } catch (error) {
    return {
      warnings,
      error: `this card could not be read (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  const texts = (name: string) =>
    (props.get(name) ?? [])
      .flatMap((p) => p.values.map(flatten))
      .map((v) => v.trim())
      .filter(Boolean);
  const first = (name: string) => texts(name)[0];

  const emails = unique(texts('email').map((e) => e.replace(/^mailto:/i, '')));
  const bad = firstBadEmail(emails);
  if (bad !== undefined) return { warnings, error: `“${bad}” is not an email address.` };
  const phones = unique(texts('tel').map((t) => t.replace(/^tel:/i, '')));

  const orgs = (props.get('org') ?? [])
    .map((p) =>
      p.values
        .flatMap((v) => (Array.isArray(v) ? v.map(String) : [String(v)]))
        .map((s) => s.trim())
        .filter(Boolean)
        .join('; '),
    )
    .filter(Boolean);
  const organization = orgs[0];
  const nameFromN = structuredName(props.get('n')?.[0]?.values[0]);
  const isOrg =
    first('kind')?.toLowerCase() === 'org' || first('x-abshowas')?.toUpperCase() === 'COMPANY';
  const name = first('fn') ?? (nameFromN || organization || emails[0]);
  if (!name) return { warnings, error: 'this card has no name and no email address.' };

  const kindText = first('x-clientele-kind');
  const kind = kindText === undefined ? defaultKind : asKind(kindText);
  if (kindText !== undefined && kind === undefined)
    warnings.push(
      `“${kindText}” is not a relationship Clientele knows; imported as ${defaultKind}.`,
    );

  const websites = unique(texts('url'));
  const extras = [
    ...(props.get('note') ?? []).flatMap((p) => p.values.map(flatten)).filter((v) => v !== ''),
    ...orgs.slice(1).map((org) => `Organization: ${org}`),
    ...websites.slice(1).map((site) => `Website: ${site}`),
    ...texts('nickname').map((v) => `Nickname: ${v}`),
    ...texts('bday').map((v) => `Birthday: ${v}`),
    ...texts('role').map((v) => `Role: ${v}`),
    ...(props.get('adr') ?? []).map((p) => `Address: ${formatAddress(p.values[0])}`),
    ...texts('impp').map((v) => `Messaging: ${v}`),
  ];
  const draft: PartyDraft = {
    type: isOrg ? 'organization' : 'person',
    name,
    kind: kind ?? defaultKind,
    emails,
    phones,
    tags: unique(
      (props.get('categories') ?? []).flatMap((p) => p.values.map(flatten)).map((t) => t.trim()),
    ),
    notes: normalizeBreaks(extras.join('\n\n')),
  };
  if (organization && !(isOrg && organization === name)) draft.organizationName = organization;
  const title = first('title');
  if (title) draft.title = title;
  if (websites[0]) draft.website = websites[0];
  const tooLarge = draftTooLarge(draft);
  return tooLarge ? { warnings, error: `${tooLarge}.` } : { warnings, draft };
}

/**
 * ical.js unescapes `\,` and `\n` but leaves `\;` in text and cannot tell `\\;`
 * (a backslash, then a separator) from `\;` (an escaped semicolon). Escaped
 * backslashes are swapped for a character the card does not contain before parsing
 * and swapped back after, so every escape reads as RFC 6350 says.
 */
function parseCard(text: string): Values {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const sentinel = pickSentinel(unfolded);
  const prepared = sentinel ? unfolded.replace(/\\\\/g, sentinel) : unfolded;
  const parsed = ICAL.parse(prepared) as unknown;
  const component =
    Array.isArray(parsed) && Array.isArray(parsed[0])
      ? (parsed[0] as unknown[])
      : (parsed as unknown[]);
  if (!Array.isArray(component) || component[0] !== 'vcard') throw new Error('not a vCard');
  const props: Values = new Map();
  for (const prop of (component[1] ?? []) as unknown[][]) {
    const [name, params, , ...values] = prop as [
      string,
      Record<string, unknown>,
      string,
      ...unknown[],
    ];
    const clean = values.map((value) => unescape(value, sentinel));
    props.set(name, [...(props.get(name) ?? []), { params, values: clean }]);
  }
  return props;
}

function unescape(value: unknown, sentinel: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => unescape(v, sentinel));
  if (typeof value !== 'string') return value;
  const plain = value.replace(/\\([;:,])/g, '$1').replace(/\\[nN]/g, '\n');
  return sentinel ? plain.split(sentinel).join('\\') : plain;
}

function pickSentinel(text: string): string | undefined {
  for (let code = 0xe000; code < 0xe100; code++) {
    const candidate = String.fromCharCode(code);
    if (!text.includes(candidate)) return candidate;
  }
  return undefined;
}

function flatten(value: unknown): string {
  if (Array.isArray(value)) return value.map(flatten).filter(Boolean).join(' ');
  if (typeof value === 'string') return value;
  // ical.js gives numbers, booleans and date-time objects (with their own toString) for typed values.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : (value as { toString(): string }).toString();
}

/** N is family;given;additional;prefix;suffix. */
function structuredName(value: unknown): string {
  if (!Array.isArray(value)) return typeof value === 'string' ? value.trim() : '';
  const [family, given, additional, prefix, suffix] = value.map(flatten);
  return [prefix, given, additional, family, suffix]
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(' ');
}

/** ADR is po box;extended;street;locality;region;postal code;country. */
function formatAddress(value: unknown): string {
  if (!Array.isArray(value)) return flatten(value);
  return value
    .map(flatten)
    .map((p) => p.trim())
    .filter(Boolean)
    .join(', ');
}
