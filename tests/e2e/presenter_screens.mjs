// Screenshots of the presenter on every screen of the three built-in stories (the introduction,
// each step's question and its answer), at 1920×1080 and on a projector laptop at 1280×720 and
// 150 % zoom (853×480 CSS pixels at 1.5 device pixels each), in Chinese and English:
//   node tests/e2e/presenter_screens.mjs [out-folder] [story-id…]
// Each file is named <story>-<screen>-<lang>-<n>-<what>.png, e.g. ningxia-rooms-1280-zh-03-answer.png.
import { mkdirSync } from 'node:fs';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const out = process.argv[2] ?? 'target/screenshots/presenter';
const only = process.argv.slice(3);
const STORIES = [
  ['yunnan-14wan', 'yunnan.2'],
  ['guizhou-exams', 'guizhou.2'],
  ['ningxia-rooms', 'ningxia.2'],
].filter(([id]) => only.length === 0 || only.includes(id));
const SCREENS = [
  ['1920', { viewport: { width: 1920, height: 1080 } }],
  ['1280', { viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 }],
];

mkdirSync(out, { recursive: true });
const server = await serve(new URL('../../dist/', import.meta.url).pathname);
const browser = await launch();
try {
  for (const [id, preset] of STORIES) {
    for (const [screen, options] of SCREENS) {
      for (const lang of ['zh', 'en']) {
        const context = await browser.newContext(options);
        const page = await context.newPage();
        await page.goto(`${server.url}?v=1&p=${preset}&story=${id}&lang=${lang}`);
        await page.locator('.presenter').waitFor();
        let n = 0;
        const shot = async (what) => {
          // The odds arrive a moment after each step: wait for them, then for a frame.
          await page.waitForFunction(() => {
            const odds = document.querySelectorAll('.presenter .as-of-odds');
            const cards = document.querySelectorAll('.presenter .as-of-card');
            return cards.length === 0 || odds.length === cards.length;
          }, null, { timeout: 20000 }).catch(() => {});
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
          const file = `${out}/${id}-${screen}-${lang}-${String(n).padStart(2, '0')}-${what}.png`;
          await page.screenshot({ path: file });
          console.log(file);
          n += 1;
        };
        for (let guard = 0; guard < 40; guard += 1) {
          const state = await page.evaluate(() => ({
            intro: !!document.querySelector('.story-intro'),
            asking: !!document.querySelector('.story-step.is-asking'),
            end: !!document.querySelector('.story-end'),
          }));
          await shot(state.intro ? 'intro' : state.asking ? 'question' : 'answer');
          if (state.end) break;
          await page.keyboard.press('Space');
          await page.waitForTimeout(150);
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
