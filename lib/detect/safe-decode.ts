/** Percent-decodes a link's text, or returns it unchanged when the page wrote it badly. */
export function safeDecode(text: string): string {
  if (!text.includes('%')) return text; // nothing to decode (and nothing to throw on)
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
