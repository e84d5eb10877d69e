import { foldText, type Party } from '../../lib/domain';
import type { ClienteleDb, GetDb } from '../../lib/db/open';
import { readStorePage } from '../../lib/db/backup-repository';
import { findPartiesByContacts } from '../../lib/db/party-repository';
import type { SearchRow } from '../../lib/db/search-row';
import { BACKUP_STORES, type BackupStore } from '../../lib/transfer/backup-format';
import type { BackupRecords } from '../../lib/transfer/backup-records';

/* Whole-store reads the tests compare against; the product reads a page or a bucket at a time. */

/** Every record of every backed-up store (tests and small books; the UI reads pages). */
export async function readAllRecords(getDb: GetDb): Promise<BackupRecords> {
  const out = {} as Record<BackupStore, unknown[]>;
  for (const store of BACKUP_STORES) {
    const records: unknown[] = [];
    let after: string | undefined;
    do {
      const page = await readStorePage(getDb, store, { after, limit: 5000 });
      records.push(...page.records);
      after = page.next;
    } while (after !== undefined);
    out[store] = records;
  }
  return out as unknown as BackupRecords;
}

/** Which of these normalised addresses belong to a party. */
export async function findPartiesByEmails(
  db: ClienteleDb,
  emails: readonly string[],
): Promise<Map<string, Party>> {
  return (await findPartiesByContacts(db, { emails })).byEmail;
}

/** A party's search row built directly, to compare the projection's rows with. */
export function toSearchRow(party: Party): SearchRow {
  const row: SearchRow = {
    id: party.id,
    name: party.name,
    kind: party.kind,
    type: party.type,
    emails: party.emails,
    phones: party.phones,
    text: foldText([party.name, party.organizationName ?? '', ...party.emails].join(' ')),
  };
  if (party.organizationName) row.organization = party.organizationName;
  if (party.lastInteractionAt !== undefined) row.lastInteractionAt = party.lastInteractionAt;
  return row;
}
