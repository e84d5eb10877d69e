import type { Instant } from './ids';
import type { Party } from './party';
import type { RelationshipKind } from './relationship';

/**
 * Moves a party to another kind, appending the dated change to its history.
 * Returns the party unchanged when the kind is the same (no empty history entries).
 */
export function changeKind(
  party: Party,
  kind: RelationshipKind,
  at: Instant,
  reason?: string,
): Party {
  if (party.kind === kind) return party;
  return {
    ...party,
    kind,
    // A prospect's stage means nothing once they buy; the history keeps the fact.
    prospect: kind === 'prospect' ? (party.prospect ?? { stage: 'new' }) : undefined,
    kindHistory: [
      ...party.kindHistory,
      { kind, from: party.kind, at, ...(reason ? { reason } : {}) },
    ],
    updatedAt: at,
  };
}
