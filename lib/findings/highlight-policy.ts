import { isWebmailUrl } from '../platform/webmail-sites';

/**
 * Whether known contacts may be highlighted on a page. A highlight is visible to the
 * page's own scripts (`CSS.highlights` and the computed style of `::highlight()` are
 * shared with them), so a page that lists many addresses would learn which of them
 * are in the book — who the user works with. On webmail the page is the user's own
 * mailbox, whose provider already holds the mail; any other site gets highlights only
 * when the user turns them on in the options. The page's contacts are found, kept for
 * the tab and badged either way: only the page's view of them differs.
 */
export function mayHighlight(pageUrl: string | undefined, highlightOnSites: boolean): boolean {
  return highlightOnSites || isWebmailUrl(pageUrl);
}

/**
 * What the page's highlighter is told about the known texts. A page's scripts can
 * read every highlight's name and colour, so by default each known text goes without
 * its kind: one name and one style for everyone, and the page cannot tell a client
 * from a prospect or a former client. Colours by kind are the user's choice in the
 * options, made knowing that trade.
 */
export function highlightsFor<Kind>(
  known: readonly { text: string; kind: Kind }[],
  kindColours: boolean,
): { text: string; kind?: Kind }[] {
  return known.map(({ text, kind }) => (kindColours ? { text, kind } : { text }));
}
