import { idOf, mergeRecords, type SyncRecord } from './codecs';
import type { SyncedState, SyncRound, SyncStore } from './engine';
import { cardNamesKind } from './party-card';
import { recordKey } from './outbox';
import type { Party } from '../domain/party';

/**
 * One card, one record, whichever device imported it: the rules that recognise a card
 * already held under another id and fold the two into one record. A card is held
 * twice when another device adopts it under its own id (moveIn), when an import
 * arrives after the server's copy was pulled (syncedCopyOf, foldInto), or when the
 * server's copy is new to this device and an import here came from it (importedAs).
 */
export class CardIdentity {
  constructor(private readonly store: SyncStore) {}

  /**
   * The server's copy of a card this device holds as the party `old.id` now names it
   * by another id: another device imported the same card and adopted this copy under
   * its own id (see importedAs). The party moves to that id, merged with the card
   * against the version last synced, so what was changed here meanwhile is kept; its
   * queued change goes with it. Taken as a new record instead, the card would be two.
   */
  async moveIn(
    old: SyncedState,
    remote: SyncRecord,
    state: SyncedState,
    round: SyncRound,
  ): Promise<SyncedState> {
    const to = idOf(remote);
    const entry = (await this.store.pending()).find((e) => e.key === old.key);
    const local = await this.store.read('party', old.id);
    const merged = local
      ? mergeRecords(rebased(old.base, to), rebased(local, to), remote)
      : { record: remote, conflicts: [] };
    await this.store.moveParty({
      fromId: old.id,
      record: merged.record,
      state,
      kept: merged.conflicts,
      send: local !== undefined && entry?.op === 'put',
    });
    round.received += 1;
    if (merged.conflicts.length > 0) round.conflicts += 1;
    // Deleted here, changed there since: the change wins and the record is kept.
    if (!local && entry?.op === 'delete') await this.store.flagKept?.('party', to, 'here');
    return state;
  }

  /**
   * The party another device or app already put on the server for the card `record`
   * was imported from, held here under another id: pulled before the import, it is not
   * new to the pull, so importedAs never sees it, and creating the import beside it is
   * a second card with the same UID (a 409 on most servers). None for anything else.
   */
  async syncedCopyOf(
    record: SyncRecord,
  ): Promise<{ state: SyncedState; record: SyncRecord } | undefined> {
    if (record.type !== 'party' || record.value.party.cardUid === undefined) return undefined;
    const { id, cardUid } = record.value.party;
    const ids = new Set([cardUid, ...(await this.store.partiesWithCardUid(cardUid))]);
    ids.delete(id);
    for (const candidate of ids) {
      const state = await this.store.synced(recordKey('party', candidate));
      const copy = state && (await this.store.read('party', candidate));
      if (state && copy?.type === 'party') return { state, record: copy };
    }
    return undefined;
  }

  /**
   * Folds an imported party into the synced copy of its card (see syncedCopyOf): the
   * copy keeps its id, known to the other devices; the import's fields merge into it as
   * importedAs merges an adopted card, and its dealings move to it. The caller sends it.
   */
  async foldInto(
    copy: { state: SyncedState; record: SyncRecord },
    imported: SyncRecord,
    round: SyncRound,
  ): Promise<void> {
    if (copy.record.type !== 'party' || imported.type !== 'party') return;
    const incoming = rebased(imported, copy.record.value.party.id, copy.record.value.party.cardUid);
    if (incoming.type !== 'party') return;
    const into = { ...copy.record.value.party };
    // A kind the card does not name is the default it was read with: the import's stands.
    if (!cardNamesKind(copy.state.text)) {
      const { kind, kindHistory, prospect } = incoming.value.party;
      Object.assign(into, { kind, kindHistory });
      if (prospect) into.prospect = prospect;
      else delete into.prospect;
    }
    const merged = mergeRecords(
      emptySides(into, incoming.value.party),
      { type: 'party', value: { ...copy.record.value, party: into } },
      incoming,
    );
    await this.store.moveParty({
      fromId: imported.value.party.id,
      record: merged.record,
      state: copy.state,
      kept: merged.conflicts,
      send: true,
    });
    if (merged.conflicts.length > 0) round.conflicts += 1;
  }

  /**
   * A card new to this device whose UID is the `cardUid` of a party imported here
   * (another app's copy, already on the server) and not yet synced: the card is that
   * party's, under its id, and is merged with it. Undefined for any other object.
   */
  async importedAs(
    record: SyncRecord,
    data: string,
  ): Promise<{ remote: SyncRecord; local: SyncRecord; base: SyncRecord } | undefined> {
    if (record.type !== 'party') return undefined;
    const { party } = record.value;
    if (await this.store.synced(recordKey('party', party.id))) return undefined;
    if (await this.store.read('party', party.id)) return undefined;
    // cardToParty keeps the UID as written in cardUid only when it differs from the id.
    const uid = party.cardUid ?? party.id;
    let id: string | undefined;
    for (const candidate of await this.store.partiesWithCardUid(uid))
      if (!(await this.store.synced(recordKey('party', candidate)))) id ??= candidate;
    if (id === undefined) return undefined;
    const local = await this.store.read('party', id);
    if (local?.type !== 'party') return undefined;
    const adopted = { ...party, id, cardUid: uid };
    // A kind the card does not name is the default, not a change to merge into the record.
    if (!cardNamesKind(data)) {
      const { kind, kindHistory, prospect } = local.value.party;
      Object.assign(adopted, { kind, kindHistory });
      if (prospect) adopted.prospect = prospect;
      else delete adopted.prospect;
    }
    // Dealings on another app's card name its UID as their party, never this id.
    const remote: SyncRecord = {
      type: 'party',
      value: { party: adopted, engagements: [], purchases: [] },
    };
    return { remote, local, base: emptySides(local.value.party, adopted) };
  }
}

/**
 * A merge base for two copies of one card that never synced: every field one side
 * left empty, as that side has it. The other side's value then is a change, not a
 * conflict; a field both filled differently is still one. Lists have no base: they
 * merge as the union of both sides.
 */
function emptySides(local: Party, remote: Party): SyncRecord {
  const l = local as unknown as Record<string, unknown>;
  const r = remote as unknown as Record<string, unknown>;
  const empty = (value: unknown) => value === undefined || value === '';
  const base: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(l), ...Object.keys(r)])) {
    if (Array.isArray(l[field]) || Array.isArray(r[field])) continue;
    if (empty(r[field])) base[field] = r[field];
    else if (empty(l[field])) base[field] = l[field];
  }
  return {
    type: 'party',
    value: { party: base as unknown as Party, engagements: [], purchases: [] },
  };
}

/** Whether the server's copy of a synced party now names it by another id (see moveIn). */
export function movesParty(state: SyncedState, remote: SyncRecord): boolean {
  return state.type === 'party' && remote.type === 'party' && state.id !== idOf(remote);
}

/**
 * A party's record as if it had always had the id `to`: its dealings name `to`, and
 * its `cardUid` still names the card it came from (its old id, if it had none).
 */
function rebased(record: SyncRecord, to: string, cardUid?: string): SyncRecord {
  if (record.type !== 'party') return record;
  const { party, engagements, purchases } = record.value;
  const uid = cardUid ?? party.cardUid ?? party.id;
  const moved: Party = { ...party, id: to, cardUid: uid };
  if (uid === to) delete moved.cardUid;
  return {
    type: 'party',
    value: {
      party: moved,
      engagements: engagements.map((e) => ({ ...e, partyId: to })),
      purchases: purchases.map((p) => ({ ...p, partyId: to })),
    },
  };
}
