// Renders the Marketplace icon, media/icon.png (128×128, referenced by "icon" in package.json),
// from the SVG below with Debian's chromium through playwright-core. The PNG is committed; run
// this again after changing the drawing:
//   node scripts/icon.mjs            (writes media/icon.png)
//   node scripts/icon.mjs out.png    (writes elsewhere, e.g. to compare)
// The Marketplace does not accept an SVG icon, hence the PNG. The mark: a graduation cap over a
// ring with a check (a certification earned), white on a deep teal rounded square, drawn with
// thick shapes so it still reads at the 32 px the Extensions view shows.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;
/** The galleryBanner color in package.json is this background's darker end. */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#137a8c"/>
      <stop offset="1" stop-color="#0b4f5c"/>
    </linearGradient>
  </defs>
  <rect x="0" y="0" width="128" height="128" rx="24" fill="url(#bg)"/>
  <!-- the cap: the board, the crown under it, the tassel -->
  <path d="M64 16 L112 38 L64 60 L16 38 Z" fill="#ffffff"/>
  <path d="M34 48 V62 C34 70 48 76 64 76 C80 76 94 70 94 62 V48 L64 62 Z" fill="#d8f1f4"/>
  <path d="M104 42 V64" stroke="#ffc24a" stroke-width="5" stroke-linecap="round"/>
  <circle cx="104" cy="68" r="5" fill="#ffc24a"/>
  <!-- the earned certificate: a seal with a check -->
  <circle cx="64" cy="96" r="23" fill="#ffc24a" stroke="#0b4f5c" stroke-width="5"/>
  <path d="M53 96 L61 104 L76 88" fill="none" stroke="#0b4f5c" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const out = resolve(process.argv[2] ?? join(ROOT, 'media', 'icon.png'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
  writeFileSync(out, png);
  console.log(`${out}: ${png.length} bytes`);
} finally {
  await browser.close();
}
