/**
 * The sync screens show what the background's 'sync/*' messages answer with; the
 * shapes are the protocol's own (types only: no zod reaches the pages' bundles).
 */
export type {
  SyncChoice as CollectionChoice,
  SyncChooseRequest,
  SyncCollection as SyncCollectionView,
  SyncConnectRequest,
  SyncState,
  SyncStatus as SyncStatusView,
} from '../lib/protocol/areas/sync';
