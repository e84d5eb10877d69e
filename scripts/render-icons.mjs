// Renders the one icon master (public/icon/icon.svg) to the PNG sizes the manifest
// names, in the same headless Chromium the tests drive, so the toolbar, the
// extensions page and the stores show exactly the mark the pages show.
//
//   node scripts/render-icons.mjs      writes public/icon/{16,32,48,128}.png
import { Buffer } from 'node:buffer';
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumPath } from './launch-browser.mjs';

export const ICON_SIZES = [16, 32, 48, 128];
const MASTER = 'public/icon/icon.svg';

const svg = await readFile(MASTER, 'utf8');
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'],
});
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // The SVG is drawn at the target size (not scaled from a bitmap), on a transparent page.
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, type: 'png' });
    await writeFile(`public/icon/${size}.png`, png);
    await page.close();
    console.log(`public/icon/${size}.png  ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
