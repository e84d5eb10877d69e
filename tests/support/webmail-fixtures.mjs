// Plain JavaScript with a .d.mts beside it: the bench (Node) reads it as the tests do.
/**
 * The webmail each fixture page stands for. Webmail detectors run only on their
 * webmail's host (lib/detect/webmail-gate.ts), so these pages are read as if served
 * from it: unit tests pass that URL, and the end-to-end tests serve the page under
 * that host (the browser resolves it to the local fixture server).
 */
export const WEBMAIL_FIXTURES = {
  'gmail.html': 'mail.google.com',
  'outlook.html': 'outlook.office.com',
  // A hostile message shown inside Gmail: what a stranger's mail can put in the page.
  'hostile/gmail.html': 'mail.google.com',
};

/** Where a fixture page is read from: its webmail host, or `base` (the local server). */
export function fixtureUrl(name, base) {
  const host = WEBMAIL_FIXTURES[name];
  return host ? `https://${host}/${name}` : `${base}/${name}`;
}
