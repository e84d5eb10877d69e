import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/launch-browser.mjs';
import { launchWithExtension, type Launched } from './helpers';

/**
 * The built extension, copied with a pseudo-locale catalogue: every message is
 * bracketed ⟦…⟧ and lengthened by a third, so that text not taken from the
 * catalogue shows up unbracketed, and longer translations are tried on the layout.
 * Installed as English (what the browser picks by default) it tests the strings;
 * installed as Arabic (`--lang=ar`) the browser also says right-to-left.
 *
 * Pages whose strings are all in the catalogue: the first-run page. The popup,
 * side panel, options and dashboard are not yet (see the README's Languages).
 */
const CONVERTED_PAGES = [{ path: 'welcome.html', ready: 'welcome' }];

let pseudoDir: string;

function pseudo(message: string): string {
  const padding = '·'.repeat(Math.ceil(message.length / 3));
  // Placeholders ($NAME$) stay as they are, so the browser still fills them in.
  return `⟦${message}${padding}⟧`;
}

beforeAll(async () => {
  pseudoDir = await mkdtemp(join(tmpdir(), 'clientele-pseudo-'));
  await cp(EXTENSION_DIR, pseudoDir, { recursive: true });
  const english = JSON.parse(
    await readFile(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'),
  ) as Record<string, { message: string }>;
  const bracketed = Object.fromEntries(
    Object.entries(english).map(([key, entry]) => [
      key,
      // The locale tag is data, not text.
      key.startsWith('catalogue_') ? entry : { ...entry, message: pseudo(entry.message) },
    ]),
  );
  for (const locale of ['en', 'ar']) {
    await mkdir(join(pseudoDir, '_locales', locale), { recursive: true });
    const direction = { message: locale === 'ar' ? 'rtl' : 'ltr' };
    await writeFile(
      join(pseudoDir, '_locales', locale, 'messages.json'),
      JSON.stringify({ ...bracketed, catalogue_dir: direction }),
    );
  }
});

afterAll(async () => {
  await rm(pseudoDir, { recursive: true, force: true });
});

let ext: Launched | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

/** Visible text (and accessible names) that did not come from the catalogue. */
const strayText = (page: Page) =>
  page.evaluate(() => {
    const stray: string[] = [];
    const outside = (text: string) =>
      text
        .replace(/⟦[^⟧]*⟧/g, '')
        .replace(/[\s\p{P}\p{S}\d]/gu, '')
        .trim();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent?.checkVisibility() || parent.closest('option')) continue;
      if (outside(node.textContent ?? '')) stray.push(node.textContent!.trim());
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]'))
      for (const name of ['aria-label', 'placeholder', 'title'])
        if (outside(element.getAttribute(name) ?? ''))
          stray.push(`${name}=${element.getAttribute(name)}`);
    if (outside(document.title)) stray.push(`title=${document.title}`);
    return stray;
  });

describe('pseudo-locale', () => {
  it.each(CONVERTED_PAGES)('$path shows only catalogue text, on every step', async (page) => {
    ext = await launchWithExtension({ extensionDir: pseudoDir, keepWelcome: true });
    const tab = await ext.context.newPage();
    await tab.goto(ext.extensionUrl(page.path));
    await tab.getByTestId(page.ready).waitFor();
    const stray: string[] = [];
    for (const step of ['about', 'permissions', 'import', 'you', 'try']) {
      await tab.getByTestId(`welcome-goto-${step}`).click();
      await tab.locator(`[data-step="${step}"]`).waitFor();
      if (step === 'you') await tab.getByTestId('region-select').waitFor();
      stray.push(...(await strayText(tab)).map((text) => `${step}: ${text}`));
    }
    expect(stray).toEqual([]);
  });

  it('right to left: the first-run page is mirrored, nothing overflows or is clipped', async () => {
    ext = await launchWithExtension({ extensionDir: pseudoDir, lang: 'ar', keepWelcome: true });
    const tab = await ext.context.newPage();
    await tab.setViewportSize({ width: 480, height: 800 });
    await tab.goto(ext.extensionUrl('welcome.html'));
    await tab.getByTestId('welcome').waitFor();
    expect(await tab.locator('html').getAttribute('dir')).toBe('rtl');
    for (const step of ['about', 'permissions', 'import', 'you', 'try']) {
      await tab.getByTestId(`welcome-goto-${step}`).click();
      await tab.locator(`[data-step="${step}"]`).waitFor();
      const layout = await tab.evaluate(() => {
        const root = document.documentElement;
        const clipped = [...document.querySelectorAll('button, a, select, h1, h2')]
          .map((element) => ({ element, box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.left < 0 || box.right > root.clientWidth + 1))
          .map(({ element }) => element.textContent?.slice(0, 30) ?? element.tagName);
        // Mirrored: the close button sits at the start (left) of the header.
        const close = document.querySelector('[data-testid="welcome-close"]')!;
        const title = document.querySelector('.welcome-header h1')!;
        return {
          overflow: root.scrollWidth - root.clientWidth,
          clipped,
          closeLeftOfTitle:
            close.getBoundingClientRect().right <= title.getBoundingClientRect().left,
        };
      });
      expect(layout, step).toEqual({ overflow: 0, clipped: [], closeLeftOfTitle: true });
    }
  });
});
