// Issue 10: compare and train — plans side by side, the presenter with playback and a story,
// the comparison shared by link, and a shared plan on a phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, open, start, stop } from './harness.mjs';

before(start);
after(stop);

const SHORT = { timeout: 5000 };

async function commit(page, selector, value) {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

async function openCompare(page) {
  if (!(await page.locator('#compare-copy').isVisible())) await page.click('.compare-fold summary');
}

async function compareTwo(page) {
  await openCompare(page);
  await page.click('#compare-copy');
  // Until it is changed, the copy says it is the same plan (its line lies under A's).
  await page.locator('.compared-plan .plan-title', { hasText: /^B · .*（与A相同）$/ }).waitFor(SHORT);
  await commit(page, '#input-hires', '20000');
  await page.locator('.compared-plan .plan-title', { hasText: '相同' }).waitFor({ state: 'detached', timeout: 5000 });
  await page.locator('.compare-card').first().waitFor(SHORT);
}

describe('issue 10: compare and train', () => {
  test('two plans side by side: both verdicts, the inputs that differ, one line each', async () => {
    const { page, done } = await open();
    await compareTwo(page);
    const rows = page.locator('.compare-card[data-metric="talent"] tbody tr');
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(0).innerText(), /A\s+✗ 未达成/);
    assert.match(await rows.nth(1).innerText(), /B\s+✓ 达成/);
    const diff = await page.locator('.diff').innerText();
    assert.match(diff, /每年新增人才\s+1\.2万\s+2万/);
    // Each plan a line of its own colour and dash.
    const tones = await page.locator('#chart-talent path.line').evaluateAll((ls) => ls.map((l) => l.getAttribute('class')));
    assert.deepEqual(tones.map((c) => c.match(/tone-\d/)[0]), ['tone-1', 'tone-2']);
    await done();
  });

  test('a comparison opens from one link with every plan', async () => {
    const first = await open();
    await compareTwo(first.page);
    await first.page.waitForFunction(() => location.search.includes('1.p='));
    const query = await first.page.evaluate(() => location.search);
    await first.done();
    const second = await open({ query });
    await second.page.locator('.compare-card').first().waitFor(SHORT);
    assert.equal(await second.page.locator('.compared-plan').count(), 2);
    await second.done();
  });

  test('on a phone a comparison fits the screen: nothing scrolls the page sideways', async () => {
    const { page, done } = await open({ width: 390, height: 844, query: '?lang=en' });
    await openCompare(page);
    await page.click('#compare-copy');
    await page.click('#compare-baseline');
    await page.locator('.compare-card').first().waitFor(SHORT);
    const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= width, `page ${scroll} px wide on a ${width} px screen`);
    const card = await page.locator('.compare-card').first().boundingBox();
    assert.ok(card.x + card.width <= width, 'the card ends inside the screen');
    await done();
  });

  test('the baseline stays as a faint line behind a single plan', async () => {
    const { page, done } = await open();
    await commit(page, '#input-hires', '20000');
    await openCompare(page);
    await page.check('#show-baseline');
    await page.locator('#chart-talent path.line.faint').waitFor(SHORT);
    await done();
  });

  test('the presenter walks through a story by keyboard to its end, asking before it reveals', async () => {
    const { page, done } = await open({ width: 1920, height: 1080 });
    await page.click('#training-menu summary');
    await page.click('#open-stories');
    await page.click('#story-yunnan-14wan');
    const counter = page.locator('.presenter-head .muted');
    await counter.waitFor(SHORT);
    assert.match(await counter.innerText(), /第1步，共6步/);
    let asked = 0;
    let changes = 0;
    let comparedWithLast = false;
    for (let i = 0; i < 20; i += 1) {
      changes = Math.max(changes, await page.locator('.story-changes li').count());
      if (await page.locator('.story-step.is-asking').count()) {
        asked += 1;
        // "Compared with the previous step…": the previous step's result is on screen to compare.
        if (/和上一步比/.test(await page.locator('.story-question').innerText())) {
          assert.match(await page.locator('.story-previous').innerText(), /^上一步的结果：社会工作人才总量 2025年底 [\d.]+万人$/);
          comparedWithLast = true;
        }
        assert.ok(await page.locator('.as-of').evaluate((el) => getComputedStyle(el).visibility === 'hidden'), 'results hidden while the room predicts');
      }
      if (/第6步/.test(await counter.innerText()) && !(await page.locator('.story-step.is-asking').count())) break;
      await page.keyboard.press(i % 2 ? 'PageDown' : 'Space');
    }
    assert.match(await counter.innerText(), /第6步，共6步/);
    assert.ok(asked >= 1, 'at least one question asked first');
    assert.ok(comparedWithLast, 'the step that compares with the last one was seen');
    assert.ok(changes >= 1, 'a step names what it changes, before the room predicts');
    await page.waitForFunction(() => /story=yunnan-14wan&step=5/.test(location.search));
    // Keys pressed once too often at the end change nothing: not the step, not the year.
    const year = await page.locator('.presenter-year').innerText();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Space');
    assert.match(await counter.innerText(), /第6步，共6步/);
    assert.equal(await page.locator('.presenter-year').innerText(), year);
    await page.locator('.story-end').waitFor(SHORT);
    await page.keyboard.press('ArrowLeft');
    assert.match(await counter.innerText(), /第5步/);
    await page.keyboard.press('Escape');
    await page.locator('.presenter').waitFor({ state: 'detached' });
    // The plan from before the story is back, and Undo would keep the story's instead.
    await page.locator('.undo-hint', { hasText: '已回到打开故事之前的方案' }).waitFor(SHORT);
    assert.equal(await page.locator('#input-hires').inputValue(), '12000');
    await done();
  });

  test('playback grows year by year and reaches the deadline with its verdict', async () => {
    const { page, done } = await open({ width: 1920, height: 1080 });
    await page.click('#training-menu summary');
    await page.click('#open-presenter');
    const year = page.locator('.presenter-year');
    // At the base year each line is one point, drawn as a ring rather than nothing.
    await page.locator('.presenter-slider input').fill('2020');
    assert.match(await year.innerText(), /2020年/);
    assert.match(await page.locator('#presenter-chart-talent path.line').getAttribute('d'), /^M[\d.]+ [\d.]+M[\d.]+ [\d.]+a3 3/);
    await page.locator('.presenter-slider input').fill('2022');
    assert.match(await year.innerText(), /2022年/);
    const ticks = () => page.locator('#presenter-chart-budget g.tick text').allTextContents();
    const early = await ticks();
    assert.match(await page.locator('.as-of-card').first().innerText(), /9\.46万 \/ 14万\s+2022年 · 还剩3年/);
    await page.keyboard.press('p');
    await page.locator('.presenter-year', { hasText: '2025年' }).waitFor({ timeout: 6000 });
    await page.keyboard.press('p');
    const card = await page.locator('.as-of-card').first().innerText();
    assert.match(card, /未达成|达成/);
    const points = await page.locator('#presenter-chart-talent path.line').getAttribute('d');
    assert.equal(points.split('L').length, 6, 'the line stops at 2025 (six years drawn)');
    assert.deepEqual(await ticks(), early, 'the scale stays put while the lines grow');
    await done();
  });

  test('axe finds no serious or moderate problem in the compare view and the presenter', async () => {
    const compare = await open();
    await compareTwo(compare.page);
    assert.deepEqual(await axeViolations(compare.page), [], 'compare view');
    await compare.done();
    const presenter = await open({ width: 1920, height: 1080, query: '?v=1&p=ningxia.2&story=ningxia-rooms&step=1', ready: '.presenter' });
    await presenter.page.locator('.presenter').waitFor(SHORT);
    assert.deepEqual(await axeViolations(presenter.page), [], 'presenter');
    await presenter.done();
  });

  test('a shared plan on a phone: cards and the key sliders usable, nothing scrolls sideways', async () => {
    const { page, done } = await open({ width: 390, height: 844, query: '?v=1&p=guizhou.2&h=20000' });
    const overflow = async () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(await overflow() <= 0);
    const card = page.locator('.target-card').first();
    assert.ok((await card.boundingBox()).width <= 390);
    await page.getByRole('button', { name: '参数设置' }).click();
    const slider = page.locator('#param-hires input[type=range]');
    const box = await slider.boundingBox();
    assert.ok(box.width >= 120 && box.height >= 24, `a usable slider (${box.width}×${box.height})`);
    assert.ok(await overflow() <= 0);
    await done();
  });

  test('a trainer records a story and gets a link that opens it', async () => {
    const { page, done } = await open();
    await page.click('#training-menu summary');
    await page.click('#open-stories');
    await page.click('#start-recording');
    await commit(page, '#input-hires', '16000');
    await page.click('#record-step');
    await page.fill('#step-caption', '多招人会怎样？');
    await page.getByRole('button', { name: '记录此步' }).click();
    await page.locator('.recording-bar', { hasText: '已录 1 步' }).waitFor(SHORT);
    await page.click('#story-link');
    const link = await page.locator('.story-link-field').inputValue();
    assert.match(link, /sr=/);
    await done();
    const reopened = await open({ width: 1920, height: 1080, query: link.slice(link.indexOf('?')), ready: '.presenter' });
    await reopened.page.locator('.presenter .story-caption', { hasText: '多招人会怎样？' }).waitFor(SHORT);
    await reopened.done();
  });
});
