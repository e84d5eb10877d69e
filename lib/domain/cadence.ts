import { z } from 'zod';
import { DAY_MS } from './clock';
import type { Instant } from './ids';
import type { Party } from './party';
import type { RelationshipKind } from './relationship';

/** Days between check-ins for each kind; `null` means no check-ins are expected. */
export const CadenceDefaultsSchema = z.object({
  client: z.number().int().min(1).max(3650).nullable(),
  customer: z.number().int().min(1).max(3650).nullable(),
  prospect: z.number().int().min(1).max(3650).nullable(),
  former: z.number().int().min(1).max(3650).nullable(),
});
export type CadenceDefaults = z.infer<typeof CadenceDefaultsSchema>;

/** product.md: client 30 days, customer 90, prospect 14; former relationships are not chased. */
export const DEFAULT_CADENCE: CadenceDefaults = {
  client: 30,
  customer: 90,
  prospect: 14,
  former: null,
};

export function cadenceDays(
  party: Pick<Party, 'kind' | 'checkInDays'>,
  defaults: CadenceDefaults = DEFAULT_CADENCE,
): number | null {
  if (party.kind === 'former') return null;
  return party.checkInDays ?? defaults[party.kind satisfies RelationshipKind];
}

/**
 * When the next check-in is due: the cadence counted from the last interaction, or
 * from when the relationship started if there has been none. Any interaction resets it.
 */
export function nextCheckIn(
  party: Pick<Party, 'kind' | 'checkInDays' | 'lastInteractionAt' | 'createdAt'>,
  defaults: CadenceDefaults = DEFAULT_CADENCE,
): Instant | undefined {
  const days = cadenceDays(party, defaults);
  if (days === null) return undefined;
  return (party.lastInteractionAt ?? party.createdAt) + days * DAY_MS;
}

export const HEALTHS = ['on-time', 'due-soon', 'overdue', 'none'] as const;
export type Health = (typeof HEALTHS)[number];

/**
 * On time, due soon (within a fifth of the cadence, at least one day and at most
 * seven), or overdue. `none` when the relationship has no cadence.
 */
export function checkInHealth(
  party: Pick<Party, 'kind' | 'checkInDays' | 'nextCheckInAt'>,
  now: Instant,
  defaults: CadenceDefaults = DEFAULT_CADENCE,
): Health {
  const days = cadenceDays(party, defaults);
  if (days === null || party.nextCheckInAt === undefined) return 'none';
  if (now > party.nextCheckInAt) return 'overdue';
  const window = Math.min(7, Math.max(1, Math.round(days / 5))) * DAY_MS;
  return party.nextCheckInAt - now <= window ? 'due-soon' : 'on-time';
}
