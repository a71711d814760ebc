// Full-page screenshots of the release build at desktop (1400×900) and phone (390×844) size, in
// Chinese and English, for looking at the product after a UI change:
//   node tests/e2e/screenshots.mjs [preset] [out-folder]
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const preset = process.argv[2] ?? 'yunnan';
const out = process.argv[3] ?? 'target/screenshots';
const server = await serve(new URL('../../dist/', import.meta.url).pathname);
const browser = await launch();
try {
  for (const [name, viewport] of [['desktop', { width: 1400, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['zh', 'en']) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}?lang=${lang}`);
      await page.locator('.target-card').first().waitFor();
      if (preset !== 'yunnan') await page.selectOption('#preset', preset);
      // Let the Monte Carlo finish so the bands and probabilities are in the picture.
      await page.locator('.target-card .probability', { hasText: '%' }).first().waitFor({ timeout: 20000 });
      const file = `${out}/${preset}-${name}-${lang}.png`;
      await page.screenshot({ path: file, fullPage: true });
      await page.screenshot({ path: `${out}/${preset}-${name}-${lang}-top.png` });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
