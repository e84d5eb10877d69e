import {
  changeKind,
  describeIssues,
  emailDomain,
  newId,
  newParty,
  nextCheckIn,
  normalizeDomain,
  normalizeEmails,
  normalizePhones,
  PartyDraftSchema,
  PartyPatchSchema,
  PartySchema,
  withoutUndefined,
  err,
  ok,
  refusal,
  type CadenceDefaults,
  type Clock,
  type Party,
  type PartyDraft,
  type PartyPatch,
  type RelationshipKind,
  type Result,
} from '../domain';
import { tidyCardFields } from '../domain/card-values';
import { ProspectInfoSchema, type ProspectInfo } from '../domain/party';
import { isFreeMailDomain } from './free-mail';
import { inTransaction } from './in-transaction';
import type { ClienteleDb, GetDb } from './open';
import { projectParty } from './search-projection';

export interface RepositoryContext {
  getDb: GetDb;
  clock: Clock;
  /** Read when needed, so a change in the options applies at once. */
  settings: () => Promise<{ region: string; cadence: CadenceDefaults }>;
}

export type CreatePartyOutcome =
  { created: true; party: Party } | { created: false; party: Party; matchedBy: 'email' | 'phone' };

const WRITE = { durability: 'strict' } as const;

/**
 * Creates a party, or returns the existing one when a normalised email or phone is
 * already on file (the caller says so to the user). Lookup and write share one
 * transaction, so two simultaneous captures of the same address make one record.
 */
export async function createParty(
  context: RepositoryContext,
  draft: PartyDraft,
): Promise<Result<CreatePartyOutcome>> {
  const parsed = PartyDraftSchema.safeParse(draft);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const { region, cadence } = await context.settings();
  const built = newParty(parsed.data, { id: newId(), now: context.clock(), region, cadence });
  if (!built.ok) return built;
  const party = built.value;

  const db = await context.getDb();
  const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite', WRITE);
  return inTransaction(tx, async (): Promise<Result<CreatePartyOutcome>> => {
    const parties = tx.objectStore('parties');
    for (const email of party.emails) {
      const existing = await parties.index('byEmail').get(email);
      if (existing)
        return ok({ created: false, party: PartySchema.parse(existing), matchedBy: 'email' });
    }
    for (const phone of party.phones) {
      const existing = await parties.index('byPhone').get(phone);
      if (existing)
        return ok({ created: false, party: PartySchema.parse(existing), matchedBy: 'phone' });
    }
    const organization = await organizationFor(party, (domain) =>
      parties.index('byDomain').getAll(domain),
    );
    const stored = organization
      ? {
          ...party,
          organizationId: organization.id,
          organizationName: party.organizationName ?? organization.name,
        }
      : party;
    await parties.add(stored);
    await projectParty(tx, stored);
    return ok({ created: true, party: stored });
  });
}

/** A person whose address is at an organization's domain works there (free-mail aside). */
async function organizationFor(
  party: Party,
  byDomain: (domain: string) => Promise<Party[]>,
): Promise<Party | undefined> {
  if (party.type !== 'person') return undefined;
  for (const email of party.emails) {
    const domain = emailDomain(email);
    if (isFreeMailDomain(domain)) continue;
    // Any party may list domains: look past people to the organization among them.
    const organization = (await byDomain(domain)).find((match) => match.type === 'organization');
    if (organization) return organization;
  }
  return undefined;
}

export async function getParty(getDb: GetDb, id: string): Promise<Party | undefined> {
  const db = await getDb();
  const value = await db.get('parties', id);
  return value === undefined ? undefined : PartySchema.parse(value);
}

/**
 * Which of these normalised addresses and E.164 phones belong to a party, in one
 * read transaction (the content script asks about every contact on a page at once).
 */
export function findPartiesByContacts(
  db: ClienteleDb,
  lookup: ContactLookup,
): Promise<{ byEmail: Map<string, Party>; byPhone: Map<string, Party> }> {
  const tx = db.transaction('parties', 'readonly');
  return readByContacts(tx, lookup, (value) => PartySchema.parse(value));
}

/** Only what a highlight needs of a known contact (lib/db/contact-kinds.ts): which record, and its kind. */
export type PartyKind = { id: string; kind: RelationshipKind };

export interface ContactLookup {
  emails?: readonly string[];
  phones?: readonly string[];
}

/** A read transaction that includes the parties store. */
interface PartiesRead {
  objectStore(name: 'parties'): {
    index(name: 'byEmail' | 'byPhone'): { get(key: string): Promise<unknown> };
  };
  done: Promise<void>;
}

/**
 * Every index read issued at once in the caller's read transaction, then each record
 * found parsed. It answers as soon as the reads have: a read-only transaction has
 * nothing to commit, and waiting for its `complete` event costs one more round trip to
 * the browser's storage process, a third of a one-address lookup.
 */
export async function readByContacts<T>(
  tx: PartiesRead,
  lookup: ContactLookup,
  parse: (value: unknown) => T,
): Promise<{ byEmail: Map<string, T>; byPhone: Map<string, T> }> {
  const emails = [...new Set(lookup.emails ?? [])];
  const phones = [...new Set(lookup.phones ?? [])];
  const byEmailIndex = tx.objectStore('parties').index('byEmail');
  const byPhoneIndex = tx.objectStore('parties').index('byPhone');
  const [foundEmails, foundPhones] = await Promise.all([
    Promise.all(emails.map((email) => byEmailIndex.get(email))),
    Promise.all(phones.map((phone) => byPhoneIndex.get(phone))),
  ]);
  // Its failure after the reads succeeded changes nothing that was read.
  tx.done.catch(() => undefined);
  const collect = (keys: string[], found: unknown[]) => {
    const map = new Map<string, T>();
    keys.forEach((key, i) => {
      const party = found[i];
      if (party) map.set(key, parse(party));
    });
    return map;
  };
  return { byEmail: collect(emails, foundEmails), byPhone: collect(phones, foundPhones) };
}

/** Moves a party to another kind; the change is dated in its history. */
export async function setPartyKind(
  context: RepositoryContext,
  id: string,
  kind: RelationshipKind,
  reason?: string,
): Promise<Result<Party>> {
  const { cadence } = await context.settings();
  const db = await context.getDb();
  const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite', WRITE);
  return inTransaction(tx, async (): Promise<Result<Party>> => {
    const current = await tx.objectStore('parties').get(id);
    if (!current) return err(refusal('not_found', 'error_record_gone'));
    const moved = changeKind(PartySchema.parse(current), kind, context.clock(), reason);
    const updated = withoutUndefined({ ...moved, nextCheckInAt: nextCheckIn(moved, cadence) });
    await tx.objectStore('parties').put(updated);
    await projectParty(tx, updated);
    return ok(updated);
  });
}

/** Optional fields a patch may empty, since a message cannot carry `undefined`. */
export type ClearableField = 'organizationName' | 'title' | 'website' | 'checkInDays';

/**
 * Changes a party's details in place. Emails and phones are normalised as on
 * creation, and one already on another party's record is refused (the user merges
 * instead); the search row is rewritten in the same transaction.
 */
export async function updateParty(
  context: RepositoryContext,
  id: string,
  patch: PartyPatch,
  clear: readonly ClearableField[] = [],
): Promise<Result<Party>> {
  const parsed = PartyPatchSchema.safeParse(patch);
  if (!parsed.success) return err({ code: 'invalid', message: describeIssues(parsed.error) });
  const { region, cadence } = await context.settings();
  const changes: Partial<Party> = { ...parsed.data };
  if (parsed.data.emails) {
    const emails = normalizeEmails(parsed.data.emails);
    if (!emails.ok) return emails;
    changes.emails = emails.value;
  }
  if (parsed.data.phones) {
    const phones = normalizePhones(parsed.data.phones, region);
    if (!phones.ok) return phones;
    changes.phones = phones.value;
  }
  if (parsed.data.domains) {
    const domains = normalizeDomains(parsed.data.domains);
    if (!domains.ok) return domains;
    changes.domains = domains.value;
  }

  const db = await context.getDb();
  const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite', WRITE);
  return inTransaction(tx, async (): Promise<Result<Party>> => {
    const parties = tx.objectStore('parties');
    const stored = await parties.get(id);
    if (!stored) return err(refusal('not_found', 'error_record_gone'));
    const current = PartySchema.parse(stored);
    for (const email of (changes.emails ?? []).filter((e) => !current.emails.includes(e))) {
      const owner = await parties.index('byEmail').get(email);
      if (owner && owner.id !== id) return clash(email, owner.name);
    }
    for (const phone of (changes.phones ?? []).filter((p) => !current.phones.includes(p))) {
      const owner = await parties.index('byPhone').get(phone);
      if (owner && owner.id !== id) return clash(phone, owner.name);
    }
    const next: Party = tidyCardFields(
      { ...current, ...changes, updatedAt: context.clock() },
      region,
    );
    for (const field of clear) delete next[field];
    // An empty text means "none": the stored record has no such key at all.
    for (const field of ['organizationName', 'title', 'website'] as const)
      if (next[field] === '') delete next[field];
    // A renamed organization is no longer the one the record was linked to.
    if (next.organizationName !== current.organizationName) delete next.organizationId;
    const updated = PartySchema.parse(
      withoutUndefined({ ...next, nextCheckInAt: nextCheckIn(next, cadence) }),
    );
    await parties.put(updated);
    await projectParty(tx, updated);
    return ok(updated);
  });
}

function clash(value: string, ownerName: string): Result<never> {
  return err(refusal('duplicate', 'error_already_on_record', { value, owner: ownerName }));
}

function normalizeDomains(raw: readonly string[]): Result<string[]> {
  const out: string[] = [];
  for (const value of raw) {
    if (value.trim() === '') continue;
    const domain = normalizeDomain(value);
    if (domain === null) return err(refusal('invalid_domain', 'error_not_domain', { value }));
    if (!out.includes(domain)) out.push(domain);
  }
  return ok(out);
}

/** Sets a prospect's source, stage and next step. Only prospects carry these. */
export async function updateProspect(
  context: RepositoryContext,
  id: string,
  info: ProspectInfo,
): Promise<Result<Party>> {
  const parsedInfo = ProspectInfoSchema.safeParse(info);
  if (!parsedInfo.success)
    return err({ code: 'invalid', message: describeIssues(parsedInfo.error) });
  const db = await context.getDb();
  const tx = db.transaction(['parties'], 'readwrite', WRITE);
  return inTransaction(tx, async (): Promise<Result<Party>> => {
    const current = await tx.objectStore('parties').get(id);
    if (!current) return err(refusal('not_found', 'error_record_gone'));
    const party = PartySchema.parse(current);
    if (party.kind !== 'prospect')
      return err(refusal('invalid', 'error_not_prospect', { name: party.name }));
    const prospect = withoutUndefined(parsedInfo.data);
    const updated = { ...party, prospect, updatedAt: context.clock() };
    await tx.objectStore('parties').put(updated);
    return ok(updated);
  });
}
