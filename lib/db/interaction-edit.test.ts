import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../domain';
import { updateInteraction } from './interaction-edit';
import { logInteraction, listInteractions } from './interaction-repository';
import { createDbOpener } from './open';
import { createParty, getParty, type RepositoryContext } from './party-repository';

const NOW = Date.UTC(2026, 11, 7);
const DAY = 86_400_000;

function makeContext(): RepositoryContext {
  return {
    getDb: createDbOpener(`clientele-edit-${crypto.randomUUID()}`),
    clock: () => NOW,
    settings: () => Promise.resolve({ region: 'US', cadence: DEFAULT_CADENCE }),
  };
}

describe('updateInteraction', () => {
  it('corrects type, direction, summary and date; a new date moves last contact', async () => {
    const context = makeContext();
    const ada = await createParty(context, {
      name: 'Ada',
      kind: 'client',
      emails: ['a@a.example'],
    });
    if (!ada.ok) throw new Error('not created');
    const partyId = ada.value.party.id;
    await logInteraction(context, { partyId, type: 'call', at: NOW - 5 * DAY, requestId: 'r1' });
    const last = await logInteraction(context, {
      partyId,
      type: 'email',
      at: NOW - DAY,
      summary: 'Sent',
      requestId: 'r2',
    });
    if (!last.ok) throw new Error('not logged');
    expect((await getParty(context.getDb, partyId))!.lastInteractionAt).toBe(NOW - DAY);

    const edited = await updateInteraction(context, last.value.interaction.id, {
      type: 'meeting',
      direction: 'inbound',
      summary: 'Met, in fact',
      at: NOW - 10 * DAY,
    });
    expect(edited).toMatchObject({
      ok: true,
      value: { party: { lastInteractionAt: NOW - 5 * DAY } },
    });
    const { interactions } = await listInteractions(context.getDb, partyId, { limit: 10 });
    expect(interactions.map((i) => [i.type, i.direction, i.summary, i.at])).toEqual([
      ['call', 'outbound', '', NOW - 5 * DAY],
      ['meeting', 'inbound', 'Met, in fact', NOW - 10 * DAY],
    ]);
    expect((await getParty(context.getDb, partyId))!.lastInteractionAt).toBe(NOW - 5 * DAY);
  });

  it('refuses what the schema refuses, and a missing interaction', async () => {
    const context = makeContext();
    expect(await updateInteraction(context, 'nope', { summary: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await updateInteraction(context, 'nope', { type: 'telegram' as never })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });
});
