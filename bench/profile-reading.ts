// Bundled for Node by profile-reading.mjs: reading the files bench's cards beside
// ical.js alone parsing the same 3.0/4.0 cards, in rounds that alternate the two.
import ICAL from 'ical.js';
import { readImportFile } from '../lib/transfer/prepare-import';
import { mixedCards, modernCards } from './contact-files';

export interface ReadingRound {
  icalMs: number;
  modernMs: number;
  mixedMs: number;
}

export function prepare(count: number) {
  const encoder = new TextEncoder();
  const modern = modernCards(count);
  return {
    modern,
    modernBytes: encoder.encode(modern),
    mixedBytes: encoder.encode(mixedCards(count)),
  };
}

export function round(files: ReturnType<typeof prepare>): ReadingRound {
  let started = performance.now();
  ICAL.parse(files.modern);
  const icalMs = performance.now() - started;
  started = performance.now();
  const modern = readImportFile(files.modernBytes, 'modern.vcf');
  const modernMs = performance.now() - started;
  started = performance.now();
  const mixed = readImportFile(files.mixedBytes, 'mixed.vcf');
  const mixedMs = performance.now() - started;
  if (!modern.ok || !mixed.ok) throw new Error('a bench file was refused');
  return { icalMs, modernMs, mixedMs };
}
