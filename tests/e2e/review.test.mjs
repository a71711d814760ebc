// A fresh-eyes review of the release build: each defect found, reproduced in Chromium. Every test
// here failed on the release build before its fix (run with DIST=<old dist> to see it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, oddsReady, open, settled, start, stop } from './harness.mjs';

before(start);
after(stop);

const SHORT = { timeout: 5000 };

describe('review: what a planner sees after each step', () => {
  test('item 1: Enter in the read-only field of a schedule that varies by year changes nothing', async () => {
    const { page, done } = await open();
    await page.locator('#param-hires').getByRole('button', { name: /逐年设置/ }).click();
    const cell = page.locator('#schedule-hires-2023');
    await cell.fill('40000');
    await cell.press('Enter');
    await page.locator('#param-hires .chip.varies').waitFor(SHORT);
    const field = page.locator('#input-hires');
    assert.equal(await field.inputValue(), '逐年不同');
    await field.click();
    await field.press('Enter');
    await field.press('Tab');
    await settled(page);
    assert.equal(await field.inputValue(), '逐年不同');
    assert.equal(await page.locator('#error-hires').count(), 0, 'no "please enter a number"');
    assert.equal(await page.locator('.invalid-banner').count(), 0);
    assert.equal(await page.locator('.results.is-stale').count(), 0, 'the results are current');
    // "What it takes" can still be applied.
    await page.locator('.what-it-takes summary').first().click();
    const apply = page.locator('.what-it-takes .apply').first();
    await apply.waitFor(SHORT);
    assert.equal(await page.locator('.seek-blocked').count(), 0);
    assert.ok(await apply.isEnabled(), 'Apply is enabled');
    await done();
  });

  test('item 3: after deleting the save on screen the header no longer names it', async () => {
    const { page, done } = await open();
    await page.fill('#input-hires', '15000');
    await page.press('#input-hires', 'Enter');
    await page.click('#open-saves');
    await page.fill('#save-name', '临时方案');
    await page.getByRole('button', { name: '另存为新方案' }).click();
    await page.locator('.saves .save', { hasText: '临时方案' }).waitFor(SHORT);
    await page.locator('.saves .save').first().getByRole('button', { name: /删除/ }).click();
    await page.locator('.saves .save').waitFor({ state: 'detached' });
    // The name box no longer offers the deleted save's name.
    assert.notEqual(await page.inputValue('#save-name'), '临时方案');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#plan-name').count(), 0, 'no "方案“临时方案”" in the header');
    assert.equal(await page.inputValue('#input-hires'), '15000', 'the plan keeps its numbers');
    // Undo brings the save back, and the plan is that save again.
    await page.locator('.undo-hint').getByRole('button', { name: '撤销' }).click();
    assert.equal(await page.locator('#plan-name').innerText(), '方案“临时方案”（已保存）');
    await done();
  });

  test('item 4: the open-link box and its message show a link as the app makes it today', async () => {
    const { page, done } = await open();
    await page.click('#open-saves');
    const placeholder = await page.getAttribute('#open-link', 'placeholder');
    assert.equal(placeholder, 'http://…?v=2&c=…&p=…');
    await page.fill('#open-link', '你好 这不是链接');
    await page.press('#open-link', 'Enter');
    const message = await page.locator('#open-link-error').innerText();
    assert.match(message, /含“v=2&c=…&p=…”/);
    assert.doesNotMatch(message, /v=1/);
    // The shared link starts the same way.
    await page.keyboard.press('Escape');
    await page.click('#open-share');
    const link = await page.locator('#share-link').inputValue();
    assert.match(link, /\?v=2&c=[0-9a-z]{5}&p=/);
    await done();
  });

  test('item 5: at 90 % the rooms a year keep the coverage target at 90 % too, and the list shows the odds', async () => {
    const { page, done } = await open({ query: '?v=2&p=ningxia&r=1000' });
    await oddsReady(page);
    const card = page.locator('.target-card[data-metric="rooms"]');
    await card.locator('.what-it-takes summary').click();
    await card.locator('.what-it-takes select').nth(1).selectOption('0.9');
    // Met now at 1,000 a year: how far it could fall and still be met with 90 % confidence.
    const answer = card.locator('.seek-answer', { hasText: '以90%的把握已达成' });
    await answer.waitFor({ timeout: 15000 });
    const value = Number((await answer.innerText()).match(/最低可降至 ?(\d+)/)[1]);
    assert.ok(value >= 593, `at least 593 rooms a year, not ${value}`);
    const preview = card.locator('.seek-preview');
    assert.match(await preview.innerText(), /括号内为达成概率/);
    assert.match(await preview.innerText(), /社工室覆盖率：✓ → ✓（达成概率 100% → (9\d(\.\d)?|100)%）/);
    await done();
  });

  test('item 6: the demonstration stations "if the same every year" answer lists its effect on every target', async () => {
    const { page, done } = await open({ query: '?v=2&p=ningxia' });
    const card = page.locator('.target-card[data-metric="demo_stations"]');
    await card.locator('.what-it-takes summary').click();
    await card.locator('.seek-answer', { hasText: '若改为每年相同' }).waitFor(SHORT);
    const rows = card.locator('.seek-preview li');
    assert.equal(await rows.count(), await page.locator('.target-card').count(), 'every target listed');
    assert.match(await card.locator('.seek-preview').innerText(), /示范站：✓ → ✓/);
    await done();
  });

  test('item 7: on a phone the notices and the kept plans are one line each, unfolded on demand', async () => {
    const { page, done } = await open({ width: 390, height: 844 });
    await page.getByRole('button', { name: '参数设置' }).click();
    await page.fill('#input-hires', '15000');
    await page.press('#input-hires', 'Enter');
    await page.waitForFunction(() => (localStorage.getItem('swplan.v1.autosave') ?? '').includes('15000'), null, SHORT);
    // A link of the first model reading: the edited plan is kept aside, and notices say what
    // the link gave.
    await page.goto(`${baseUrl()}?v=1&p=ningxia.1`);
    await page.locator('#kept-plans').waitFor(SHORT);
    await page.locator('.notices .notice').first().waitFor(SHORT);
    const height = (selector) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().height);
    const notices = await height('.notices');
    const kept = await height('#kept-plans');
    const lines = await page.locator('.notices > .notice, .notices > .notice-more').count();
    assert.ok(notices <= lines * 46, `${lines} notice lines in ${notices} px`);
    assert.ok(kept <= 46, `the kept plans in one line: ${kept} px`);
    assert.match(await page.locator('#kept-plans-heading').innerText(), /（1）/);
    const results = await page.locator('.target-card').first().evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(results < 844 * 0.75, `the first card starts at ${results} px`);
    // Unfolded, the kept plan can be brought back, and the notice shows all it says.
    const restore = page.locator('#kept-plans').getByRole('button', { name: /^恢复/ });
    assert.ok(!(await restore.isVisible()));
    await page.locator('#kept-plans .notice-expand summary').click();
    assert.ok(await restore.isVisible());
    const first = page.locator('.notices > .notice').first();
    const folded = (await first.boundingBox()).height;
    await first.locator('.notice-expand summary').click();
    assert.ok((await first.boundingBox()).height > folded, 'the notice unfolds');
    await done();
  });

  test('item 7: a card with nothing to explain keeps no empty room above "what it takes"', async () => {
    for (const [width, height] of [[1400, 900], [390, 844]]) {
      const { page, done } = await open({ width, height, query: '?v=2&p=ningxia' });
      await oddsReady(page);
      const gaps = await page.locator('.target-card').evaluateAll((cards) => cards
        .filter((c) => !c.querySelector('.contrast'))
        .map((c) => c.querySelector('.what-it-takes').getBoundingClientRect().top - c.querySelector('.target-facts').getBoundingClientRect().bottom));
      assert.ok(gaps.length > 0, 'some card has nothing to explain');
      for (const gap of gaps) assert.ok(gap < 16, `${width} px wide: ${Math.round(gap)} px between the facts and "what it takes"`);
      await done();
    }
  });
});
