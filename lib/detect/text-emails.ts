import { normalizeEmail } from '../domain/email';
import type { Finding, TextDetector } from './types';

// Candidate addresses; normalizeEmail then validates each one.
const CANDIDATE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Looks like an address but is a file (`logo@2x.png`) or a scoped package.
const FILE_LIKE = /\.(png|jpe?g|gif|svg|webp|avif|css|js|mjs|ts|json|map|woff2?)$/i;
// A top-level domain is letters (or punycode); `@scope/pkg@1.0.0-beta` is a package version.
const PLAUSIBLE_TLD = /\.(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;

/** Plain-text addresses in one text node's data. */
export const findTextEmails: TextDetector = (text) => {
  if (!text.includes('@')) return [];
  const findings: Finding[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    // Sentence punctuation around an address is not part of it (`Thanks...ada@x.com.`):
    // an ellipsis ends the word before the address; two dots stay an invalid address.
    const raw = match[0].replace(/^.*\.{3,}/, '').replace(/^[.-]+|[.-]+$/g, '');
    if (FILE_LIKE.test(raw) || !PLAUSIBLE_TLD.test(raw)) continue;
    const email = normalizeEmail(raw);
    if (email) findings.push({ email, source: 'text-email', confidence: 0.6 });
  }
  return findings;
};
