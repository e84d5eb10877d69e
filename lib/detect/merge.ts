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
export function mergeFindings(findings: readonly Finding[]): DetectedContact[] {
  const groups = groupByIdentity(findings);
  return groups.map((group) => toContact(group));
}

function identities(finding: Finding): string[] {
  const keys = finding.email ? [`e:${finding.email}`] : [];
  for (const phone of finding.phones ?? []) {
    const key = phoneKey(phone);
    if (key.length >= 6) keys.push(`p:${key}`);
  }
  return keys;
}

/** Union-find over identities, keeping the order in which people were first seen. */
function groupByIdentity(findings: readonly Finding[]): Finding[][] {
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const owner = new Map<string, number>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const keys = identities(finding);
    if (keys.length === 0) continue;
    const index = kept.push(finding) - 1;
    parent[index] = index;
    for (const key of keys) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, index);
      else {
        const a = find(other);
        const b = find(index);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const groups = new Map<number, Finding[]>();
  kept.forEach((finding, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(finding);
    else groups.set(root, [finding]);
  });
  return [...groups.values()];
}

function toContact(group: Finding[]): DetectedContact {
  const surest = [...group].sort((a, b) => b.confidence - a.confidence);
  const pick = <K extends 'name' | 'organization' | 'title' | 'website'>(field: K) =>
    surest.find((finding) => finding[field])?.[field];

  const emails: string[] = [];
  const phones: string[] = [];
  const phoneKeys = new Set<string>();
  const bestBySource = new Map<Finding['source'], number>();
  let role: ContactRole | undefined;
  for (const finding of group) {
    if (finding.email && !emails.includes(finding.email)) emails.push(finding.email);
    for (const phone of finding.phones ?? []) {
      const key = phoneKey(phone);
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
  }
  let doubt = 1;
  for (const confidence of bestBySource.values()) doubt *= 1 - confidence;

  const contact: DetectedContact = {
    emails,
    phones,
    sources: [...bestBySource.keys()],
    confidence: 1 - doubt,
  };
  const name = pick('name');
  const organization = pick('organization');
  const title = pick('title');
  const website = pick('website');
  if (name) contact.name = name;
  if (organization) contact.organization = organization;
  if (title) contact.title = title;
  if (website) contact.website = website;
  if (role) contact.role = role;
  return contact;
}
