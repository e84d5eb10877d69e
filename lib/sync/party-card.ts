// Over 300 lines because the way out (partyToCard) and the way back in (cardToParty)
// of each property sit side by side: a property changed on one side only is the bug
// this file most invites.
import ICAL from 'ical.js';
import { z } from 'zod';
import { normalizeEmail } from '../domain/email';
import { EngagementSchema, type Engagement } from '../domain/engagement';
import { CaptureSchema, PartySchema, ProspectInfoSchema, type Party } from '../domain/party';
import { normalizePhone } from '../domain/phone';
import { PurchaseSchema, type Purchase } from '../domain/purchase';
import {
  KindChangeSchema,
  RELATIONSHIP_KINDS,
  type RelationshipKind,
} from '../domain/relationship';
import {
  addJson,
  addText,
  firstJson,
  firstText,
  jsonValues,
  parseComponent,
  texts,
  utcDateTime,
} from './ical-values';
import { lazy } from '../domain/lazy';

export type CardVersion = '3.0' | '4.0';

/** A party with the dealings that travel inside its card. */
export interface PartyCard {
  party: Party;
  engagements: Engagement[];
  purchases: Purchase[];
}

const PRODID = '-//Clientele//Sync//EN';
const KIND_LABELS: Record<RelationshipKind, string> = {
  prospect: 'Prospect',
  customer: 'Customer',
  client: 'Client',
  former: 'Former client',
};

/**
 * Properties this mapping writes; everything else on a card (photos, addresses,
 * birthdays, Apple's `itemN.` labels, Android's custom rows) is someone else's and
 * is written back untouched. EMAIL and TEL are ours only when Clientele can read
 * the value: an address it cannot normalise stays on the card as it was.
 */
const OWNED = new Set([
  'version',
  'prodid',
  'uid',
  'rev',
  'fn',
  'kind',
  'x-abshowas',
  'org',
  'title',
  'note',
  'categories',
]);

export interface CardOptions {
  version: CardVersion;
  /** The server's last copy of this card, whose foreign properties are kept. */
  previous?: string | undefined;
  /** Region for reading phone numbers written without a country code. */
  region: string;
  /** Who writes this version: the sync user, shown as "changed by" on the other devices. */
  changedBy?: string | undefined;
}

/** Party ⇄ vCard (RFC 6350 4.0, or RFC 2426 3.0). UID is the party's id. */
export function partyToCard(card: PartyCard, options: CardOptions): string {
  const { party } = card;
  const previous = options.previous ? parseComponent(options.previous, 'vcard') : undefined;
  const out = new ICAL.Component('vcard');
  out.addPropertyWithValue('version', options.version);
  addText(out, 'prodid', PRODID);
  // A card that came in from a file or another app keeps the UID it was made with, so the
  // user's other apps see their own card; the record's id travels beside it.
  addText(out, 'uid', party.cardUid ?? party.id);
  if (party.cardUid && party.cardUid !== party.id) addText(out, 'x-clientele-id', party.id);
  addText(out, 'fn', party.name);
  const isOrg = party.type === 'organization';
  if (options.version === '4.0') addText(out, 'kind', isOrg ? 'org' : 'individual');
  else if (isOrg) addText(out, 'x-abshowas', 'COMPANY');
  const keptN = previous && firstText(previous, 'fn') === party.name;
  if (!keptN && (options.version === '3.0' || !isOrg)) out.addProperty(nameProperty(party, out));
  const org = party.organizationName ?? (isOrg ? party.name : undefined);
  if (org) {
    // One component: ical.js then escapes the `;` an organization's name may hold.
    const property = new ICAL.Property('org', out);
    property.setValue([org] as unknown);
    out.addProperty(property);
  }
  addText(out, 'title', party.title);
  reuseOrAdd(out, previous, 'email', party.emails, (raw) => normalizeEmail(raw), options);
  reuseOrAdd(out, previous, 'tel', party.phones, (raw) => readPhone(raw, options.region), options);
  if (party.website) out.addPropertyWithValue('url', party.website);
  const categories = new ICAL.Property('categories', out);
  categories.setValues([KIND_LABELS[party.kind], ...party.tags]);
  out.addProperty(categories);
  addText(out, 'note', party.notes);
  addText(out, 'x-clientele-kind', party.kind);
  for (const change of party.kindHistory) addJson(out, 'x-clientele-kind-history', change);
  if (party.prospect) addJson(out, 'x-clientele-prospect', party.prospect);
  if (party.checkInDays !== undefined)
    addText(out, 'x-clientele-check-in-days', String(party.checkInDays));
  for (const domain of party.domains) addText(out, 'x-clientele-domain', domain);
  addText(out, 'x-clientele-organization-id', party.organizationId);
  if (party.captured) addJson(out, 'x-clientele-captured', party.captured);
  addJson(out, 'x-clientele-times', times(party));
  for (const engagement of card.engagements) addJson(out, 'x-clientele-engagement', engagement);
  for (const purchase of card.purchases) addJson(out, 'x-clientele-purchase', purchase);
  addText(out, 'x-clientele-changed-by', options.changedBy);
  out.addPropertyWithValue('rev', utcDateTime(party.updatedAt));
  // The first URL is the party's website; further ones belong to whoever added them.
  const website = previous?.getFirstProperty('url');
  for (const property of previous?.getAllProperties() ?? []) {
    if (property === website || isOwned(property, options.region, keptN)) continue;
    out.addProperty(copyOf(property));
  }
  return out.toString() + '\r\n';
}

const TimesSchema = lazy(() =>
  z.object({
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
    lastInteractionAt: z.number().int().nonnegative().optional(),
    nextCheckInAt: z.number().int().nonnegative().optional(),
  }),
);

function times(party: Party): z.infer<typeof TimesSchema> {
  return {
    createdAt: party.createdAt,
    updatedAt: party.updatedAt,
    ...(party.lastInteractionAt !== undefined
      ? { lastInteractionAt: party.lastInteractionAt }
      : {}),
    ...(party.nextCheckInAt !== undefined ? { nextCheckInAt: party.nextCheckInAt } : {}),
  };
}

function isOwned(property: ICAL.Property, region: string, keptN: boolean | undefined): boolean {
  const name = property.name;
  if (OWNED.has(name) || name.startsWith('x-clientele-')) return true;
  if (name === 'n') return !keptN;
  const value = String(property.getFirstValue() ?? '');
  if (name === 'email') return normalizeEmail(value.replace(/^mailto:/i, '')) !== null;
  if (name === 'tel') return readPhone(value, region) !== null;
  return false;
}

/** Re-adds the card's own EMAIL/TEL property for an unchanged value, keeping its labels. */
function reuseOrAdd(
  out: ICAL.Component,
  previous: ICAL.Component | undefined,
  name: 'email' | 'tel',
  values: readonly string[],
  normalize: (raw: string) => string | null,
  options: CardOptions,
) {
  const old = previous?.getAllProperties(name) ?? [];
  values.forEach((value, index) => {
    const same = old.find((p) => normalize(String(p.getFirstValue() ?? '')) === value);
    if (same) return out.addProperty(copyOf(same));
    const property = new ICAL.Property(name, out);
    property.resetType('text');
    property.setValue(value);
    if (index === 0)
      property.setParameter(
        options.version === '4.0' ? 'pref' : 'type',
        options.version === '4.0' ? '1' : 'pref',
      );
    out.addProperty(property);
  });
}

/** ical.js moves a property it adds from its old parent; the server's card stays whole. */
function copyOf(property: ICAL.Property): ICAL.Property {
  return new ICAL.Property(property.toJSON() as unknown[]);
}

function readPhone(raw: string, region: string): string | null {
  return normalizePhone(raw.replace(/^tel:/i, ''), region);
}

/** Family;Given;;; — FN keeps the name as written; N only helps phones sort. */
function nameProperty(party: Party, out: ICAL.Component): ICAL.Property {
  const words = party.type === 'organization' ? [] : party.name.split(/\s+/);
  const family = words.length > 1 ? (words[words.length - 1] ?? '') : (words[0] ?? '');
  const given = words.length > 1 ? words.slice(0, -1).join(' ') : '';
  const property = new ICAL.Property('n', out);
  property.setValue([family, given, '', '', ''] as unknown);
  return property;
}

/** Who wrote a card's last version through Clientele (X-CLIENTELE-CHANGED-BY), if it says. */
export function cardChangedBy(text: string): string | undefined {
  const card = parseComponent(text, 'vcard');
  return card ? firstText(card, 'x-clientele-changed-by') || undefined : undefined;
}

export interface ReadCardOptions {
  region: string;
  /** The kind a card made by another app gets when its CATEGORIES name none. */
  defaultKind: RelationshipKind;
  /** For cards made elsewhere that carry no REV. */
  now: number;
}

export type CardRead = { ok: true; value: PartyCard } | { ok: false; error: string };

/** vCard → party. Cards made by phones and other apps come in as new records. */
export function cardToParty(text: string, options: ReadCardOptions): CardRead {
  const card = parseComponent(text, 'vcard');
  if (!card) return { ok: false, error: 'not a vCard' };
  const cardUid = firstText(card, 'uid');
  if (!cardUid) return { ok: false, error: 'the card has no UID' };
  // A card Clientele wrote under another app's UID names its record's id; any other
  // card's UID is the record's id, as a record made here has its id as its UID.
  const ownId = firstText(card, 'x-clientele-id');
  const uid = ownId && ownId !== cardUid ? ownId : cardUid.replace(/^urn:uuid:/i, '');
  const emails = unique(
    texts(card, 'email').flatMap((raw) => normalizeEmail(raw.replace(/^mailto:/i, '')) ?? []),
  );
  const phones = unique(texts(card, 'tel').flatMap((raw) => readPhone(raw, options.region) ?? []));
  const org = card
    .getFirstProperty('org')
    ?.getValues()
    .flat()
    .map(String)
    .filter(Boolean)
    .join('; ');
  const isOrg =
    firstText(card, 'kind')?.toLowerCase() === 'org' ||
    firstText(card, 'x-abshowas')?.toUpperCase() === 'COMPANY';
  const name = firstText(card, 'fn') || structuredName(card) || org || emails[0];
  if (!name) return { ok: false, error: 'the card has no name and no email address' };
  const { kind, tags } = kindAndTags(card, options.defaultKind);
  const rev = card.getFirstPropertyValue('rev');
  const revAt = rev instanceof ICAL.Time ? rev.toJSDate().getTime() : undefined;
  const stored = firstJson(card, 'x-clientele-times', TimesSchema);
  // Another app that edits the card moves REV on; then its time is the edit's time.
  const updatedAt =
    stored && (revAt === undefined || revAt < stored.updatedAt + 1000)
      ? stored.updatedAt
      : (revAt ?? options.now);
  const createdAt = stored?.createdAt ?? updatedAt;
  const history = jsonValues(card, 'x-clientele-kind-history', KindChangeSchema);
  const cadence = Number(firstText(card, 'x-clientele-check-in-days'));
  const candidate = {
    id: uid,
    type: isOrg ? 'organization' : 'person',
    name,
    kind,
    kindHistory:
      history.length > 0 && history[history.length - 1]?.kind === kind
        ? history
        : [
            ...history,
            { kind, ...(history.length ? { from: history.at(-1)?.kind } : {}), at: updatedAt },
          ],
    emails,
    phones,
    domains: texts(card, 'x-clientele-domain'),
    organizationId: firstText(card, 'x-clientele-organization-id'),
    organizationName: org && !(isOrg && org === name) ? org : undefined,
    title: firstText(card, 'title'),
    website: texts(card, 'url')[0],
    tags,
    notes: texts(card, 'note').join('\n\n'),
    captured: firstJson(card, 'x-clientele-captured', CaptureSchema),
    prospect:
      kind === 'prospect'
        ? (firstJson(card, 'x-clientele-prospect', ProspectInfoSchema) ?? { stage: 'new' })
        : undefined,
    checkInDays: Number.isInteger(cadence) && cadence > 0 ? cadence : undefined,
    lastInteractionAt: stored?.lastInteractionAt,
    nextCheckInAt: stored?.nextCheckInAt,
    createdAt,
    updatedAt,
    cardUid: uid === cardUid ? undefined : cardUid,
  };
  const party = PartySchema.safeParse(dropUndefined(candidate));
  if (!party.success) return { ok: false, error: party.error.issues[0]?.message ?? 'invalid card' };
  return {
    ok: true,
    value: {
      party: party.data,
      engagements: jsonValues(card, 'x-clientele-engagement', EngagementSchema).filter(
        (e) => e.partyId === uid,
      ),
      purchases: jsonValues(card, 'x-clientele-purchase', PurchaseSchema).filter(
        (p) => p.partyId === uid,
      ),
    },
  };
}

/**
 * Whether a card names a relationship kind (in CATEGORIES or X-CLIENTELE-KIND). One
 * that does not, as another app writes it, gets `defaultKind` from cardToParty: a
 * default, not something the card says.
 */
export function cardNamesKind(text: string): boolean {
  const card = parseComponent(text, 'vcard');
  if (!card) return false;
  return (
    texts(card, 'categories').some((label) => kindNamed(label) !== undefined) ||
    kindNamed(firstText(card, 'x-clientele-kind') ?? '') !== undefined
  );
}

/**
 * CATEGORIES carries the kind (as a label a phone shows) and the tags. A kind named
 * there wins over X-CLIENTELE-KIND, so regrouping a contact on the phone moves it.
 */
function kindAndTags(card: ICAL.Component, fallback: RelationshipKind) {
  const categories = unique(texts(card, 'categories'));
  const named = categories.map(kindNamed);
  const fromCategories = named.find((k) => k !== undefined);
  const stored = kindNamed(firstText(card, 'x-clientele-kind') ?? '');
  const kind = fromCategories ?? stored ?? fallback;
  const tags = categories.filter((_, i) => named[i] === undefined);
  return { kind, tags };
}

function kindNamed(label: string): RelationshipKind | undefined {
  const lower = label.trim().toLowerCase();
  return RELATIONSHIP_KINDS.find((k) => k === lower || KIND_LABELS[k].toLowerCase() === lower);
}

function structuredName(card: ICAL.Component): string {
  const value = card.getFirstPropertyValue('n') as unknown;
  if (!Array.isArray(value)) return typeof value === 'string' ? value.trim() : '';
  const [family, given, additional, prefix, suffix] = value.map((v) => String(v ?? ''));
  return [prefix, given, additional, family, suffix].filter((p) => p?.trim()).join(' ');
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
