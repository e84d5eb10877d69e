import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Party } from '../domain/party';
import type { CodecContext, SyncRecord } from './codecs';
import { SyncEngine, type SyncTarget } from './engine';
import { MemoryServer } from '../../tests/support/memory-server';
import { MemoryStore } from '../../tests/support/memory-store';

const target: SyncTarget = {
  addressbook: 'http://dav.test/alice/book/',
  calendar: 'http://dav.test/alice/tasks/',
  tokens: true,
};
const context: CodecContext = { cardVersion: '4.0', region: 'PT', defaultKind: 'prospect', now: 0 };
const IDS = ['a', 'b', 'c'].map((s) => `00000000-0000-4000-8000-00000000000${s}`);

type Op =
  | { device: 0 | 1; kind: 'edit'; party: number; field: 'title' | 'notes'; value: string }
  | { device: 0 | 1; kind: 'tag'; party: number; tag: string }
  | { device: 0 | 1; kind: 'delete'; party: number }
  /** The phone's card, imported on this device from a file (under an id of its own). */
  | { device: 0 | 1; kind: 'import' }
  | { device: 0 | 1; kind: 'sync' };

const device = fc.constantFrom<0 | 1>(0, 1);
const partyIndex = fc.integer({ min: 0, max: IDS.length - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    device,
    kind: fc.constant('edit' as const),
    party: partyIndex,
    field: fc.constantFrom('title' as const, 'notes' as const),
    value: fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim() || 'x'),
  }),
  fc.record({
    device,
    kind: fc.constant('tag' as const),
    party: partyIndex,
    tag: fc.constantFrom('vip', 'print', 'web, design'),
  }),
  fc.record({ device, kind: fc.constant('delete' as const), party: partyIndex }),
  fc.record({ device, kind: fc.constant('import' as const) }),
  fc.record({ device, kind: fc.constant('sync' as const) }),
);

/** A card another app (a phone) put on the server before the devices first synced. */
const PHONE_UID = 'EFGH-5678@phone';
const PHONE_CARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  `UID:${PHONE_UID}`,
  'FN:Dora Vieira',
  'TEL;TYPE=CELL:+351912345678',
  'REV:1970-01-01T00:00:00Z',
  'END:VCARD',
  '',
].join('\r\n');
const IMPORT_IDS = ['d', 'e'].map((s) => `00000000-0000-4000-8000-00000000000${s}`);

function fresh(id: string, at: number): Party {
  return {
    id,
    type: 'person',
    name: `Party ${id.slice(-1)}`,
    kind: 'client',
    kindHistory: [{ kind: 'client', at: 0 }],
    emails: [],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: 0,
    updatedAt: at,
  };
}

describe('two devices and a server', () => {
  it('converge to the same book after any sequence of edits, deletions, imports and syncs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const server = new MemoryServer();
        const stores = [new MemoryStore(), new MemoryStore()] as const;
        const engines = stores.map((store) => new SyncEngine(server, store, target, () => context));
        let clock = 1;
        await server.put(`${target.addressbook}phone.vcf`, PHONE_CARD, 'text/vcard', {
          create: true,
        });
        for (const id of IDS)
          stores[0].put({
            type: 'party',
            value: { party: fresh(id, 0), engagements: [], purchases: [] },
          });
        for (const step of ops) {
          const store = stores[step.device];
          if (step.kind === 'sync') {
            await engines[step.device]?.sync();
            continue;
          }
          if (step.kind === 'import') {
            const id = IMPORT_IDS[step.device] ?? '';
            if (store.records.has(`party:${id}`)) continue;
            const party: Party = {
              ...fresh(id, clock++),
              name: 'Dora Vieira',
              notes: `Imported on ${step.device}`,
              cardUid: PHONE_UID,
            };
            store.put({ type: 'party', value: { party, engagements: [], purchases: [] } });
            continue;
          }
          const id = IDS[step.party] ?? '';
          const current = store.records.get(`party:${id}`);
          const party = current?.type === 'party' ? current.value.party : undefined;
          if (step.kind === 'delete') {
            if (party) store.delete('party', id);
            continue;
          }
          const base = party ?? fresh(id, 0);
          const edited: Party =
            step.kind === 'edit'
              ? { ...base, [step.field]: step.value, updatedAt: clock++ }
              : { ...base, tags: [...new Set([...base.tags, step.tag])], updatedAt: clock++ };
          const record: SyncRecord = {
            type: 'party',
            value: { party: edited, engagements: [], purchases: [] },
          };
          store.put(record);
        }
        // Quiet rounds until nothing is waiting: each device's changes reach the other.
        for (let i = 0; i < 3; i++) for (const engine of engines) await engine.sync();
        expect(stores[0].outbox.size + stores[1].outbox.size).toBe(0);
        expect(stores[1].book()).toEqual(stores[0].book());
        expect(server.objects.size).toBe(stores[0].records.size);
        // The phone's card is one record on each device, whatever imported it where.
        for (const store of stores) {
          const copies = [...store.records.values()].filter(
            (r) =>
              r.type === 'party' &&
              (r.value.party.id === PHONE_UID || r.value.party.cardUid === PHONE_UID),
          );
          expect(copies).toHaveLength(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
