import { describe, expect, it } from 'vitest';
import type { Party } from '../domain/party';
import type { CodecContext, SyncRecord } from './codecs';
import { SyncEngine, type SyncTarget } from './engine';
import { MemoryServer } from './memory-server';
import { MemoryStore } from './memory-store';

const target: SyncTarget = {
  addressbook: 'http://dav.test/alice/book/',
  calendar: 'http://dav.test/alice/tasks/',
  tokens: true,
};
const context: CodecContext = { cardVersion: '4.0', region: 'PT', defaultKind: 'prospect', now: 0 };
const ID = '00000000-0000-4000-8000-00000000000a';

function card(name: string): SyncRecord {
  const party: Party = {
    id: ID,
    type: 'person',
    name,
    kind: 'client',
    kindHistory: [{ kind: 'client', at: 0 }],
    emails: [],
    phones: [],
    domains: [],
    tags: [],
    notes: '',
    createdAt: 0,
    updatedAt: 1,
  };
  return { type: 'party', value: { party, engagements: [], purchases: [] } };
}

describe('the sync engine, a queued put whose record is gone', () => {
  it('deletes the server copy rather than only acknowledging the entry', async () => {
    const server = new MemoryServer();
    const here = new MemoryStore();
    const other = new MemoryStore();
    const engine = new SyncEngine(server, here, target, () => context);
    here.put(card('Ada'));
    await engine.sync();
    await new SyncEngine(server, other, target, () => context).sync();
    expect(other.records.size).toBe(1);

    // A put queued, and the record removed by a path that queued no deletion.
    here.put(card('Ada Lovelace'));
    here.records.delete(`party:${ID}`);
    const round = await engine.sync();

    expect(round.sent).toBe(1);
    expect(server.objects.size).toBe(0);
    expect(here.outbox.size).toBe(0);
    expect(here.states.size).toBe(0);
    // The other device hears of the deletion like any other.
    await new SyncEngine(server, other, target, () => context).sync();
    expect(other.records.size).toBe(0);
  });

  it('sends nothing for a record that never reached the server', async () => {
    const server = new MemoryServer();
    const here = new MemoryStore();
    here.put(card('Ada'));
    here.records.delete(`party:${ID}`);
    const round = await new SyncEngine(server, here, target, () => context).sync();
    expect(round.sent).toBe(0);
    expect(server.objects.size).toBe(0);
    expect(here.outbox.size).toBe(0);
  });
});
