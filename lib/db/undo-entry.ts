// The undo entry and tombstone shapes live in lib/domain (a backup, read in
// lib/transfer, parses them too); the stores' code imports them from here.
export * from '../domain/undo-entry';
