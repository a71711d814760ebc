// Issue 20, items 1, 2, 6 and 7: the presenter fits the room. On a projector laptop (1280×720
// at 150 %: 853×480 CSS pixels) and at 1920×1080 a story is walked by keyboard from its
// introduction to its end: the screen never needs scrolling, at 1920×1080 no text is smaller
// than 20 px, every revealed question shows how what it asked moved (the callout), and each
// chart keeps one scale over the story's steps.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, start, stop } from './harness.mjs';

let browser;
before(async () => {
  ({ browser } = await start());
});
after(stop);

const SCREENS = [
  { name: '1920×1080', options: { viewport: { width: 1920, height: 1080 } }, minText: 20 },
  { name: '1280×720 at 150 %', options: { viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 }, minText: 0 },
];
const STORIES = [
  ['ningxia-rooms', 'ningxia.2'],
  ['yunnan-14wan', 'yunnan.2'],
  ['guizhou-exams', 'guizhou.2'],
];

/** What the room sees now: scrolling needed, the smallest text, the story's screen, the axes. */
function measure() {
  const visible = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    }
    const rect = el.getBoundingClientRect();
    // Visually hidden text (for screen readers) is 1 px wide and clipped.
    return rect.width > 1 && rect.height > 1;
  };
  const presenter = document.querySelector('.presenter');
  let smallest = { size: Infinity, text: '' };
  const walker = document.createTreeWalker(presenter, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (!text) continue;
    const el = node.parentElement;
    // A closed <details> shows its summary only.
    const details = el.closest('details');
    if (details && !details.open && !el.closest('summary')) continue;
    if (!visible(el)) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    // SVG text is drawn in the chart's units: its size on screen is scaled with the chart.
    const svg = el.closest('svg');
    if (svg) size *= svg.getScreenCTM()?.a ?? 1;
    if (size < smallest.size) smallest = { size, text: text.slice(0, 40), where: el.className?.baseVal ?? el.className };
  }
  const ticks = (id) => [...document.querySelectorAll(`#presenter-chart-${id} g.tick text`)].map((t) => t.textContent);
  return {
    scroll: Math.max(document.documentElement.scrollHeight, document.body.scrollHeight) - window.innerHeight,
    presenterScroll: presenter.scrollHeight - presenter.clientHeight,
    smallest,
    intro: !!document.querySelector('.story-intro'),
    asking: !!document.querySelector('.story-step.is-asking'),
    question: !!document.querySelector('.story-question'),
    end: !!document.querySelector('.story-end'),
    callouts: document.querySelector('.story-callouts')?.innerText.trim() ?? '',
    counter: document.querySelector('.presenter-titles .muted')?.textContent ?? '',
    axes: Object.fromEntries(['talent', 'certified', 'coverage', 'budget']
      .map((id) => [id, ticks(id)]).filter(([, t]) => t.length > 0)),
  };
}

describe('issue 20: the presenter fits the room and its stories answer their questions', () => {
  for (const screen of SCREENS) {
    for (const [id, preset] of STORIES) {
      // Ningxia's rooms story once grew its budget axis from 8亿 to 10亿 at step 4: the playback
      // counted the P10–P90 band, which the story's scale cuts (render::charts::truncate).
      test(`${id} at ${screen.name}: no scrolling, type for the back of the room, answers and one scale`, async () => {
        const context = await browser.newContext(screen.options);
        const page = await context.newPage();
        const problems = [];
        page.on('pageerror', (err) => problems.push(err.message));
        await page.goto(`${baseUrl()}?v=1&p=${preset}&story=${id}&lang=zh`);
        await page.locator('.presenter').waitFor();
        const seen = [];
        const axes = {};
        for (let guard = 0; guard < 40; guard += 1) {
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 60))));
          const now = await page.evaluate(measure);
          const where = `${id} ${screen.name} ${now.counter} ${now.intro ? 'intro' : now.asking ? 'question' : 'answer'}`;
          seen.push(where);
          assert.ok(now.scroll <= 0, `${where}: the page scrolls by ${now.scroll} px`);
          assert.ok(now.presenterScroll <= 1, `${where}: the presenter scrolls by ${now.presenterScroll} px`);
          if (screen.minText) {
            assert.ok(now.smallest.size >= screen.minText - 0.05,
              `${where}: text of ${now.smallest.size.toFixed(1)} px: "${now.smallest.text}" (${now.smallest.where})`);
          }
          if (now.question && !now.asking && !now.intro) {
            assert.ok(now.callouts.length > 0, `${where}: the answer's callout is on screen`);
            assert.match(now.callouts, /→|：/, `${where}: ${now.callouts}`);
          }
          if (!now.intro && !now.asking) {
            for (const [chart, ticks] of Object.entries(now.axes)) {
              axes[chart] ??= ticks;
              assert.deepEqual(ticks, axes[chart], `${where}: the ${chart} chart keeps the story's scale`);
            }
          }
          if (now.end) break;
          await page.keyboard.press('PageDown');
        }
        assert.ok(seen.some((s) => s.endsWith('intro')), `the introduction comes first: ${seen.join(' | ')}`);
        assert.ok(seen.length > 3, seen.join(' | '));
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }

  test('a story prints as an A4 handout: steps, captions, questions and the QR of its link', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // The browser's print dialog would block the test: count the calls instead.
    await context.addInitScript(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}?v=1&p=ningxia.2`);
    await page.locator('.target-card').first().waitFor();
    await page.click('#training-menu summary');
    await page.click('#open-stories');
    await page.click('#handout-ningxia-rooms');
    await page.waitForFunction(() => window.printed === 1);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.printing), 'handout');
    await page.emulateMedia({ media: 'print' });
    const handout = page.locator('.handout');
    assert.ok(await handout.isVisible(), 'the handout is what is printed');
    assert.ok(!(await page.locator('.app').isVisible()), 'the page steps aside');
    const steps = await page.locator('.handout-step').count();
    assert.ok(steps >= 3, `${steps} steps`);
    assert.ok((await page.locator('.handout-question').count()) >= 1, 'the questions to predict');
    assert.ok(await page.locator('.handout-qr svg path').count() === 1, 'the QR code');
    assert.match(await page.locator('.handout-link').innerText(), /story=ningxia-rooms/);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.printing), undefined);
    await context.close();
  });
});
