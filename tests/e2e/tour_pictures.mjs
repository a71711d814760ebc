// The small pictures of the manual's tour (使用说明 · 界面一览), taken from the release build and
// committed in docs/manual/: the top of the screen, a setting, a target card and the phone's
// view, in Chinese and English, shrunk and encoded as WebP by Chromium itself. Run after a
// release build when the screen changes:
//   node tests/e2e/tour_pictures.mjs [out-folder]
// Each picture's size is printed: the manual's <img> lines carry it (a test compares them).
import { writeFile, mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const out = process.argv[2] ?? new URL('../../docs/manual/', import.meta.url).pathname;
const server = await serve(new URL('../../dist/', import.meta.url).pathname);
const browser = await launch();
const PRESET = 'ningxia';

/** A PNG shrunk to `width` pixels and encoded as WebP, in the page (no tool outside Chromium). */
async function webp(page, png, width, quality = 0.82) {
  const data = await page.evaluate(async ({ base64, width, quality }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const height = Math.round((image.naturalHeight * width) / image.naturalWidth);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, width, height);
    const url = canvas.toDataURL('image/webp', quality);
    return { base64: url.slice(url.indexOf(',') + 1), width, height };
  }, { base64: png.toString('base64'), width, quality });
  return { bytes: Buffer.from(data.base64, 'base64'), width: data.width, height: data.height };
}

try {
  await mkdir(out, { recursive: true });
  for (const lang of ['zh', 'en']) {
    // A laptop's width, taken at twice the pixels, so that the shrunk words stay sharp; Ningxia,
    // whose targets are met and missed, so that the verdict bar shows both.
    const desktop = await browser.newPage({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 2 });
    await desktop.goto(`${server.url}?lang=${lang}`);
    await desktop.locator('.target-card').first().waitFor();
    await desktop.selectOption('#preset', PRESET);
    await desktop.locator('.target-card .probability', { hasText: '%' }).first().waitFor({ timeout: 30000 });
    await desktop.locator('.app[data-settled="true"]').waitFor();
    const shots = [];
    // The header and the verdict bar: the top of the screen.
    const bar = await desktop.locator('.verdict-bar').boundingBox();
    shots.push(['top', await desktop.screenshot({ clip: { x: 0, y: 0, width: 1100, height: Math.ceil(bar.y + bar.height) } }), 760]);
    // One setting: its slider, its field, its source chip and ⓘ.
    shots.push(['setting', await desktop.locator('#param-hires').screenshot(), 380]);
    // The first target card: verdict, odds, first year, "what it takes".
    shots.push(['card', await desktop.locator('.target-card').first().screenshot(), 320]);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    await phone.goto(`${server.url}?lang=${lang}`);
    await phone.locator('.target-card').first().waitFor();
    await phone.selectOption('#preset', PRESET);
    await phone.locator('.target-card .probability', { hasText: '%' }).first().waitFor({ timeout: 30000 });
    shots.push(['phone', await phone.screenshot(), 240]);
    for (const [name, png, width] of shots) {
      const picture = await webp(desktop, png, width);
      const file = `${out}/tour-${name}.${lang}.webp`;
      await writeFile(file, picture.bytes);
      console.log(`${file}\t${picture.width}×${picture.height}\t${picture.bytes.length} bytes`);
    }
    await desktop.close();
    await phone.close();
  }
} finally {
  await browser.close();
  await server.close();
}
