import type { ContactRole, DetectedContact, Finding } from './types';

/** The digits that identify a phone however it is written: the last ten. */
export function phoneKey(raw: string): string {
  return raw
    .replace(/;ext=.*$|\s*(ext|x)\.?\s*\d+$/i, '')
    .replace(/\D/g, '')
    .slice(-10);
}

const ROLE_RANK: Record<ContactRole, number> = {
  sender: 5,
  recipient: 4,
  cc: 3,
  signature: 2,
  quoted: 1,
};

/**
 * Findings about the same person become one contact: findings that share an email
 * or a phone are joined (transitively: a JSON-LD person with an email and a phone
 * joins a `tel:` link with that phone). Each field comes from the surest finding
 * that has it; each further detector that saw the person raises the confidence.
 */
export function contactsFromFindings(findings: readonly Finding[]): DetectedContact[] {
  // A page writes the same numbers again and again: each is keyed once per call.
  const keys = new Map<string, string>();
  const contacts: DetectedContact[] = [];
  for (const group of groupByIdentity(findings, keys)) contacts.push(toContact(group, keys));
  return contacts;
}

/** `phoneKey`, remembered in `keys`. */
function keyOf(phone: string, keys: Map<string, string>): string {
  let key = keys.get(phone);
  if (key === undefined) {
    key = phoneKey(phone);
    keys.set(phone, key);
  }
  return key;
}

/**
 * Union-find over identities (an email; a phone's key of six digits or more), keeping
 * the order in which people were first seen. A group's root is its first finding.
 * (Plain functions, not closures made per call: the optimised code then serves every
 * call.)
 */
function groupByIdentity(findings: readonly Finding[], keys: Map<string, string>): Finding[][] {
  const parent: number[] = [];
  const kept: Finding[] = [];
  const emailOwners = new Map<string, number>();
  const phoneOwners = new Map<string, number>();
  for (const finding of findings) {
    let index = -1;
    if (finding.email) {
      index = kept.push(finding) - 1;
      parent.push(index);
      join(parent, emailOwners, finding.email, index);
    }
    for (const phone of finding.phones ?? []) {
      const key = keyOf(phone, keys);
      if (key.length < 6) continue;
      if (index < 0) {
        index = kept.push(finding) - 1;
        parent.push(index);
      }
      join(parent, phoneOwners, key, index);
    }
  }
  const groups: Finding[][] = [];
  const groupOfRoot: number[] = [];
  for (let index = 0; index < kept.length; index++) {
    const root = find(parent, index);
    groupOfRoot.push(root === index ? groups.length : -1);
    if (root === index) groups.push([kept[index]!]);
    else groups[groupOfRoot[root]!]!.push(kept[index]!);
  }
  return groups;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/** Joins `index` with the finding that first had `key`, or makes it that finding. */
function join(parent: number[], owners: Map<string, number>, key: string, index: number): void {
  const other = owners.get(key);
  if (other === undefined) owners.set(key, index);
  else {
    const a = find(parent, other);
    const b = find(parent, index);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
}

function toContact(group: Finding[], keys: Map<string, string>): DetectedContact {
  const emails: string[] = [];
  const phones: string[] = [];
  const phoneKeys = new Set<string>();
  const bestBySource = new Map<Finding['source'], number>();
  let role: ContactRole | undefined;
  // Each field from the surest finding that has it, the first of equally sure ones.
  let name: Finding | undefined;
  let organization: Finding | undefined;
  let title: Finding | undefined;
  let website: Finding | undefined;
  for (const finding of group) {
    if (finding.email && !emails.includes(finding.email)) emails.push(finding.email);
    for (const phone of finding.phones ?? []) {
      const key = keyOf(phone, keys);
      if (!phoneKeys.has(key)) {
        phoneKeys.add(key);
        phones.push(phone.trim());
      }
    }
    bestBySource.set(
      finding.source,
      Math.max(bestBySource.get(finding.source) ?? 0, finding.confidence),
    );
    if (finding.role && (!role || ROLE_RANK[finding.role] > ROLE_RANK[role])) role = finding.role;
    if (finding.name && (!name || finding.confidence > name.confidence)) name = finding;
    if (finding.organization && (!organization || finding.confidence > organization.confidence))
      organization = finding;
    if (finding.title && (!title || finding.confidence > title.confidence)) title = finding;
    if (finding.website && (!website || finding.confidence > website.confidence)) website = finding;
  }
  let doubt = 1;
  for (const confidence of bestBySource.values()) doubt *= 1 - confidence;

  const contact: DetectedContact = {
    emails,
    phones,
    sources: [...bestBySource.keys()],
    confidence: 1 - doubt,
  };
  if (name?.name) contact.name = name.name;
  if (organization?.organization) contact.organization = organization.organization;
  if (title?.title) contact.title = title.title;
  if (website?.website) contact.website = website.website;
  if (role) contact.role = role;
  return contact;
}
