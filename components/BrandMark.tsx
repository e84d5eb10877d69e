/**
 * Clientele's mark beside a page's title: the same SVG the toolbar icons are
 * rendered from (public/icon/icon.svg), so every surface shows one mark.
 * Decorative — the heading beside it names the page.
 */
export function BrandMark({ size = 20 }: { size?: number }) {
  return <img class="brand-mark" src="/icon/icon.svg" alt="" width={size} height={size} />;
}
