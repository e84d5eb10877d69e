import type { RelationshipKind } from '../lib/domain/relationship';

/**
 * What the sync screens show, in the shapes the background's 'sync/*' messages
 * answer with (lib/protocol/areas/sync.ts). Never the password.
 */
export type SyncState = 'off' | 'syncing' | 'synced' | 'pending' | 'error';

export interface SyncCollectionView {
  href: string;
  name: string;
}

export interface SyncStatusView {
  state: SyncState;
  pending: number;
  lastSyncedAt?: number | undefined;
  error?: { code: string; message: string } | undefined;
  account?:
    | {
        server: string;
        user: string;
        remember: boolean;
        addressbook?: SyncCollectionView | undefined;
        calendar?: SyncCollectionView | undefined;
        defaultKind: RelationshipKind;
      }
    | undefined;
}

/** Existing collection, or a new one made with this name. */
export type CollectionChoice = { href: string } | { create: string };
