// Screenshots of the cheapest plan's panel with its answer and of the tornado charts, at desktop
// (1400×900) and phone (390×844) size, in Chinese and English, for looking at them after a change:
//   node tests/e2e/optimiser_screenshots.mjs [preset] [confidence] [out-folder]
import { mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const preset = process.argv[2] ?? 'ningxia';
const confidence = process.argv[3] ?? '0.9';
const out = process.argv[4] ?? 'target/screenshots';
await mkdir(out, { recursive: true });
const server = await serve(new URL('../../dist/', import.meta.url).pathname);
const browser = await launch();
try {
  for (const [name, viewport] of [['desktop', { width: 1400, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['zh', 'en']) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}?lang=${lang}`);
      await page.locator('.target-card').first().waitFor();
      await page.selectOption('#preset', preset);
      await page.locator('#optimiser > summary').click();
      await page.selectOption('#optimiser-confidence', confidence);
      await page.locator('#optimiser > summary').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${out}/optimiser-${preset}-${name}-${lang}-form.png` });
      await page.click('#optimiser-run');
      await page.locator('#optimiser-result').waitFor({ timeout: 120000 });
      await page.locator('#optimiser-result').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${out}/optimiser-${preset}-${name}-${lang}-result.png` });
      await page.locator('#optimiser').screenshot({ path: `${out}/optimiser-${preset}-${name}-${lang}-panel.png` });
      await page.locator('#sensitivity > summary').click();
      await page.click('#sensitivity-run');
      await page.locator('#sensitivity figure.tornado').first().waitFor({ timeout: 120000 });
      await page.locator('#sensitivity .tornadoes').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${out}/sensitivity-${preset}-${name}-${lang}.png` });
      console.log(`${out}/optimiser-${preset}-${name}-${lang}-*.png`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
