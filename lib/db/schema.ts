import type { DBSchema } from 'idb';
import type { Engagement, FollowUp, Interaction, Party, Purchase, Service } from '../domain';
import type { SearchPart } from '../search/projection-format';

export const DB_NAME = 'clientele';

/**
 * The current schema version. Raising it means appending a step to the ladder in
 * migrations.ts and a fixture for the old version in tests; steps are never edited.
 */
export const DB_VERSION = 3;

export interface ClienteleSchema extends DBSchema {
  parties: {
    key: string;
    value: Party;
    indexes: {
      byEmail: string;
      byPhone: string;
      byDomain: string;
      byNextCheckIn: number;
    };
  };
  interactions: {
    key: string;
    value: Interaction;
    indexes: {
      byPartyAt: [string, number, string];
      byRequestId: string;
    };
  };
  followUps: {
    key: string;
    value: FollowUp;
    indexes: { byParty: string; byDue: number };
  };
  services: { key: string; value: Service };
  engagements: { key: string; value: Engagement; indexes: { byParty: string } };
  purchases: { key: string; value: Purchase; indexes: { byParty: string } };
  /**
   * The search projection, packed into columns per bucket so the popup reads it in
   * one go and a write touches one bucket (see lib/search/projection-format.ts).
   */
  searchBuckets: { key: number; value: SearchPart };
  /** Logged emails the user removed: never logged again (lib/db/email-log-repository.ts). */
  emailUndone: { key: string; value: EmailUndone };
  /** Unknown people the user wrote to, with the threads, for "People you email". */
  correspondents: { key: string; value: Correspondent };
}

export interface EmailUndone {
  requestId: string;
  undoneAt: number;
}

export interface Correspondent {
  email: string;
  name?: string;
  /** Identities of the threads the user wrote to them in (at most MAX_CORRESPONDENT_THREADS). */
  threads: string[];
  dismissed: boolean;
  updatedAt: number;
}

export type StoreName =
  | 'parties'
  | 'interactions'
  | 'followUps'
  | 'services'
  | 'engagements'
  | 'purchases'
  | 'searchBuckets'
  | 'emailUndone'
  | 'correspondents';
