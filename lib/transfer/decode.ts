import jschardet from 'jschardet';

/** A WHATWG encoding label (what TextDecoder takes): `utf-8`, `shift_jis`, `windows-1251`… */
export type TextEncodingName = string;

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when a byte-order mark said which encoding it is. */
  bom: boolean;
  /**
   * True when nothing in the file said its encoding and it is not UTF-8: the
   * detector's best guess, which the preview says is one.
   */
  guessed: boolean;
}

/**
 * Reads a file's bytes as text. A byte-order mark decides (UTF-8, UTF-16 LE/BE);
 * without one, UTF-16 is recognised by its zero bytes, then the bytes are tried as
 * UTF-8 and, when that fails, a maintained detector (jschardet) names the legacy
 * code page — Shift_JIS, windows-1251, windows-1255… — so a Japanese or Hebrew
 * export is not read as windows-1252 mojibake.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf)
    return { ...decoded('utf-8', bytes.subarray(3)), bom: true };
  if (a === 0xff && b === 0xfe) return { ...decoded('utf-16le', bytes.subarray(2)), bom: true };
  if (a === 0xfe && b === 0xff) return { ...decoded('utf-16be', bytes.subarray(2)), bom: true };
  const wide = utf16WithoutBom(bytes);
  if (wide) return { ...decoded(wide, bytes), bom: false };
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      bom: false,
      guessed: false,
    };
  } catch {
    const encoding = detectLegacy(bytes);
    return { text: new TextDecoder(encoding).decode(bytes), encoding, bom: false, guessed: true };
  }
}

function decoded(encoding: TextEncodingName, bytes: Uint8Array) {
  return { text: new TextDecoder(encoding).decode(bytes), encoding, guessed: false };
}

/**
 * Text in UTF-16 without a mark: nearly every other byte is zero (Latin, digits,
 * the vCard and CSV syntax). Which half says little- or big-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** The detector's code page for bytes that are not UTF-8, as a label TextDecoder knows. */
export function detectLegacy(bytes: Uint8Array): TextEncodingName {
  // The detector reads a "binary string" (one char per byte); 64 KB is plenty to tell.
  const sample = bytes.subarray(0, 65_536);
  let binary = '';
  for (let i = 0; i < sample.length; i += 8192)
    binary += String.fromCharCode(...sample.subarray(i, i + 8192));
  const { encoding } = jschardet.detect(binary, { minimumThreshold: 0.2 }) as {
    encoding: string | null;
  };
  const label = encoding?.toLowerCase();
  if (label && label !== 'ascii' && label !== 'utf-8' && knownLabel(label)) return label;
  // The detector could not tell: windows-1252 reads every byte, and the preview says it guessed.
  return 'windows-1252';
}

function knownLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
