export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when a byte-order mark said which encoding it is. */
  bom: boolean;
}

/**
 * Reads a file's bytes as text. A byte-order mark decides (UTF-8, UTF-16 LE/BE);
 * without one the bytes are tried as UTF-8 and, when that fails, read as
 * windows-1252 — what Outlook and older Excel write on Western systems.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf)
    return { text: decode('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (a === 0xff && b === 0xfe)
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (a === 0xfe && b === 0xff)
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      bom: false,
    };
  } catch {
    return { text: decode('windows-1252', bytes), encoding: 'windows-1252', bom: false };
  }
}

function decode(encoding: TextEncodingName, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * A file that is not text at all (an image, a zip) is full of NUL bytes and other
 * control characters; saying so beats listing a thousand broken rows. The bar is
 * high, so a real file with a stray control character in a name still reads.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return false;
  let nul = 0;
  let control = 0;
  for (const char of sample) {
    const code = char.charCodeAt(0);
    if (code === 0) nul++;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) control++;
  }
  return nul / sample.length > 0.01 || control / sample.length > 0.3;
}
