// Screenshots of the actuals panel (issue 21) of the release build, with two years of actual
// talent, a block read and the re-projection shown, at desktop (1400×900) and phone (390×844)
// size, in Chinese and English, for looking at it after a change:
//   node tests/e2e/life_screenshots.mjs [out-folder]
import { mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const out = process.argv[2] ?? 'target/screenshots';
await mkdir(out, { recursive: true });
const server = await serve(new URL('../../dist/', import.meta.url).pathname);
const browser = await launch();
try {
  for (const [name, viewport] of [['desktop', { width: 1400, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    for (const lang of ['zh', 'en']) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}?lang=${lang}`);
      await page.locator('.target-card').first().waitFor();
      const years = await page.$$eval('#actuals-table tbody th', (cells) => cells.map((c) => Number(c.textContent)));
      for (const [year, value] of [[years[1], '1.5万'], [years[2], '16,800']]) {
        await page.fill(`#actual-talent-${year}`, value);
        await page.press(`#actual-talent-${year}`, 'Enter');
      }
      await page.fill(`#actual-talent-${years[1]}-note`, lang === 'zh' ? '民政统计公报' : 'Statistics bulletin');
      await page.press(`#actual-talent-${years[1]}-note`, 'Enter');
      await page.fill('#actuals-paste', `${years[3]}\t${years[4]}\n1.9万\tx`);
      await page.click('#read-paste');
      await page.click('#reproject');
      await page.locator('#reprojection .reprojected-odds').waitFor({ timeout: 30000 });
      if (name === 'phone') {
        // A phone shows the results column: the panel sits below the charts.
        await page.locator('#actuals').scrollIntoViewIfNeeded();
      }
      const panel = `${out}/actuals-${name}-${lang}.png`;
      await page.locator('#actuals').screenshot({ path: panel });
      await page.locator('#chart-talent').screenshot({ path: `${out}/actuals-chart-${name}-${lang}.png` });
      await page.locator('.target-card').first().screenshot({ path: `${out}/actuals-card-${name}-${lang}.png` });
      console.log(panel);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
