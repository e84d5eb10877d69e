import { followUpEditedAt, type FollowUp } from '../domain/follow-up';
import type { Interaction } from '../domain/interaction';
import type { RelationshipKind } from '../domain/relationship';
import {
  followUpToTodo,
  interactionToJournal,
  itemChangedBy,
  journalToInteraction,
  todoToFollowUp,
} from './calendar-items';
import { mergeRecord, type FieldConflict } from './merge';
import type { RecordType } from './outbox';
import {
  cardChangedBy,
  cardToParty,
  partyToCard,
  type CardVersion,
  type PartyCard,
} from './party-card';

/** One record as sync sees it: its type and its value. */
export type SyncRecord =
  | { type: 'party'; value: PartyCard }
  | { type: 'followUp'; value: FollowUp }
  | { type: 'interaction'; value: Interaction };

export interface CodecContext {
  cardVersion: CardVersion;
  region: string;
  defaultKind: RelationshipKind;
  now: number;
  /** The sync user writing: carried in each card, task and journal entry as who changed it last. */
  identity?: string | undefined;
}

export function idOf(record: SyncRecord): string {
  return record.type === 'party' ? record.value.party.id : record.value.id;
}

/** When the record was last edited: the side edited later wins a field both changed. */
export function editedAt(record: SyncRecord): number {
  if (record.type === 'party') return record.value.party.updatedAt;
  if (record.type === 'followUp') return followUpEditedAt(record.value);
  return record.value.createdAt;
}

export function collectionOf(type: RecordType): 'addressbook' | 'calendar' {
  return type === 'party' ? 'addressbook' : 'calendar';
}

export function fileName(type: RecordType, id: string): string {
  return `${encodeURIComponent(id)}${type === 'party' ? '.vcf' : '.ics'}`;
}

export function contentType(type: RecordType): string {
  return type === 'party' ? 'text/vcard' : 'text/calendar';
}

/** The object's text, keeping what other apps put on the server's copy (`previous`). */
export function encode(
  record: SyncRecord,
  previous: string | undefined,
  context: CodecContext,
  partyName: string,
): string {
  if (record.type === 'party')
    return partyToCard(record.value, {
      version: context.cardVersion,
      previous,
      region: context.region,
      changedBy: context.identity,
    });
  if (record.type === 'followUp')
    return followUpToTodo(record.value, partyName, previous, context.identity);
  return interactionToJournal(record.value, previous, context.identity);
}

/** Who wrote the server's copy through Clientele (X-CLIENTELE-CHANGED-BY); another app's says nothing. */
export function changedByOf(type: RecordType, text: string): string | undefined {
  return type === 'party' ? cardChangedBy(text) : itemChangedBy(text);
}

export type Decoded = { ok: true; record: SyncRecord } | { ok: false; error: string };

export function decode(
  collection: 'addressbook' | 'calendar',
  text: string,
  context: CodecContext,
): Decoded {
  if (collection === 'addressbook') {
    const read = cardToParty(text, context);
    return read.ok ? { ok: true, record: { type: 'party', value: read.value } } : read;
  }
  if (/BEGIN:VTODO/i.test(text)) {
    const read = todoToFollowUp(text);
    return read.ok ? { ok: true, record: { type: 'followUp', value: read.value } } : read;
  }
  const read = journalToInteraction(text);
  return read.ok ? { ok: true, record: { type: 'interaction', value: read.value } } : read;
}

/** Three-way merge of two versions of one record (same type, same id). */
export function mergeRecords(
  base: SyncRecord | undefined,
  local: SyncRecord,
  remote: SyncRecord,
): { record: SyncRecord; conflicts: FieldConflict[] } {
  const l = { at: editedAt(local) };
  const r = { at: editedAt(remote) };
  if (local.type === 'party' && remote.type === 'party') {
    const b = base?.type === 'party' ? base.value : undefined;
    const party = mergeRecord(
      b?.party,
      { ...l, value: local.value.party },
      { ...r, value: remote.value.party },
    );
    const dealings = mergeRecord(
      b ? { engagements: b.engagements, purchases: b.purchases } : undefined,
      { ...l, value: { engagements: local.value.engagements, purchases: local.value.purchases } },
      { ...r, value: { engagements: remote.value.engagements, purchases: remote.value.purchases } },
    );
    // Only prospects carry prospect details (lib/domain/lifecycle): a kind merged from
    // one side and details from the other must still make a valid party.
    const value = { ...party.value };
    if (value.kind !== 'prospect') delete value.prospect;
    else value.prospect ??= { stage: 'new' };
    return {
      record: { type: 'party', value: { party: value, ...dealings.value } },
      conflicts: [...party.conflicts, ...dealings.conflicts],
    };
  }
  if (local.type !== remote.type) return { record: remote, conflicts: [] };
  const merged = mergeRecord(
    base?.value as object | undefined,
    { ...l, value: local.value },
    { ...r, value: remote.value },
  );
  return {
    record: { type: local.type, value: merged.value } as SyncRecord,
    conflicts: merged.conflicts,
  };
}
