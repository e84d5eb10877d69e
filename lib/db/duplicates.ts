import { emailDomain } from '../domain/email';
import { foldText } from '../domain/fold';
import { inTransaction } from './in-transaction';
import { PartySchema, type Party } from '../domain/party';
import { err, ok, refusal, type Result } from '../domain/result';
import { isFreeMailDomain } from './free-mail';
import type { GetDb } from './open';
import type { RepositoryContext } from './party-repository';
import { projectParty } from './search-projection';

export type DuplicateReasonCode = 'email' | 'phone' | 'name-organization' | 'works-at';

/**
 * Why two records look like one, with the values that match (the page words it):
 * `email` and `phone` name the `value`; `name-organization` the `name` and, for a
 * person, the `organization`; `works-at` the `domain` and the `organization`.
 */
export interface DuplicateReason {
  code: DuplicateReasonCode;
  params: Record<string, string>;
}

export type PartyBrief = Pick<
  Party,
  'id' | 'name' | 'type' | 'kind' | 'emails' | 'phones' | 'organizationName' | 'updatedAt'
>;

/**
 * Two records that look like one (`merge`), or a person whose address is at an
 * organization's domain and who is not yet linked to it (`link`, `a` the person).
 */
export interface CandidatePair {
  action: 'merge' | 'link';
  a: PartyBrief;
  b: PartyBrief;
  reasons: DuplicateReason[];
}

/** More records than this sharing one value is a shared mailbox, not a duplicate. */
const LARGEST_GROUP = 25;
const MOST_PAIRS = 500;
const STRENGTH: Record<DuplicateReasonCode, number> = {
  email: 3,
  phone: 2,
  'name-organization': 1,
  'works-at': 0,
};

/**
 * Candidate duplicates over the whole book, with the reasons for each: the same
 * normalised email, the same E.164 phone, or the same folded name at the same
 * organization (two organizations with the same folded name count too). Also
 * people to link to an organization whose domain their email is at.
 * Strongest first; at most 500 pairs.
 */
export function findCandidatePairs(parties: readonly Party[]): CandidatePair[] {
  const pairs = new Map<string, { a: Party; b: Party; reasons: DuplicateReason[] }>();
  const note = (a: Party, b: Party, reason: DuplicateReason) => {
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    const key = `${first.id}\u0000${second.id}`;
    const pair = pairs.get(key) ?? { a: first, b: second, reasons: [] };
    if (!pair.reasons.some((r) => r.code === reason.code)) pair.reasons.push(reason);
    pairs.set(key, pair);
  };
  const group = (keyOf: (party: Party) => string[], reason: (key: string) => DuplicateReason) => {
    const groups = new Map<string, Party[]>();
    for (const party of parties)
      for (const key of new Set(keyOf(party))) {
        const members = groups.get(key);
        if (members) members.push(party);
        else groups.set(key, [party]);
      }
    for (const [key, members] of groups) {
      if (members.length < 2 || members.length > LARGEST_GROUP) continue;
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++)
          note(members[i] as Party, members[j] as Party, reason(key));
    }
  };

  group(
    (p) => p.emails,
    (email) => ({ code: 'email', params: { value: email } }),
  );
  group(
    (p) => p.phones,
    (phone) => ({ code: 'phone', params: { value: phone } }),
  );
  const names = new Map<string, Record<string, string>>();
  group(
    (p) => {
      const organization = p.type === 'organization' ? '' : foldText(p.organizationName ?? '');
      if (p.type === 'person' && organization === '') return [];
      const key = `${p.type}\u0000${foldText(p.name)}\u0000${organization}`;
      names.set(
        key,
        p.type === 'person'
          ? { name: p.name, organization: p.organizationName ?? '' }
          : { name: p.name },
      );
      return [key];
    },
    (key) => ({ code: 'name-organization', params: names.get(key) ?? {} }),
  );

  const merges = [...pairs.values()].map((pair) => ({ action: 'merge' as const, ...pair }));
  const links = linkCandidates(parties).filter(
    (link) => !pairs.has([link.a.id, link.b.id].sort().join('\u0000')),
  );
  return [...merges.sort(byStrength), ...links]
    .slice(0, MOST_PAIRS)
    .map(({ action, a, b, reasons }) => ({ action, a: brief(a), b: brief(b), reasons }));
}

function linkCandidates(parties: readonly Party[]) {
  const organizations = new Map<string, Party>();
  for (const party of parties)
    if (party.type === 'organization')
      for (const domain of party.domains)
        if (!organizations.has(domain)) organizations.set(domain, party);
  const links: { action: 'link'; a: Party; b: Party; reasons: DuplicateReason[] }[] = [];
  for (const person of parties) {
    if (person.type !== 'person') continue;
    for (const domain of new Set(person.emails.map(emailDomain))) {
      const organization = organizations.get(domain);
      if (!organization || isFreeMailDomain(domain) || person.organizationId === organization.id)
        continue;
      links.push({
        action: 'link',
        a: person,
        b: organization,
        reasons: [{ code: 'works-at', params: { domain, organization: organization.name } }],
      });
      break;
    }
  }
  return links.sort((x, y) => x.a.name.localeCompare(y.a.name));
}

function byStrength(x: { reasons: DuplicateReason[] }, y: { reasons: DuplicateReason[] }): number {
  const score = (pair: { reasons: DuplicateReason[] }) =>
    pair.reasons.reduce((sum, r) => sum + 10 ** STRENGTH[r.code], 0);
  return score(y) - score(x);
}

function brief(party: Party): PartyBrief {
  const { id, name, type, kind, emails, phones, organizationName, updatedAt } = party;
  return {
    id,
    name,
    type,
    kind,
    emails,
    phones,
    updatedAt,
    ...(organizationName ? { organizationName } : {}),
  };
}

/** Reads the whole book and finds candidate pairs in it. */
export async function findDuplicates(getDb: GetDb): Promise<CandidatePair[]> {
  const db = await getDb();
  const parties = (await db.getAll('parties')).map((p) => PartySchema.parse(p));
  return findCandidatePairs(parties);
}

/** Links a person to the organization whose domain their email is at. */
export async function linkToOrganization(
  context: Pick<RepositoryContext, 'getDb' | 'clock'>,
  personId: string,
  organizationId: string,
): Promise<Result<Party>> {
  const db = await context.getDb();
  const tx = db.transaction(['parties', 'searchBuckets'], 'readwrite', { durability: 'strict' });
  return inTransaction(tx, async (): Promise<Result<Party>> => {
    const [person, organization] = await Promise.all([
      tx.objectStore('parties').get(personId),
      tx.objectStore('parties').get(organizationId),
    ]);
    if (!person || !organization) return err(refusal('not_found', 'error_record_gone'));
    const org = PartySchema.parse(organization);
    const linked = PartySchema.parse(person);
    if (org.type !== 'organization' || linked.type !== 'person')
      return err(refusal('invalid', 'error_link_person_only'));
    const updated: Party = {
      ...linked,
      organizationId: org.id,
      organizationName: org.name,
      updatedAt: context.clock(),
    };
    await tx.objectStore('parties').put(updated);
    await projectParty(tx, updated);
    return ok(updated);
  });
}
