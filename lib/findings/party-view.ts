import { checkInHealth, type CadenceDefaults } from '../domain/cadence';
import type { Party } from '../domain/party';
import { formatPhone } from '../domain/phone';
import type { PartyView } from '../protocol/contact-schemas';

/** Phones as the user reads them, for a view's `phoneLabels`; none when there are no phones. */
export function phoneLabels(phones: readonly string[], region: string): string[] | undefined {
  return phones.length ? phones.map((phone) => formatPhone(phone, region)) : undefined;
}

/** A party as the surfaces show it: the record, its check-in health now, its phones readable. */
export function partyView(
  party: Party,
  now: number,
  cadence: CadenceDefaults,
  region: string,
): PartyView {
  const labels = phoneLabels(party.phones, region);
  return {
    party,
    health: checkInHealth(party, now, cadence),
    ...(labels ? { phoneLabels: labels } : {}),
  };
}
