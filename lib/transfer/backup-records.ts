import type { z } from 'zod';
import { EngagementSchema } from '../domain/engagement';
import { FollowUpSchema } from '../domain/follow-up';
import { InteractionSchema } from '../domain/interaction';
import { fieldOf } from '../domain/issues';
import { PartySchema } from '../domain/party';
import { PurchaseSchema } from '../domain/purchase';
import { err, ok, type Result } from '../domain/result';
import { ServiceSchema } from '../domain/service';
import {
  TombstoneSchema,
  UndoEntrySchema,
  type Tombstone,
  type UndoEntry,
} from '../domain/undo-entry';
import type { TransferStore } from './backup-format';
import { problemError, type ImportProblem } from './problems';
import type { Engagement, FollowUp, Interaction, Party, Purchase, Service } from '../domain';
import { uiText } from '../domain/ui-text';

export interface BackupRecords {
  parties: Party[];
  interactions: Interaction[];
  followUps: FollowUp[];
  services: Service[];
  engagements: Engagement[];
  purchases: Purchase[];
  /** Absent from backups written before Clientele kept them (restored as none). */
  undoEntries?: UndoEntry[];
  tombstones?: Tombstone[];
}
export type TransferRecords = Required<BackupRecords>;

export const RECORD_SCHEMAS: { [S in TransferStore]: z.ZodType<TransferRecords[S][number]> } = {
  parties: PartySchema,
  interactions: InteractionSchema,
  followUps: FollowUpSchema,
  services: ServiceSchema,
  engagements: EngagementSchema,
  purchases: PurchaseSchema,
  undoEntries: UndoEntrySchema,
  tombstones: TombstoneSchema,
};

/**
 * Parses one store's records (or a slice of them starting at `offset`) with the
 * domain schemas. The first bad record stops it and is named by its path, the
 * record's id when it has one, and what is wrong: "stores.parties[12] (id a1…):
 * emails.0: not a normalised email address".
 */
export function parseBackupRecords<S extends TransferStore>(
  store: S,
  records: readonly unknown[],
  offset = 0,
): Result<TransferRecords[S], ImportProblem> {
  const schema = RECORD_SCHEMAS[store];
  const parsed: TransferRecords[S][number][] = [];
  for (let index = 0; index < records.length; index++) {
    const result = schema.safeParse(records[index]);
    if (!result.success) {
      const path = `stores.${store}[${offset + index}]`;
      const id = idOf(records[index]);
      return err(
        problemError(
          uiText('import_backup_invalid_record', {
            field: fieldOf(result.error),
            ...(id ? { id } : {}),
          }),
          { path },
        ),
      );
    }
    parsed.push(result.data);
  }
  return ok(parsed as TransferRecords[S]);
}

function idOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || !('id' in record)) return undefined;
  const id = record.id;
  return typeof id === 'string' ? id.slice(0, 64) : undefined;
}

/**
 * What the store itself would refuse, found before anything is written: the same
 * id twice in one store, and (interactions) the same request id twice.
 */
export function findConflicts(records: BackupRecords): ImportProblem | undefined {
  for (const store of Object.keys(records) as TransferStore[]) {
    const seen = new Set<string>();
    for (const [index, record] of (records[store] ?? []).entries()) {
      if (seen.has(record.id))
        return problemError(uiText('import_backup_duplicate_id', { id: record.id }), {
          path: `stores.${store}[${index}]`,
        });
      seen.add(record.id);
    }
  }
  const requests = new Set<string>();
  for (const [index, interaction] of records.interactions.entries()) {
    if (requests.has(interaction.requestId))
      return problemError(
        uiText('import_backup_duplicate_request', { id: interaction.requestId }),
        {
          path: `stores.interactions[${index}]`,
        },
      );
    requests.add(interaction.requestId);
  }
  return undefined;
}
