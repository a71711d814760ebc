// Issue 9: plans that travel — links, saves, files, CSV and the printed report, in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { axeViolations, baseUrl, oddsReady, open, settled, start, stop } from './harness.mjs';

before(async () => {
  await mkdir('target/screenshots', { recursive: true });
  await start();
});
after(stop);

const SHORT = { timeout: 5000 };

/** What the page shows: every card's figures and the whole year table. */
async function numbers(page) {
  await settled(page);
  return page.evaluate(() => ({
    cards: [...document.querySelectorAll('.target-card')].map((c) =>
      [...c.querySelectorAll('.target-line, .at-deadline, .gap, .margin')].map((e) => e.textContent).join('|')),
    table: [...document.querySelectorAll('.year-table tbody tr')].map((r) => r.textContent),
  }));
}

async function commit(page, selector, value) {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

async function shareLink(page) {
  await page.click('#open-share');
  const link = await page.locator('#share-link').inputValue();
  return link;
}

describe('issue 9: plans that travel', () => {
  test('an edited plan, shared by link, opens in a fresh browser with the same numbers', async () => {
    const first = await open();
    await first.page.selectOption('#preset', 'guizhou');
    await commit(first.page, '#input-hires', '15000');
    await first.page.locator('#param-candidates_junior').getByRole('button', { name: /逐年设置/ }).click();
    await commit(first.page, '#schedule-candidates_junior-2023', '9000');
    const expected = await numbers(first.page);
    const link = await shareLink(first.page);
    assert.ok(link.startsWith(baseUrl()), link);
    const query = link.slice(link.indexOf('?') + 1);
    assert.match(query, /^[A-Za-z0-9\-._~=&]+$/, 'URL-safe characters only');
    assert.ok(query.length <= 150, `${query.length} characters: ${query}`);
    assert.ok(await first.page.locator('.qr svg path').count() === 1, 'a QR code of the link');
    await first.page.click('#copy-link');
    await first.page.locator('.copy-status', { hasText: /已复制|Ctrl\+C/ }).waitFor(SHORT);
    await first.done();

    const second = await open({ query: `?${query}&from=singlemessage&isappinstalled=0` });
    assert.equal(await second.page.locator('#preset').inputValue(), 'guizhou');
    assert.deepEqual(await numbers(second.page), expected);
    assert.equal(await second.page.locator('#input-candidates_junior').inputValue(), '逐年不同');
    assert.equal(await second.page.locator('.notice').count(), 0, 'nothing to report');
    await second.done();
  });

  test('the address follows the plan, and a reload keeps the edits', async () => {
    const { page, done } = await open();
    await commit(page, '#input-hires', '16000');
    await page.waitForFunction(() => location.search.includes('h=16000'));
    const before = await numbers(page);
    await page.reload();
    await page.locator('.target-card').first().waitFor();
    assert.equal(await page.locator('#input-hires').inputValue(), '16000');
    assert.deepEqual(await numbers(page), before);
    const entries = await page.evaluate(() => history.length);
    assert.ok(entries <= 2, `no history entry per edit (${entries})`);
    await done();
  });

  test('the autosave survives closing the tab, and a link does not lose it', async () => {
    const { page, context, problems } = await open();
    await commit(page, '#input-hires', '17000');
    await page.waitForFunction(() => localStorage.getItem('swplan.v1.autosave')?.includes('17000'));
    // A fresh tab with a plain address: the working plan is back.
    const tab = await context.newPage();
    await tab.goto(baseUrl());
    await tab.locator('.target-card').first().waitFor();
    assert.equal(await tab.locator('#input-hires').inputValue(), '17000');
    // A link wins over the autosave, which is kept aside with a way back.
    await tab.goto(`${baseUrl()}?v=1&p=ningxia.2`);
    await tab.locator('.horizon-note', { hasText: '宁夏' }).waitFor();
    await tab.locator('#kept-plans').getByRole('button', { name: /^恢复/ }).click();
    await tab.locator('.horizon-note', { hasText: '云南' }).waitFor(SHORT);
    assert.equal(await tab.locator('#input-hires').inputValue(), '17000');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('a mangled link opens what it can and says, in the user language, what it could not read', async () => {
    const { page, done } = await open({ query: '?v=1&p=ningxia.2&h=abc&cj=5000&t=tl-xx-2027&lang=en' });
    assert.equal(await page.locator('#preset').inputValue(), 'ningxia');
    assert.equal(await page.locator('#input-candidates_junior').inputValue(), '5000', 'the readable part is kept');
    const notice = page.locator('.notice').first();
    await notice.waitFor(SHORT);
    const text = await notice.innerText();
    assert.match(text, /could not be read/);
    assert.match(text, /New talent/);
    await done();
  });

  test('a link from a newer app and one on older preset data say so', async () => {
    const { page, done } = await open({ query: '?v=9&p=yunnan.1' });
    const text = await page.locator('.notice').first().innerText();
    assert.match(text, /更新版本/);
    assert.match(text, /数据/);
    // Version 1 of Yunnan counted all 1,415 stations at the end of 2020.
    assert.equal(await page.locator('#input-stations').inputValue(), '1415');
    await done();
  });

  test('corrupted storage is moved aside with a message, and the page works', async () => {
    const { page, done } = await open({ storage: { 'swplan.v1.saves': '{"format":"swplan-plans","version":1,"plans":[{"broken', 'swplan.v1.autosave': 'not json' } });
    await page.locator('.notice', { hasText: '已损坏' }).first().waitFor(SHORT);
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('swplan.corrupt.')));
    assert.equal(aside.length, 2, aside.join(', '));
    await commit(page, '#input-hires', '20000');
    await page.locator('.target-card.is-met').waitFor(SHORT);
    await done();
  });

  test('a new region with its own target, shared and reopened', async () => {
    const first = await open();
    await first.page.click('#new-region');
    await first.page.fill('#region-name', '杭州市');
    await first.page.press('#region-name', 'Tab');
    await commit(first.page, '#input-talent', '6000');
    await commit(first.page, '#input-hires', '900');
    await first.page.click('#add-target');
    await commit(first.page, '#target-threshold-0', '1万');
    await first.page.locator('.target-card[data-metric="talent"]').waitFor(SHORT);
    assert.match(await first.page.locator('.horizon-note').innerText(), /杭州市/);
    assert.match(await first.page.locator('.target-card .chip.own').innerText(), /自定目标/);
    const expected = await numbers(first.page);
    const link = await shareLink(first.page);
    assert.ok(!/[\u4e00-\u9fff]/.test(link), 'no Chinese characters in the link');
    await first.done();
    const second = await open({ query: link.slice(link.indexOf('?')) });
    assert.match(await second.page.locator('.horizon-note').innerText(), /杭州市/);
    assert.deepEqual(await numbers(second.page), expected);
    await second.done();
  });

  test('in a new region a slider widens to a typed value instead of wiping it', async () => {
    const { page, done } = await open();
    await page.click('#new-region');
    await commit(page, '#input-hires', '1500');
    const slider = page.locator('#param-hires input[type=range]');
    assert.ok(Number(await slider.getAttribute('max')) >= 3000, 'the range holds the typed value');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const after = Number(await page.locator('#input-hires').inputValue());
    assert.ok(after > 1500 && after < 1600, `one step on from 1500, not a reset (${after})`);
    await done();
  });

  test('named saves: save as, rename, open, delete with undo, seen by another tab', async () => {
    const { page, context, problems } = await open();
    await commit(page, '#input-hires', '14000');
    await page.click('#open-saves');
    await page.fill('#save-name', '稳步增长');
    await page.getByRole('button', { name: '另存为新方案' }).click();
    const item = page.locator('.saves .save').first();
    assert.match(await item.innerText(), /稳步增长/);
    assert.match(await item.innerText(), /云南省 · 20\d\d-/);
    assert.equal(await item.locator('.chip.current').innerText(), '当前方案');
    assert.equal(await page.locator('#save-over').count(), 0, 'nothing to save over yet');
    const other = await context.newPage();
    await other.goto(baseUrl());
    await other.locator('.target-card').first().waitFor();
    await other.click('#open-saves');
    await other.locator('.saves .save', { hasText: '稳步增长' }).waitFor(SHORT);
    // Rename in the first tab; the second tab sees it.
    await item.getByRole('button', { name: /重命名/ }).click();
    // The field takes the focus; Esc leaves the renaming, not the dialog.
    await page.waitForFunction(() => document.activeElement?.id?.startsWith('rename-'));
    await page.keyboard.press('Escape');
    await page.locator('.saves .rename').waitFor({ state: 'detached' });
    assert.ok(await page.locator('#saves-dialog').isVisible(), 'the dialog stays open');
    await item.getByRole('button', { name: /重命名/ }).click();
    await page.waitForFunction(() => document.activeElement?.id?.startsWith('rename-'));
    await page.keyboard.type('稳步增长（修订）');
    await page.getByRole('button', { name: '确定' }).click();
    await other.locator('.saves .save', { hasText: '稳步增长（修订）' }).waitFor(SHORT);
    await page.keyboard.press('Escape');
    await page.selectOption('#preset', 'lhasa');
    await page.click('#open-saves');
    await page.locator('.saves .save').first().getByRole('button', { name: /^打开/ }).click();
    await page.locator('.horizon-note', { hasText: '云南' }).waitFor(SHORT);
    assert.equal(await page.locator('#input-hires').inputValue(), '14000');
    await commit(page, '#input-hires', '14500');
    await page.click('#open-saves');
    assert.equal(await page.locator('.saves .save .chip.current').innerText(), '当前方案 · 有未保存的修改');
    assert.match(await page.locator('#save-over').innerText(), /稳步增长（修订）/);
    // A reload keeps the plan tied to its save, unsaved changes and all.
    await page.keyboard.press('Escape');
    await settled(page);
    await page.waitForTimeout(500); // the autosave is written 400 ms after the last edit
    await page.reload();
    await page.locator('.app .target-card').first().waitFor();
    assert.equal(await page.locator('#input-hires').inputValue(), '14500');
    await page.click('#open-saves');
    assert.equal(await page.locator('.saves .save .chip.current').innerText(), '当前方案 · 有未保存的修改');
    assert.match(await page.locator('#save-over').innerText(), /稳步增长（修订）/);
    await page.locator('.saves .save').first().getByRole('button', { name: /删除/ }).click();
    await page.locator('.saves .save').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#save-over').count(), 0, 'no save over a deleted save');
    await page.keyboard.press('Escape');
    await page.locator('.undo-hint').getByRole('button', { name: '撤销' }).click();
    await page.click('#open-saves');
    await page.locator('.saves .save', { hasText: '稳步增长（修订）' }).waitFor(SHORT);
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('a pasted text without a link, or a cut link, leaves the plan alone until asked', async () => {
    const { page, done } = await open();
    await commit(page, '#input-hires', '14000');
    const link = await shareLink(page);
    await page.keyboard.press('Escape');
    await commit(page, '#input-hires', '16000');
    await page.click('#open-saves');
    await page.fill('#open-link', '你好 这不是链接');
    await page.press('#open-link', 'Enter');
    assert.match(await page.locator('#open-link-error').innerText(), /没有找到分享链接.*当前方案未改变/);
    // Cut in half: the dialog lists what is wrong; the plan stays until "open anyway".
    await page.fill('#open-link', link.slice(0, link.indexOf('&h=') + 4));
    assert.equal(await page.locator('#open-link-error').count(), 0, 'typing clears the message');
    await page.press('#open-link', 'Enter');
    assert.match(await page.locator('#open-link-error').innerText(), /不完整或有误/);
    assert.equal(await page.locator('#input-hires').inputValue(), '16000');
    await page.click('#open-link-anyway');
    await page.locator('#saves-dialog').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#input-hires').inputValue(), '1');
    await page.locator('.notice', { hasText: /链接/ }).first().waitFor(SHORT);
    // A whole link opens at once.
    await page.click('#open-saves');
    await page.fill('#open-link', link);
    await page.press('#open-link', 'Enter');
    await page.locator('#saves-dialog').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#input-hires').inputValue(), '14000');
    await done();
  });

  test('a plan file exported and imported; a foreign file is refused with a message', async () => {
    const { page, done } = await open();
    await commit(page, '#input-hires', '13500');
    await page.click('#open-share');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载方案文件/ }).click()]);
    const file = await download.path();
    assert.match(download.suggestedFilename(), /^swplan-云南省-\d{4}-\d\d-\d\d\.json$/, 'the file is named by its region');
    const json = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(json.format, 'swplan-plans');
    assert.equal(json.version, 2);
    assert.equal(json.plans[0].name, '云南省', 'an unnamed plan arrives under its region, not as "untitled"');
    await page.keyboard.press('Escape');
    await page.click('#open-saves');
    await page.locator('#saves-dialog input[type=file]').setInputFiles(file);
    await page.locator('.saves .save').first().waitFor(SHORT);
    await page.locator('#saves-dialog input[type=file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    // Said in the dialog where the import began, not behind it.
    await page.locator('#saves-dialog #import-result', { hasText: /不是本应用|swplan/ }).waitFor(SHORT);
    await done();
  });

  test('the CSV opens in Excel: UTF-8 with BOM, Chinese headers, quoting, targets and bands', async () => {
    const { page, done } = await open();
    await oddsReady(page);
    await page.click('#export-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    assert.match(download.suggestedFilename(), /^swplan-云南省-\d{4}-\d\d-\d\d\.csv$/);
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    assert.equal(lines[0], '地区,云南省', 'the file says what it is about');
    assert.match(text, /链接（打开后数字相同）,http:\/\/127\.0\.0\.1:\d+\/\?v=2&c=/);
    const header = lines.findIndex((l) => l.startsWith('年份,社会工作人才总量（人）,'));
    assert.ok(header > 0);
    assert.match(lines[header], /P10（人）/);
    assert.match(lines[header], /社工站覆盖率（比例，0–1）/, 'coverage says it is a fraction');
    assert.match(lines[header + 1], /^2020,84500,/);
    assert.match(text, /\r\n每年新增人才,12000,人\/年,同预设,假设,来源未给出每年新增人才数/, 'every setting with its origin and the reason');
    assert.match(text, /\r\n\r\n/, 'a blank line before the targets');
    assert.match(text, /社会工作人才总量,≥,140000,2025,/);
    await done();
  });

  test('charts download as SVG and PNG', async () => {
    const { page, done } = await open();
    const chart = page.locator('#chart-talent');
    const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /下载 SVG/ }).click()]);
    const document = await readFile(await svg.path(), 'utf8');
    assert.match(document, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(document, /社会工作人才总量/);
    const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /下载 PNG/ }).click()]);
    const bytes = await readFile(await png.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG');
    const width = Number(document.match(/width="(\d+)"/)[1]);
    assert.equal(bytes.readUInt32BE(16), 2 * width, 'drawn at twice the size');
    await done();
  });

  test('the print view: cover with link and QR, results, changed levers and sources; no controls', async () => {
    const { page, done } = await open();
    await commit(page, '#input-hires', '18000');
    await oddsReady(page);
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.print-cover').isVisible());
    assert.ok(await page.locator('.print-cover svg path').isVisible(), 'the QR code');
    assert.ok(!(await page.locator('#controls').isVisible()), 'no settings in print');
    assert.ok(!(await page.locator('.verdict-bar').isVisible()));
    const appendix = await page.locator('.print-appendix').innerText();
    assert.match(appendix, /每年新增人才\s+12000 人\/年\s+18000 人\/年/);
    assert.match(appendix, /公益时报|报纸名称未载明/);
    // The changed lever's row in the sources is the planner's value, not the preset's note.
    const hiresSource = await page.locator('.print-appendix table.sources tr', { has: page.locator('th', { hasText: /^每年新增人才$/ }) }).innerText();
    assert.match(hiresSource, /18000 人\/年\s+规划者设定\s+本方案自行设定（原值 12000 人\/年）/);
    await page.screenshot({ path: 'target/screenshots/print-view.png', fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: 'target/screenshots/report.pdf' });
    assert.ok(pdf.length > 10000);
    // Ctrl+P right after an edit prints the edit, not the plan of a moment ago.
    await page.emulateMedia({ media: 'screen' });
    await commit(page, '#input-hires', '19000');
    const printed = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => {
      window.dispatchEvent(new Event('beforeprint'));
      queueMicrotask(() => setTimeout(() => resolve(document.querySelector('.print-appendix').textContent), 0));
    })));
    assert.match(printed, /19000 人/);
    await done();
  });

  test('axe finds no serious or moderate problem in the share dialog and the saves list', async () => {
    for (const [width, query] of [[1400, ''], [390, '?lang=en']]) {
      const { page, done } = await open({ width, height: 844, query });
      await page.click('#open-share');
      assert.deepEqual(await axeViolations(page), [], `share ${width}`);
      await page.keyboard.press('Escape');
      await page.click('#open-saves');
      await page.fill('#save-name', 'A');
      await page.keyboard.press('Enter');
      await page.locator('.saves .save').first().waitFor(SHORT);
      assert.deepEqual(await axeViolations(page), [], `saves ${width}`);
      await done();
    }
  });
});
