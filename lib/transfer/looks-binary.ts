// Apart from decode.ts on purpose: readers of text already decoded (a .vcf link the
// background imports, CSV rows) need this test but not the byte-level code-page
// detector, which is a third of the service worker's script when it comes along.
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
