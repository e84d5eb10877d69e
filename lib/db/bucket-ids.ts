import { firstByteIn } from '../search/projection-format';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * `count` random UUIDs (version 4, as `newId` makes) that share their first byte,
 * and so their projection bucket (bucketOf) — `bucket` when given: a chunk's new
 * parties all land in one bucket, which the chunk then writes once. The other 114
 * random bits keep them as unique as any. (One call for all the randomness: ~5×
 * faster than `crypto.randomUUID` per id, which shows at 50,000.)
 */
export function idsSharingABucket(count: number, bucket?: number): string[] {
  const bytes = new Uint8Array(16 * count);
  // getRandomValues fills at most 65,536 bytes a call.
  for (let at = 0; at < bytes.length; at += 65_536)
    crypto.getRandomValues(bytes.subarray(at, Math.min(at + 65_536, bytes.length)));
  const first = HEX[bucket === undefined ? bytes[0]! : firstByteIn(bucket, bytes[0]!)]!;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const b = bytes.subarray(16 * i, 16 * i + 16);
    const hex = (from: number, to: number) => {
      let out = '';
      for (let k = from; k < to; k++) out += HEX[b[k]!];
      return out;
    };
    const version = HEX[(b[6]! & 0x0f) | 0x40]!;
    const variant = HEX[(b[8]! & 0x3f) | 0x80]!;
    ids.push(
      `${first}${hex(1, 4)}-${hex(4, 6)}-${version}${hex(7, 8)}-${variant}${hex(9, 10)}-${hex(10, 16)}`,
    );
  }
  return ids;
}
