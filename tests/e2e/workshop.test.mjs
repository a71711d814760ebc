// Issue 20, items 10–14: a comparison shared whole, titles that say what was edited, legend
// samples and a target line no plan's line looks like, participants named from the chat
// export, and predictions sent from the room's phones through the workshop's chat.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { axeViolations, baseUrl, open, start, stop } from './harness.mjs';

const SHORT = { timeout: 5000 };
const SHOTS = 'target/screenshots';

/** A participant's share link for Yunnan with their changes, from the command line. */
function link(...assignments) {
  const sets = assignments.flatMap((a) => ['--set', a]);
  const args = ['run', '-q', '--bin', 'swplan', '--', 'link', 'yunnan', ...sets, '--base-url', baseUrl()];
  return execFileSync('cargo', args, { encoding: 'utf8' }).trim();
}

/** A chat export of tests/e2e/chats/ with each `{key=value,…}` replaced by its link. */
async function chat(name) {
  const text = await readFile(new URL(`./chats/${name}.txt`, import.meta.url), 'utf8');
  const made = new Map();
  return text.replace(/\{([^}]+)\}/g, (_, sets) => {
    if (!made.has(sets)) made.set(sets, link(...sets.split(',')));
    return made.get(sets);
  });
}

async function commit(page, selector, value) {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

async function openCompare(page) {
  if (!(await page.locator('#compare-copy').isVisible())) await page.click('.compare-fold summary');
}

async function titles(page) {
  return page.locator('.compared-plan .plan-title').allInnerTexts();
}

/** Four plans: Yunnan, two copies with more hires, and the baseline. */
async function fourPlans(page) {
  await openCompare(page);
  for (const hires of ['15000', '17000']) {
    await page.click('#compare-copy');
    await commit(page, '#input-hires', hires);
    await page.locator('.compared-plan .plan-title', { hasText: '相同' }).waitFor({ state: 'detached', timeout: 5000 });
  }
  await page.click('#compare-baseline');
  await page.locator('.compared-plan').nth(3).waitFor(SHORT);
}

async function openPool(page) {
  const button = page.locator('#open-pool');
  if (!(await button.isVisible())) await page.locator('details:has(#open-pool) > summary').click();
  await button.click();
  await page.locator('#pool-dialog[open]').waitFor(SHORT);
}

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  await start();
});
after(stop);

describe('issue 20: comparing and sharing', () => {
  test('10: "share this comparison" gives one link and QR code that reopen all four plans', async () => {
    const { page, done } = await open();
    await fourPlans(page);
    const before = await titles(page);
    assert.equal(before.length, 4);
    await page.click('#compare-share');
    const dialog = page.locator('#share-dialog[open]');
    await dialog.waitFor(SHORT);
    assert.match(await dialog.locator('h2').first().innerText(), /分享此比较/);
    assert.ok(await page.locator('#share-comparison').isChecked());
    const whole = await page.locator('#share-link').inputValue();
    assert.match(whole, /1\.p=.*2\.p=.*3\.p=/, 'every plan in one link');
    assert.equal(await dialog.locator('figure.qr svg').count(), 1, 'a QR code');
    const query = whole.slice(whole.indexOf('?'));
    console.log(`a comparison of four plans: ${query.length - 1} characters after "?", ${whole.length} with the address`);
    await dialog.screenshot({ path: `${SHOTS}/workshop-share-comparison-zh.png` });
    assert.deepEqual(await axeViolations(page), []);
    // Beside it, the plan being edited alone, as before.
    await page.locator('#share-plan').check();
    await page.locator('#share-dialog h2', { hasText: '分享此方案' }).waitFor(SHORT);
    const one = await page.locator('#share-link').inputValue();
    assert.ok(one.length < whole.length && !one.includes('1.p='));
    await done();

    const reopened = await open({ query });
    await reopened.page.locator('.compare-card').first().waitFor(SHORT);
    const after = await titles(reopened.page);
    assert.equal(after.length, 4);
    assert.equal(new Set(after.map((t) => t.slice(4))).size, 4, `unique titles: ${after}`);
    // Yunnan's preset makes no new decisions: the baseline has its numbers and says so.
    assert.equal(after[3], before[3]);
    assert.equal(after[3], 'D · 基准（不作新决策）（与A相同）');
    assert.match(await reopened.page.locator('.diff').innerText(), /每年新增人才\s+1\.2万\s+1\.5万\s+1\.7万\s+1\.2万/);
    await reopened.done();
  });

  test('11: a saved plan and the working plan edited after it have different titles', async () => {
    const { page, done } = await open();
    await page.click('#open-saves');
    await page.fill('#save-name', '甲：多招人少流失');
    await page.getByRole('button', { name: '另存为新方案' }).click();
    await page.locator('.saves .save', { hasText: '甲：多招人少流失' }).first().waitFor(SHORT);
    await page.keyboard.press('Escape');
    await openCompare(page);
    await page.locator('.compare-save select').selectOption({ label: '甲：多招人少流失' });
    await page.locator('.compared-plan').nth(1).waitFor(SHORT);
    await commit(page, '#input-hires', '16000');
    await page.locator('.compared-plan .plan-title', { hasText: '已修改' }).waitFor(SHORT);
    const shown = await titles(page);
    assert.deepEqual(shown, ['A · 甲：多招人少流失（已修改，未保存）', 'B · 甲：多招人少流失']);
    const legend = await page.locator('#chart-talent .legend li').allInnerTexts();
    assert.ok(legend.includes(shown[0]) && legend.includes(shown[1]), `${legend}`);
    await page.locator('.compare-bar').screenshot({ path: `${SHOTS}/workshop-titles-zh.png` });
    await done();
  });

  test('12: legend samples show each dash twice over; the target line is unlike any plan\'s', async () => {
    for (const lang of ['zh', 'en']) {
      const { page, done } = await open({ query: lang === 'en' ? '?lang=en' : '' });
      await fourPlans(page);
      const chart = page.locator('#chart-talent');
      const samples = await chart.locator('.legend .line-sample line').evaluateAll((lines) => lines.map((l) => ({
        length: l.getBBox().width,
        dash: l.getAttribute('stroke-dasharray'),
      })));
      assert.equal(samples.length, 4);
      for (const { length, dash } of samples) {
        const period = (dash || '').split(' ').filter(Boolean).map(Number).reduce((a, b) => a + b, 0);
        assert.ok(length >= 2 * period && length >= 30, `${length} for "${dash}"`);
      }
      const target = chart.locator('.legend .target-sample');
      assert.equal(await target.locator('[stroke-dasharray]').count(), 0, 'the target is not dashed');
      assert.equal(await chart.locator('.target-band').count() > 0, true, 'a band behind the target line');
      const lineStyle = await chart.locator('.target-line').first().evaluate((l) => getComputedStyle(l).strokeDasharray);
      assert.equal(lineStyle, 'none');
      await chart.screenshot({ path: `${SHOTS}/workshop-legend-${lang}.png` });
      await done();
    }
  });
});

describe('issue 20: participants, not line numbers', () => {
  test('13: a QQ export names each participant, with their levers, verdicts and first years', async () => {
    const { page, done } = await open();
    await openPool(page);
    await page.fill('#pool-input', await chat('qq'));
    // No button to press: the pool follows the text.
    await page.locator('#pool-summary', { hasText: '参与者 4 人' }).waitFor(SHORT);
    const rows = page.locator('.pool-participants tbody tr');
    assert.deepEqual(await rows.locator('th').allInnerTexts(), ['张三', '李四', '王五', '赵六']);
    const li = await rows.nth(1).locator('td').allInnerTexts();
    assert.equal(li[0], '年流失率 6%、每年新增人才 1.6万');
    assert.match(li[1], /^✗ 2026$/, 'missed, reached a year late');
    assert.match(await rows.nth(3).locator('td').nth(1).innerText(), /^✓ 2024$/);
    // The chat grows; it is pasted again: a fifth participant joins.
    const more = `${await chat('qq')}\n\n2024-03-05 10:12:40 钱七(5566778899)\n${link('hires=17000')}`;
    await page.fill('#pool-input', more);
    await page.locator('#pool-summary', { hasText: '参与者 5 人' }).waitFor(SHORT);
    assert.equal(await page.locator('.pool-stale').count(), 0);
    // A participant's line says whose it is on hover.
    // (赵六's: 李四's now lies under the room's median, 王五's and 钱七's within a pixel or two.)
    const line = page.locator('#pool-chart-0 .series[data-label="赵六"]');
    await page.locator('#pool-chart-0').scrollIntoViewIfNeeded();
    // The pointer on a point of the line itself (a thin path's box is mostly empty), where no
    // other participant's line or the median lies over it.
    const point = await line.locator('.line-hit').evaluate((path) => {
      const m = path.getScreenCTM();
      const length = path.getTotalLength();
      for (let f = 0; f <= 1; f += 0.01) {
        const p = path.getPointAtLength(length * f);
        const at = { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
        if (document.elementFromPoint(at.x, at.y)?.closest('.series') === path.closest('.series')) return at;
      }
      return null;
    });
    assert.ok(point, "a point of 赵六's line no other line covers");
    await page.mouse.move(point.x, point.y);
    const label = line.locator('.series-label');
    await label.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await label.textContent(), '赵六');
    await page.locator('#pool-dialog').screenshot({ path: `${SHOTS}/workshop-participants-zh.png` });
    assert.deepEqual(await axeViolations(page), []);
    await done();
  });

  test('13: one click opens, compares or presents one participant\'s plan', async () => {
    // The presenter's type is sized for the room at 1920×1080 (issue 20, item 7).
    const { page, done } = await open({ width: 1920, height: 1080 });
    await openPool(page);
    await page.fill('#pool-input', await chat('dingtalk'));
    await page.locator('#pool-summary', { hasText: '参与者 5 人' }).waitFor(SHORT);
    const row = (name) => page.locator('.pool-participants tbody tr', { has: page.locator('th', { hasText: name }) });
    await row('王五').getByRole('button', { name: /比较/ }).click();
    await page.locator('.compared-plan .plan-title', { hasText: 'B · 王五' }).waitFor(SHORT);
    await openPool(page);
    await row('李四').getByRole('button', { name: /演示/ }).click();
    const title = page.locator('#presenter-title');
    await title.waitFor(SHORT);
    assert.match(await title.innerText(), /^李四 · 云南省$/);
    const size = await title.evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
    assert.ok(size >= 24, `the name in large type (${size}px)`);
    await page.screenshot({ path: `${SHOTS}/workshop-present-participant-zh.png` });
    await page.click('#presenter-exit');
    await page.locator('.presenter').waitFor({ state: 'detached', timeout: 5000 });
    await openPool(page);
    await row('钱七').getByRole('button', { name: /打开/ }).click();
    await page.locator('#plan-name', { hasText: '钱七' }).waitFor(SHORT);
    assert.equal(await page.inputValue('#input-hires'), '17000');
    await done();
  });

  test('13: on a phone, in English, a WeChat export lists its participants without sideways scroll', async () => {
    const { page, done } = await open({ width: 390, height: 844, query: '?lang=en' });
    await openPool(page);
    await page.fill('#pool-input', await chat('wechat'));
    await page.locator('#pool-summary', { hasText: 'Participants: 3' }).waitFor(SHORT);
    assert.deepEqual(await page.locator('.pool-participants tbody th').allInnerTexts(), ['李四', '王五', '张三']);
    assert.match(await page.locator('.pool-rejected li').innerText(), /^Line 5 \(张三\): the same person sent a newer plan at line 19 \(张三\)/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.equal(overflow, 0);
    await page.locator('#pool-dialog').screenshot({ path: `${SHOTS}/workshop-participants-en-phone.png` });
    await done();
  });
});

describe('issue 20: predictions from phones, without a server', () => {
  test('14: three phones predict through the chat; the presenter tallies them beside the result', async () => {
    const trainer = await open({ width: 1920, height: 1080, query: '?v=1&p=ningxia.2&story=ningxia-rooms&step=1', ready: '.presenter' });
    const tp = trainer.page;
    await tp.locator('.story-step.is-asking').waitFor(SHORT);
    // The QR code (Q shows it full size, with its address) opens the question on a phone.
    await tp.keyboard.press('q');
    const address = await tp.locator('.presenter-overlay-address').innerText();
    assert.match(address, /story=ningxia-rooms&step=1&pr=1$/);
    await tp.keyboard.press('q');

    const picks = [['张三', '把握变大'], ['李四', '把握变大'], ['王五', '差不多']];
    const messages = [];
    for (const [i, [, choice]] of picks.entries()) {
      const phone = await open({ width: 390, height: 844, query: address.slice(address.indexOf('?')) });
      const pp = phone.page;
      await pp.locator('.prediction').waitFor(SHORT);
      assert.match(await pp.locator('#prediction-title').innerText(), /预测 · 第2步（共7步）/);
      assert.match(await pp.locator('.prediction-question').innerText(), /提前多建/);
      assert.deepEqual(await pp.locator('.prediction-choice').allInnerTexts(), ['把握变大', '差不多', '把握变小']);
      await pp.getByRole('button', { name: choice }).click();
      const message = await pp.locator('#prediction-message').inputValue();
      assert.match(message, new RegExp(`^【预测】宁夏 第2步：${choice} #[0-9a-z]{3}$`));
      messages.push(message);
      await pp.click('#prediction-copy');
      await pp.locator('.prediction .copy-status:not(:empty)').waitFor(SHORT);
      if (i === 0) {
        await pp.screenshot({ path: `${SHOTS}/workshop-phone-prediction-zh.png` });
        assert.deepEqual(await axeViolations(pp), []);
      }
      // The phone goes on to the step's plan.
      await pp.click('#prediction-close');
      await pp.locator('.presenter').waitFor(SHORT);
      await phone.done();
    }

    // The trainer pastes the workshop chat: names, times, talk and the three messages.
    const exported = [
      '王老师 2024-03-05 10:20', '请大家扫码预测，把消息发到群里',
      ...picks.flatMap(([name], i) => [`${name} 2024-03-05 10:2${i + 1}`, messages[i]]),
    ].join('\n');
    const tally = tp.locator('.prediction-tally');
    await tally.waitFor(SHORT);
    if (!(await tp.locator('#tally-paste').isVisible())) await tally.locator('summary').click();
    await tp.fill('#tally-paste', exported);
    await tally.locator('.tally-summary', { hasText: '已收到 3 人的预测' }).waitFor(SHORT);
    const counts = await tally.locator('.tally-count').allInnerTexts();
    assert.deepEqual(counts, ['2人 · 67%', '1人 · 33%', '0人 · 0%']);
    assert.equal(await tally.locator('.is-answer').count(), 0, 'no answer before the reveal');
    await tp.screenshot({ path: `${SHOTS}/workshop-tally-asking-zh.png` });
    // Back to the presenter's keys: the reveal marks the answer beside the result.
    await tp.locator('.presenter').focus();
    await tp.keyboard.press('Space');
    await tally.locator('.tally-result').waitFor(SHORT);
    assert.equal(await tally.locator('.is-answer .tally-label').innerText(), '把握变大 ✓ 结果');
    assert.equal(await tally.locator('.tally-result').innerText(), '结果：把握变大 — 3人中2人猜对');
    const smallest = await tally.evaluate((t) => Math.min(...[...t.querySelectorAll('h2, .tally-choice, .tally-result')]
      .map((e) => parseFloat(getComputedStyle(e).fontSize))));
    assert.ok(smallest >= 20, `the room reads it (${smallest}px)`);
    await tp.screenshot({ path: `${SHOTS}/workshop-tally-revealed-zh.png` });
    assert.deepEqual(await axeViolations(tp), []);
    await trainer.done();
  });

  test('14: in English, the phone\'s message counts for the same choice', async () => {
    const story = '?v=1&p=ningxia.2&story=ningxia-rooms&step=1';
    const phone = await open({ width: 390, height: 844, query: `${story}&pr=1&lang=en` });
    const pp = phone.page;
    await pp.locator('.prediction').waitFor(SHORT);
    await pp.getByRole('button', { name: 'Better odds' }).click();
    const message = await pp.locator('#prediction-message').inputValue();
    assert.match(message, /^\[Prediction\] Ningxia step 2: Better odds #[0-9a-z]{3}$/);
    await pp.screenshot({ path: `${SHOTS}/workshop-phone-prediction-en.png` });
    assert.deepEqual(await axeViolations(pp), []);
    await phone.done();

    const trainer = await open({ width: 1400, height: 900, query: `${story}&lang=en`, ready: ".presenter" });
    const tally = trainer.page.locator('.prediction-tally');
    await tally.waitFor(SHORT);
    if (!(await trainer.page.locator('#tally-paste').isVisible())) await tally.locator('summary').click();
    await trainer.page.fill('#tally-paste', `Zhang San 10:21\n${message}`);
    await tally.locator('.tally-summary', { hasText: '1 prediction' }).waitFor(SHORT);
    assert.equal(await tally.locator('.tally-count').first().innerText(), '1 · 100%');
    await trainer.page.screenshot({ path: `${SHOTS}/workshop-tally-asking-en.png` });
    await trainer.done();
  });
});

describe('issue 20: recorded stories kept, and the pooled result presented', () => {
  test('15: a recorded story survives a reload, is renamed, exported, deleted and restored', async () => {
    const { page, done } = await open();
    await page.click('#training-menu summary');
    await page.click('#open-stories');
    await page.click('#start-recording');
    await page.locator('.recording-title input').fill('多招人的故事');
    await page.locator('.recording-title input').press('Enter');
    await commit(page, '#input-hires', '16000');
    await page.click('#record-step');
    await page.fill('#step-caption', '多招人会怎样？');
    await page.getByRole('button', { name: '记录此步' }).click();
    await page.locator('.recording-bar', { hasText: '已录 1 步' }).waitFor(SHORT);
    await page.click('#stop-recording');

    // Kept with the saves: after a reload it is still listed.
    await page.reload();
    await page.locator('.app .target-card').first().waitFor();
    await page.click('#training-menu summary');
    await page.click('#open-stories');
    const story = page.locator('.recorded-stories li.story', { hasText: '多招人的故事' });
    await story.waitFor(SHORT);
    assert.match(await story.innerText(), /1\s*步/);

    // Renamed.
    await story.getByRole('button', { name: '改名' }).click();
    await page.locator('.story-rename-field').fill('招人故事（改）');
    await page.locator('.story-rename').getByRole('button', { name: '改名' }).click();
    const renamed = page.locator('.recorded-stories li.story', { hasText: '招人故事（改）' });
    await renamed.waitFor(SHORT);

    // Exported as a file that opens as the same story.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      renamed.getByRole('button', { name: '导出文件' }).click(),
    ]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.title, '招人故事（改）');
    assert.equal(file.step.length, 1);

    // Deleted, with an undo that brings it back.
    await renamed.getByRole('button', { name: /删除/ }).click();
    await renamed.waitFor({ state: 'detached', timeout: 5000 });
    await page.click('#restore-story');
    await page.locator('.recorded-stories li.story', { hasText: '招人故事（改）' }).waitFor(SHORT);
    await done();
  });

  test('9: the pooled result is presented, and the presenter goes back to the plan', async () => {
    const { page, done } = await open({ width: 1920, height: 1080 });
    await openPool(page);
    await page.fill('#pool-input', await chat('dingtalk'));
    await page.locator('#pool-summary', { hasText: '参与者 5 人' }).waitFor(SHORT);
    const row = page.locator('.pool-participants tbody tr').first();
    await row.getByRole('button', { name: /演示/ }).click();
    await page.locator('.presenter').waitFor(SHORT);
    await page.click('#presenter-pool');
    const title = page.locator('#presenter-pool-title');
    await title.waitFor(SHORT);
    assert.equal(await title.innerText(), '工作坊汇总结果');
    const shown = await page.locator('.presenter').innerText();
    assert.match(shown, /5/, 'the participants counted on the screen');
    await page.screenshot({ path: `${SHOTS}/workshop-present-pool-zh.png` });
    // W (or the button) goes back to the plan.
    await page.keyboard.press('w');
    await title.waitFor({ state: 'detached', timeout: 5000 });
    assert.match(await page.locator('#presenter-title').innerText(), /云南省/);
    await done();
  });
});
