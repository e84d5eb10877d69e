// One card's logical lines as a party draft. Over 150 lines because it is the one
// table of what each vCard property becomes; the value readers are in vcard-values.
import ICAL from 'ical.js';
import { normalizeEmail } from '../domain/email';
import type { PartyDraft } from '../domain/party';
import type { RelationshipKind } from '../domain/relationship';
import type { NameParts, ValueLabel } from '../domain/card-fields';
import { escapeText, unescapeText } from './content-line';
import { asKind, draftTooLarge, normalizeBreaks, unique } from './import-draft';
import { labelLine } from './vcard-label';
import { legacyLineAs30 } from './vcard-legacy';
import { plainNotes, type NoteWords } from './note-words';
import { splitLine, type CardLines, type LineParts, type LogicalLine } from './vcard-lines';
import { readCardLine, type ParsedProperty } from './vcard-parse';
import {
  addressOf,
  cardDateOf,
  partsOf,
  photoOf,
  textOf,
  typesOf,
  type Params,
  type TypeInfo,
} from './vcard-values';
import { uiText, type UiText } from '../domain/ui-text';

export interface CardWarning {
  line: number;
  message: UiText;
}
export type CardRead = { warnings: CardWarning[]; kindFromFile: boolean } & (
  | {
      draft: PartyDraft;
      /** The line each of the draft's phones was read from, in the order of its phones. */
      phoneLines?: number[];
    }
  | { error: UiText }
);

/** What the card says about the card, not the contact: not kept (its UID is, as cardUid). */
const ENVELOPE = new Set(['VERSION', 'PRODID', 'UID', 'REV']);
/** Properties read into fields; every other one is kept verbatim. */
const READ = new Set([
  'FN',
  'N',
  'NICKNAME',
  'ORG',
  'TITLE',
  'ROLE',
  'EMAIL',
  'TEL',
  'URL',
  'ADR',
  'LABEL',
  'BDAY',
  'ANNIVERSARY',
  'X-ANNIVERSARY',
  'PHOTO',
  'NOTE',
  'CATEGORIES',
  'KIND',
  'X-ABSHOWAS',
  'X-CLIENTELE-KIND',
]);
/** Grouped properties an `itemN.X-ABLabel` names. */
const LABELLED = new Set(['EMAIL', 'TEL', 'URL', 'ADR', 'ANNIVERSARY']);

/** Apple keeps an anniversary as `itemN.X-ABDATE` labelled `_$!<Anniversary>!$_`. */
function appleAnniversary(split: readonly SplitLine[]): void {
  let groups: Set<string> | undefined;
  for (const { parts: p } of split)
    if (p?.name === 'X-ABLABEL' && p.group && /^_\$!<Anniversary>!\$_$/i.test(p.value.trim()))
      (groups ??= new Set()).add(p.group);
  if (!groups) return;
  for (const { parts: p } of split)
    if (p?.name === 'X-ABDATE' && p.group && groups.has(p.group)) p.name = 'ANNIVERSARY';
}

/** What `all` gives for a property the card lacks: one shared empty list, not one per call. */
const NONE: readonly ReadProperty[] = [];

/** A card's line, split by readCard's first walk. */
type SplitLine = LogicalLine;

/** A property as read, with the line it starts on and its text as kept if not read. */
type ReadProperty = ParsedProperty & { params: Params; line: number; text: string };

interface Typed {
  value: string;
  info: TypeInfo;
  label?: string;
  /** The property it was read from. */
  p: ReadProperty;
}

/**
 * One card as a draft. A line that is no property at all is kept in the notes,
 * worded by `words` (the user's language), since it cannot be written back.
 */
export function readCard(
  card: CardLines,
  defaultKind: RelationshipKind,
  words: NoteWords = plainNotes,
): CardRead {
  const warnings: CardWarning[] = [];
  // Plain loops and few allocations: this runs for every card of a 50,000-card file,
  // and array spreads and flatMap here cost more than ical.js reading the card.
  const split: readonly SplitLine[] = card.lines;
  let version = '3.0';
  let grouped = false;
  for (const logical of split) {
    const parts = (logical.parts = splitLine(logical.text));
    if (parts?.name === 'VERSION' && version === '3.0') version = parts.value.trim();
    if (parts?.group !== undefined) grouped = true;
  }
  // Which groups have a property read into a field: their X-ABLabel is read with it.
  // Most cards have no groups, and then no Set, Map or second walk is made for them.
  let labelled: Set<string> | undefined;
  let labels: Map<string, string> | undefined;
  if (grouped) {
    appleAnniversary(split);
    for (const { parts } of split)
      if (parts?.group && LABELLED.has(parts.name)) (labelled ??= new Set()).add(parts.group);
    for (const { parts } of split)
      if (parts?.name === 'X-ABLABEL' && parts.group && labelled?.has(parts.group))
        (labels ??= new Map()).set(parts.group, unescapeText(parts.value.trim()));
  }
  const legacy = version === '2.1' || version === '2.0';
  const design = version.startsWith('4') ? ICAL.design.vcard : ICAL.design.vcard3;

  const kept: string[] = [];
  const notes: string[] = [];
  let uid: string | undefined;
  const props = new Map<string, ReadProperty[]>();
  for (const { line, text, parts } of split) {
    if (!parts) {
      warnings.push({ line, message: uiText('import_card_not_property') });
      notes.push(words('text_import_cardLineNote', text));
      continue;
    }
    const asText = legacy ? legacyLineAs30(parts) : text;
    if (parts.name === 'UID' && uid === undefined) uid = parts.value.trim() || undefined;
    if (ENVELOPE.has(parts.name)) continue;
    if (parts.name === 'X-ABLABEL' && parts.group && labelled?.has(parts.group)) continue;
    if (!READ.has(parts.name)) {
      kept.push(asText);
      continue;
    }
    let read = readCardLine(asText, design);
    // 2.1's bare parameters turn up in 3.0 cards too (Apple's `PHOTO;BASE64:`).
    if (!read && !legacy) read = readCardLine(legacyLineAs30(parts, { paramsOnly: true }), design);
    if (!read) {
      warnings.push({
        line,
        message: uiText('import_card_value_unreadable', { property: parts.name }),
      });
      kept.push(asText);
      continue;
    }
    // Each read is a new object with its own params: the line, the text as kept and
    // the group are set on it in place (a copy per property was the costliest line).
    const entry = read as ReadProperty;
    entry.line = line;
    entry.text = asText;
    if (parts.group !== undefined) entry.params.group = parts.group;
    const named = props.get(parts.name);
    if (named) named.push(entry);
    else props.set(parts.name, [entry]);
  }
  const all = (name: string): readonly ReadProperty[] => props.get(name) ?? NONE;
  const firstText = (name: string) => {
    const found = all(name)[0];
    return found ? textOf(found.value).trim() || undefined : undefined;
  };
  /** Keeps the rest of a single-valued property's lines verbatim. */
  const keepAfterFirst = (name: string) =>
    all(name)
      .slice(1)
      .forEach((p) => kept.push(p.text));
  const typed = (name: string, clean: (v: string) => string): Typed[] => {
    const values = all(name).map((p) => {
      const group = p.params.group as string | undefined;
      const label = group ? labels?.get(group) : undefined;
      return { value: clean(textOf(p.value).trim()), info: typesOf(p.params), label, p };
    });
    // The preferred value first; the card's order otherwise (a stable sort, and none
    // at all for the one or two values most cards have with no preference).
    const kept = values.filter((v) => v.value !== '');
    return kept.some((v) => v.info.preferred)
      ? kept.sort((a, b) => +b.info.preferred - +a.info.preferred)
      : kept;
  };

  const draft: PartyDraft = { name: '', kind: defaultKind, emails: [], phones: [], tags: [] };
  const emails: Typed[] = [];
  for (const email of typed('EMAIL', (v) => v.replace(/^mailto:/i, ''))) {
    if (normalizeEmail(email.value) !== null) emails.push(email);
    else {
      const { line, text } = email.p;
      warnings.push({
        line,
        message: uiText('import_card_bad_email', { value: email.value }),
      });
      kept.push(text);
      // Its label stays with it (only labels of values read into fields were set aside).
      const group = email.p.params.group as string | undefined;
      if (group && email.label !== undefined)
        kept.push(`${group}.X-ABLabel:${escapeText(email.label)}`);
    }
  }
  draft.emails = unique(emails.map((e) => e.value));
  const emailLabels = labelsOf(emails);
  if (emailLabels.length > 0) draft.emailLabels = emailLabels;
  const phones = typed('TEL', (v) => v.replace(/^tel:/i, ''));
  draft.phones = unique(phones.map((p) => p.value));
  // A phone's own line, so a warning about it (it cannot be read) names that line.
  const phoneLines =
    phones.length === 0
      ? undefined
      : draft.phones.map((value) => phones.find((p) => p.value === value)!.p.line);
  const phoneLabels = labelsOf(phones);
  if (phoneLabels.length > 0) draft.phoneLabels = phoneLabels;
  const sites = typed('URL', (v) => v);
  const urls = unique(sites.map((s) => s.value));
  if (urls[0]) draft.website = urls[0];
  if (urls.length > 1) draft.moreWebsites = urls.slice(1);
  const websiteLabels = labelsOf(sites);
  if (websiteLabels.length > 0) draft.websiteLabels = websiteLabels;

  const n = all('N')[0];
  if (n) {
    const [family, given, additional, prefix, suffix] = partsOf(n.value);
    const parts: NameParts = {};
    if (prefix) parts.prefix = prefix;
    if (given) parts.given = given;
    if (additional) parts.additional = additional;
    if (family) parts.family = family;
    if (suffix) parts.suffix = suffix;
    if (prefix || given || additional || family || suffix) draft.nameParts = parts;
  }
  keepAfterFirst('N');
  const org = all('ORG')[0];
  const [orgName, ...orgUnits] = org ? partsOf(org.value) : [];
  const organization = orgName || undefined;
  const units = orgUnits.filter(Boolean);
  keepAfterFirst('ORG');
  const nickname = all('NICKNAME')[0];
  if (nickname)
    draft.nickname = [nickname.value, ...nickname.values].map((v) => textOf(v)).join(', ');
  keepAfterFirst('NICKNAME');
  const title = firstText('TITLE');
  if (title) draft.title = title;
  keepAfterFirst('TITLE');
  const role = firstText('ROLE');
  if (role) draft.role = role;
  keepAfterFirst('ROLE');
  const fn = firstText('FN');
  keepAfterFirst('FN');
  const isOrg =
    firstText('KIND')?.toLowerCase() === 'org' ||
    firstText('X-ABSHOWAS')?.toUpperCase() === 'COMPANY';
  // The name from its parts only when the card has no FN (rare): not made for every card.
  const name = fn ?? (namePartsText(draft.nameParts) || organization || draft.emails[0]);
  if (!name) return { warnings, kindFromFile: false, error: uiText('import_card_no_name') };
  draft.name = name;
  draft.type = isOrg ? 'organization' : 'person';
  if (organization && !(isOrg && organization === name)) draft.organizationName = organization;
  if (units.length > 0) draft.organizationUnits = units;

  const addresses = all('ADR').map((p) => {
    const group = p.params.group as string | undefined;
    const info = typesOf(p.params);
    // A formatted label (4.0's LABEL parameter) is kept as the 3.0 LABEL line it would
    // be, as a 2.1 or 3.0 card's is: both go back out in either version (vcard-label).
    const formatted = textOf(p.params.label).trim();
    if (formatted !== '') {
      const line = labelLine(info.types, formatted);
      if (!kept.includes(line)) kept.push(line);
    }
    return addressOf(p.value, info, group ? labels?.get(group) : undefined);
  });
  const structured = addresses.length;
  for (const label of all('LABEL')) {
    // A formatted address (2.1, 3.0) is the ADR of its type written out: kept for export.
    // With no ADR of its type (Outlook writes a LABEL alone) it is the address itself.
    const { types } = typesOf(label.params);
    const written = addresses
      .slice(0, structured)
      .some((a) => types.length === 0 || sameTypes(a.types, types));
    if (written) {
      if (!kept.includes(label.text)) kept.push(label.text);
    } else addresses.push({ types, street: textOf(label.value).trim() });
  }
  if (addresses.length > 0) draft.addresses = addresses;

  for (const field of ['BDAY', 'ANNIVERSARY'] as const) {
    // 3.0 has no ANNIVERSARY: Clientele, Evolution and KDE write X-ANNIVERSARY.
    const found = field === 'ANNIVERSARY' ? [...all(field), ...all('X-ANNIVERSARY')] : all(field);
    found.forEach((p, i) => {
      const date = i === 0 ? cardDateOf(p.value, p.params) : undefined;
      if (date) draft[field === 'BDAY' ? 'birthday' : 'anniversary'] = date;
      else {
        const { line, text } = p;
        if (i === 0)
          warnings.push({
            line,
            message: uiText('import_card_bad_date', { value: textOf(p.value) }),
          });
        kept.push(text);
      }
    });
  }
  all('PHOTO').forEach((p, i) => {
    const photo = i === 0 ? photoOf(p.value, p.params) : ({ notInline: true } as const);
    const { line, text } = p;
    if ('photo' in photo) draft.photo = photo.photo;
    else if ('tooLarge' in photo)
      warnings.push({
        line,
        message: uiText('import_card_photo_too_large', {
          name,
          size: Math.round(photo.tooLarge / 1024),
        }),
      });
    else kept.push(text);
  });

  const kindText = firstText('X-CLIENTELE-KIND');
  const kind = kindText === undefined ? undefined : asKind(kindText);
  if (kindText !== undefined && kind === undefined) {
    const line = all('X-CLIENTELE-KIND')[0]!.line;
    warnings.push({
      line,
      message: uiText('import_card_unknown_kind', { value: kindText }),
    });
  }
  if (kind) draft.kind = kind;
  draft.tags = unique(
    all('CATEGORIES').flatMap((p) => [p.value, ...p.values].map((v) => textOf(v).trim())),
  );
  const noteTexts = all('NOTE')
    .map((p) => textOf(p.value))
    .filter((v) => v !== '');
  draft.notes = normalizeBreaks([...noteTexts, ...notes].join('\n\n'));
  if (kept.length > 0) draft.cardProperties = kept;
  if (uid !== undefined && uid.length <= 1000) draft.cardUid = uid;
  const tooLarge = draftTooLarge(draft);
  if (tooLarge) return { warnings, kindFromFile: false, error: tooLarge };
  return phoneLines
    ? { warnings, kindFromFile: kind !== undefined, draft, phoneLines }
    : { warnings, kindFromFile: kind !== undefined, draft };
}

/** Name parts as one name, in the order they are said; empty without parts. */
function namePartsText(parts: NameParts | undefined): string {
  if (!parts) return '';
  return [parts.prefix, parts.given, parts.additional, parts.family, parts.suffix]
    .filter(Boolean)
    .join(' ');
}

/** The types and labels of values that have any. */
function labelsOf(values: readonly Typed[]): ValueLabel[] {
  const out: ValueLabel[] = [];
  for (const { value, info, label } of values) {
    const named = label ?? info.label;
    if (info.types.length === 0 && !named) continue;
    out.push(named ? { value, types: info.types, label: named } : { value, types: info.types });
  }
  return out;
}

export type { LineParts };

const sameTypes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((type) => b.includes(type));
