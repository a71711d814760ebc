// The manual (使用说明, 模型说明, issue 23) in the release build: opened by a link at a topic,
// by `?` and F1 (not while typing), by the header's button and a setting's ⓘ; searched; a
// section's "open it" opens its feature; Esc and the browser's back close it with the plan as
// it was; axe finds nothing; screenshots at desktop and phone size in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { start, stop, open, axeViolations, settled, oddsReady } from './harness.mjs';

before(async () => {
  await start();
  await mkdir('target/screenshots', { recursive: true });
});
after(stop);

const MANUAL = '.manual-page';

test('a link with ?help=model opens the model with its equations, the plan behind it', async () => {
  const { page, done } = await open({ query: '?p=ningxia.2&help=model-talent', ready: '.manual-formula' });
  const heading = page.locator('#help-model-talent');
  await heading.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'help-model-talent');
  const talent = page.locator('.manual-section[data-topic="model-talent"] .manual-formula').first();
  assert.match(await talent.textContent(), /T\(y\) = T\(y−1\) · \(1 − a\) \+ H\(y\)/);
  assert.equal(await page.locator('.app').isHidden(), true, 'the plan is hidden behind the manual');
  // Every parameter of the registry has its entry, with its key.
  assert.ok(await page.locator('[data-topic^="param-"]').count() >= 20);
  await done();
});

test('an unknown topic opens the contents, with no error', async () => {
  const { page, done } = await open({ query: '?help=nonsense', ready: MANUAL });
  await page.locator('.manual-contents a').first().waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'manual-title');
  assert.equal(await page.locator('.notice, [role=alert]').count(), 0);
  await done();
});

test('? on the main page opens the manual, not while typing in a field; Esc closes it with the plan unchanged', async () => {
  const { page, done } = await open();
  await settled(page);
  const field = page.locator('#param-hires input[type=text]');
  await field.fill('15000');
  await field.press('Enter');
  await settled(page);
  await oddsReady(page);
  const address = new URL(page.url()).search;
  const cards = await page.locator('.target-card').allTextContents();
  // Typing ? into a field types it.
  await field.focus();
  await page.keyboard.type('?');
  assert.equal(await page.locator(MANUAL).count(), 0, 'typing ? in a field does not open the manual');
  await field.fill('15000');
  await field.press('Enter');
  await page.locator('#targets-heading').click();
  await page.keyboard.press('?');
  await page.locator(MANUAL).waitFor();
  assert.match(new URL(page.url()).search, /help=contents/);
  await page.keyboard.press('Escape');
  await page.locator(MANUAL).waitFor({ state: 'detached' });
  await page.waitForFunction((a) => location.search === a, address);
  assert.deepEqual(await page.locator('.target-card').allTextContents(), cards, 'the plan is unchanged');
  // F1 opens it too, and the browser's back closes it.
  await page.keyboard.press('F1');
  await page.locator(MANUAL).waitFor();
  await page.goBack();
  await page.locator(MANUAL).waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).search, address);
  assert.deepEqual(await page.locator('.target-card').allTextContents(), cards);
  await done();
});

test('a number typed and not yet committed: F1 types on, the help button commits it, and closing the help keeps it in the address and over a reload', async () => {
  const { page, done } = await open({ query: '?lang=zh' });
  await page.locator('#input-hires').fill('15000');
  await page.keyboard.press('F1');
  assert.equal(await page.locator(MANUAL).count(), 0, 'F1 while typing does not open the manual');
  await page.click('#open-help');
  await page.locator(MANUAL).waitFor();
  await page.keyboard.press('Escape');
  await page.locator(MANUAL).waitFor({ state: 'detached' });
  await page.waitForFunction(() => /[?&]h=15000(&|$)/.test(location.search) && !/help=/.test(location.search));
  await settled(page);
  await page.reload();
  await page.locator('.target-card').first().waitFor();
  assert.equal(await page.locator('#input-hires').inputValue(), '15000', 'the value survives a reload');
  await done();
});

test('the search filters the sections, and a cleared search shows them all', async () => {
  const { page, done } = await open({ query: '?lang=zh&help=contents', ready: MANUAL });
  await page.locator('.manual-section').first().waitFor();
  const all = await page.locator('.manual-section').count();
  await page.locator('#manual-search').fill('流失率');
  await page.locator('#manual-found').waitFor();
  const found = await page.locator('.manual-section').count();
  assert.ok(found > 0 && found < all / 2, `${found} of ${all}`);
  assert.match(await page.locator('#manual-found').textContent(), /找到 \d+ 节/);
  assert.ok(await page.locator('[data-topic="param-attrition"]').isVisible());
  await page.locator('#manual-search').fill('no-such-word-anywhere');
  assert.match(await page.locator('#manual-found').textContent(), /没有找到/);
  await page.locator('#manual-search').fill('');
  assert.equal(await page.locator('.manual-section').count(), all);
  await done();
});

test("a section's link opens its feature: the share dialog, a setting", async () => {
  const { page, done } = await open({ query: '?lang=en&help=share-save', ready: MANUAL });
  await page.locator('[data-topic="share-save"] .open-feature').click();
  await page.locator(MANUAL).waitFor({ state: 'detached' });
  await page.locator('.dialog').first().waitFor();
  assert.match(await page.locator('.dialog').first().textContent(), /link/i);
  await done();
  const second = await open({ query: '?lang=en&help=model-talent', ready: MANUAL });
  await second.page.locator('[data-topic="model-talent"] .open-feature').click();
  await second.page.locator(MANUAL).waitFor({ state: 'detached' });
  await second.page.waitForFunction(() => document.activeElement?.closest('#param-hires') !== null);
  await second.done();
});

test("a setting's ⓘ opens its entry, and the header's button the contents", async () => {
  const { page, done } = await open({ query: '?lang=en' });
  await page.locator('#param-attrition .about-param').click();
  await page.locator('#help-param-attrition').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'help-param-attrition');
  assert.match(await page.locator('[data-topic="param-attrition"]').textContent(), /8 %/);
  await page.locator('#manual-close').click();
  await page.locator(MANUAL).waitFor({ state: 'detached' });
  await page.locator('#open-help').click();
  await page.locator('#manual-title').waitFor();
  await done();
});

test('the manual passes axe, and is looked at in both languages at desktop and phone size', async () => {
  for (const [name, width, height] of [['desktop', 1400, 900], ['phone', 390, 844]]) {
    for (const lang of ['zh', 'en']) {
      const { page, done } = await open({ width, height, query: `?lang=${lang}&help=contents`, ready: '.manual-section' });
      assert.deepEqual(await axeViolations(page), [], `${name} ${lang}`);
      await page.screenshot({ path: `target/screenshots/manual-${name}-${lang}.png` });
      await page.goto(page.url().replace('help=contents', 'help=model-rooms'));
      await page.locator('#help-model-rooms').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `target/screenshots/manual-model-${name}-${lang}.png` });
      await done();
    }
  }
});

/** Where an element stands in the window: its box's top, and whether it is in the top part. */
async function atTop(page, selector) {
  return page.evaluate((selector) => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return { top: Math.round(box.top), height: innerHeight, inTopPart: box.top >= 0 && box.top <= innerHeight * 0.35 };
  }, selector);
}

test('"open it in the app" brings the feature to the top of the view and focuses its control, after the page was scrolled and the manual browsed', async () => {
  const cases = [
    // [the section, the block that must stand at the top, the control that must be focused]
    ['model-rooms', '#param-rooms_per_year', '#param-rooms_per_year input[type=text]'],
    ['compare', 'section.compare-bar', '#compare-copy'],
    ['model-talent', '#param-hires', '#param-hires input[type=text]'],
    ['own-region', 'details.targets-group', '#add-target'],
  ];
  for (const [width, height] of [[1400, 900], [390, 844]]) {
    for (const [topic, block, control] of cases) {
      const { page, done } = await open({ width, height, query: '?lang=zh' });
      await settled(page);
      // The plan scrolled far down, as a planner reading the year table; the manual opened over it.
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await page.locator('body').press('?');
      await page.locator(MANUAL).waitFor();
      await page.locator(`.manual-contents a[href*="help=${topic}"]`).click();
      await page.waitForFunction((t) => document.activeElement?.id === `help-${t}`, topic);
      await page.locator(`[data-topic="${topic}"] .open-feature`).click();
      await page.locator(MANUAL).waitFor({ state: 'detached' });
      await page.waitForFunction((c) => document.activeElement === document.querySelector(c), control);
      // Late scrolling (the browser's own restoring after the history step) must not move it.
      await page.waitForTimeout(600);
      const where = await atTop(page, block);
      assert.ok(where.inTopPart, `${width}px ${topic}: ${block} stands at ${where.top} of ${where.height}`);
      assert.ok(await page.evaluate((c) => document.activeElement === document.querySelector(c), control),
        `${width}px ${topic}: ${control} keeps the focus`);
      await done();
    }
  }
});

test('a search marks the words found in the sections shown, and Enter goes to the first', async () => {
  const { page, done } = await open({ query: '?lang=zh&help=contents', ready: MANUAL });
  await page.locator('.manual-section').first().waitFor();
  assert.equal(await page.locator('.manual-text mark').count(), 0, 'nothing marked before a search');
  await page.locator('#manual-search').fill('流失率');
  await page.locator('#manual-found').waitFor();
  const marks = await page.locator('.manual-text mark').allTextContents();
  assert.ok(marks.length >= 3, `${marks.length} marks`);
  assert.ok(marks.every((m) => m === '流失率'), marks.join(','));
  // Every section shown in full holds a mark; the search box keeps the focus while typing.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'manual-search');
  const unmarked = await page.locator('.manual-section.is-match:not(:has(mark))').count();
  assert.equal(unmarked, 0, 'every section found shows where');
  await done();
  // Two words, in English, any case: each marked.
  const en = await open({ query: '?lang=en&help=contents', ready: MANUAL });
  await en.page.locator('.manual-section').first().waitFor();
  await en.page.locator('#manual-search').fill('ROOMS coverage');
  await en.page.locator('#manual-found').waitFor();
  const words = new Set((await en.page.locator('.manual-text mark').allTextContents()).map((m) => m.toLowerCase()));
  assert.ok(words.has('rooms') && words.has('coverage'), [...words].join(','));
  // Enter in the search box moves to the first section found, its heading focused.
  await en.page.locator('#manual-search').press('Enter');
  await en.page.waitForFunction(() => document.activeElement?.closest('.manual-section.is-match') !== null);
  assert.deepEqual(await axeViolations(en.page), []);
  await en.page.locator('#manual-search').fill('');
  assert.equal(await en.page.locator('.manual-text mark').count(), 0, 'a cleared search marks nothing');
  await en.done();
});

test("the tour shows the app's own small pictures, with a description in the reader's language, from the app's folder", async () => {
  for (const lang of ['zh', 'en']) {
    const { page, done } = await open({ query: `?lang=${lang}&help=tour`, ready: '#help-tour' });
    const pictures = page.locator('[data-topic="tour"] img');
    assert.ok(await pictures.count() >= 3, `${lang}: ${await pictures.count()} pictures`);
    for (const picture of await pictures.all()) {
      await picture.scrollIntoViewIfNeeded();
      await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await picture.elementHandle());
      const alt = await picture.getAttribute('alt');
      assert.ok(alt && alt.length > 8, `${lang}: alt “${alt}”`);
      assert.equal(/[\u4e00-\u9fff]/.test(alt), lang === 'zh', `${lang}: the alt is in the reader's language: ${alt}`);
      const src = await picture.evaluate((img) => img.src);
      assert.ok(src.startsWith(new URL(page.url()).origin), src);
    }
    await done();
  }
});

test('the manual prints on A4 with nothing wider than the page', async () => {
  for (const lang of ['zh', 'en']) {
    // 180 mm, the width inside A4's margins of 15 mm.
    const { page, done } = await open({ width: 680, height: 1000, query: `?lang=${lang}&help=contents`, ready: '.manual-section' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    await writeFile(`target/screenshots/manual-${lang}.pdf`, pdf);
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('.manual-page *')]
        .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)} > ${width}`)
        .slice(0, 5);
    });
    assert.deepEqual(wide, [], `${lang}: wider than the page`);
    assert.equal(await page.locator('.manual-tools').isVisible(), false, 'no search box on paper');
    await done();
  }
});
