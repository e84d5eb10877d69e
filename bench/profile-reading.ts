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

/**
 * Milliseconds of this process's CPU time `work` took: on a shared, loaded machine
 * wall time mostly measures the other processes. (GC on helper threads counts too.)
 */
function cpuMs(work: () => unknown): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export function round(files: ReturnType<typeof prepare>): ReadingRound {
  const icalMs = cpuMs(() => ICAL.parse(files.modern));
  let ok = true;
  const modernMs = cpuMs(() => (ok &&= readImportFile(files.modernBytes, 'modern.vcf').ok));
  const mixedMs = cpuMs(() => (ok &&= readImportFile(files.mixedBytes, 'mixed.vcf').ok));
  if (!ok) throw new Error('a bench file was refused');
  return { icalMs, modernMs, mixedMs };
}
