// Issue 18, items 6–8: where a plan's numbers come from, in Chromium. A new region's doubts are
// judged by its own size (6); the planner states a source for a value, shown in the chip, kept
// in links, the CSV and the printed report (7); certified workers are entered as a total with an
// editable split (8).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { axeViolations, open, settled, start, stop } from './harness.mjs';

before(async () => {
  await mkdir('target/screenshots', { recursive: true });
  await start();
});
after(stop);

const SHORT = { timeout: 5000 };

async function commit(page, selector, value) {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

/** A new region filled in from a city's 2023 report. */
async function newRegion(page) {
  await page.click('#new-region');
  await page.fill('#region-name', '某市');
  await page.press('#region-name', 'Tab');
  for (const [key, value] of [['talent', '2400'], ['townships', '163'], ['villages', '2100'], ['institutions', '35'], ['hires', '300']]) {
    await commit(page, `#input-${key}`, value);
  }
}

/** The text of a setting's chip pop-up, opened by keyboard focus. */
async function chipText(page, key) {
  await page.locator(`#param-${key} .param-head button.chip`).focus();
  const tip = page.locator(`#source-${key}`);
  await tip.waitFor({ state: 'visible', ...SHORT });
  const text = await tip.innerText();
  await page.keyboard.press('Escape');
  return text;
}

async function shareQuery(page) {
  await page.click('#open-share');
  const link = await page.locator('#share-link').inputValue();
  await page.keyboard.press('Escape');
  return link.slice(link.indexOf('?'));
}

const BULLETIN = { document: '《2023年某市民政事业发展统计公报》', date: '2024-03', quote: '全市社会工作专业人才2400人' };

async function cite(page, key, source) {
  await page.click(`#cite-${key}`);
  await page.fill(`#source-document-${key}`, source.document);
  await page.fill(`#source-date-${key}`, source.date);
  await page.fill(`#source-quote-${key}`, source.quote);
  await page.click(`#source-form-${key} button[type=submit]`);
}

describe('issue 18, items 6–8: where the numbers come from', () => {
  test('item 6: a new region is doubted against its own size, not the template\'s placeholders', async () => {
    const { page, done } = await open();
    await newRegion(page);
    await settled(page);
    // Before: "约为预设值（1）的 163 倍" beside 163 townships and 2100 villages.
    assert.deepEqual(await page.locator('#controls .param-concern').allInnerTexts(), []);
    await commit(page, '#input-stations_per_year', '500');
    const concern = await page.locator('#param-stations_per_year .param-concern').innerText();
    assert.match(concern, /多于本地区的乡镇（街道）数（163）/);
    assert.doesNotMatch(concern, /预设值/);
    await commit(page, '#input-stations_per_year', '40');
    await commit(page, '#input-station_cost', '19');
    assert.match(await page.locator('#param-station_cost .param-concern').innerText(), /新建地区模板的参考值/);
    await done();
  });

  test('item 7: a value the planner cites shows their source in the chip, the link, the CSV and the report', async () => {
    const { page, done } = await open();
    await newRegion(page);
    // Before: the chip said "假设：空白模板值，请填入…" for a number the planner typed.
    assert.equal(await page.locator('#param-talent .param-head button.chip').innerText(), '自设');
    assert.match(await chipText(page, 'talent'), /未注明来源/);
    await cite(page, 'talent', BULLETIN);
    assert.equal(await page.locator('#param-talent .param-head button.chip').innerText(), '自填来源');
    const tip = await chipText(page, 'talent');
    assert.match(tip, /2023年某市民政事业发展统计公报/);
    assert.match(tip, /全市社会工作专业人才2400人/);
    assert.doesNotMatch(tip, /空白模板/);
    // A source for a value left as the template has it is the planner's too.
    await cite(page, 'attrition', { document: '市人社局座谈会', date: '2024-05', quote: '近三年年均流失约8%' });
    assert.equal(await page.locator('#param-attrition .param-head button.chip').innerText(), '自填来源');

    // The link carries the sources; a fresh browser shows them.
    const query = await shareQuery(page);
    assert.match(query, /^\?v=3&/);
    assert.match(query, /&q=[A-Za-z0-9_-]+/);
    const second = await open({ query });
    assert.equal(await second.page.locator('#param-talent .param-head button.chip').innerText(), '自填来源');
    assert.match(await chipText(second.page, 'talent'), /全市社会工作专业人才2400人/);
    await second.done();

    // The CSV and the printed report give the planner's source, not "self-set".
    await page.click('#export-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = (await readFile(await download.path())).toString('utf8');
    assert.match(csv, /\r\n起点人才总量,2400,人,已修改,规划者来源,《2023年某市民政事业发展统计公报》，2024-03：“全市社会工作专业人才2400人”（原值 0 人）\r\n/);
    assert.match(csv, /\r\n年流失率,0\.08,比例（0–1）,同预设,规划者来源,市人社局座谈会，2024-05：“近三年年均流失约8%”\r\n/);
    await page.keyboard.press('Escape');
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    const row = await page.locator('.print-appendix table.sources tr', { has: page.locator('th', { hasText: /^起点人才总量$/ }) }).innerText();
    assert.match(row, /规划者来源/);
    assert.match(row, /全市社会工作专业人才2400人/);
    assert.doesNotMatch(row, /自行设定/);
    const villages = await page.locator('.print-appendix table.sources tr', { has: page.locator('th', { hasText: /^村（社区）数$/ }) }).innerText();
    assert.match(villages, /规划者设定\s+本方案自行设定（原值 1 个），未注明来源/);
    await page.emulateMedia({ media: 'screen' });

    // Removing the source gives the value back to the planner without one; undo brings it back.
    await page.click('#cite-talent');
    await page.click('#source-form-talent button.danger');
    assert.equal(await page.locator('#param-talent .param-head button.chip').innerText(), '自设');
    await page.keyboard.press('Control+z');
    assert.equal(await page.locator('#param-talent .param-head button.chip').innerText(), '自填来源');
    await done();
  });

  test('item 8: certified entered as a total, split by an assumption the planner can change', async () => {
    const { page, done } = await open();
    await newRegion(page);
    // Before: only the three levels could be entered.
    assert.equal(await page.locator('#input-certified_total').inputValue(), '0');
    await commit(page, '#input-certified_total', '658');
    await settled(page);
    assert.equal(await page.locator('#levels-certified_total').evaluate((e) => e.firstChild.textContent.trim()), '初级 494 人 · 中级 164 人 · 高级 0 人');
    assert.equal(await page.locator('#param-certified_junior').count(), 0, 'the total stands for the levels');
    const split = page.locator('#param-certified_total .split legend button.chip');
    assert.equal(await split.innerText(), '假设');
    await split.focus();
    assert.match(await page.locator('#source-certified_share_junior').innerText(), /初级约75%.*高级约0\.05%/s);
    await page.keyboard.press('Escape');
    await commit(page, '#input-certified_share_junior', '60');
    await commit(page, '#input-certified_share_senior', '1');
    assert.match(await page.locator('#levels-certified_total').innerText(), /初级 395 人 · 中级 256 人 · 高级 7 人/);
    assert.equal(await split.innerText(), '自设');
    await cite(page, 'certified_total', { document: '《2023年某市民政事业发展统计公报》', date: '2024-03', quote: '持证社工658人' });
    await page.screenshot({ path: 'target/screenshots/provenance-certified-total.png' });

    // The link carries the total as entered, and reopens it so.
    const query = await shareQuery(page);
    assert.match(query, /&ct=658_0\.6_0\.01/);
    assert.doesNotMatch(query, /cj0=/);
    const second = await open({ query });
    assert.equal(await second.page.locator('#input-certified_total').inputValue(), '658');
    assert.equal(await second.page.locator('#input-certified_share_junior').inputValue(), '60');
    assert.match(await second.page.locator('#levels-certified_total').innerText(), /初级 395 人/);
    await second.done();

    // The printed report lists the total, its split and the levels it gives.
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    const appendix = await page.locator('.print-appendix table.sources').innerText();
    assert.match(appendix, /起点持证社工总数\s+658 人\s+规划者来源\s+《2023年某市民政事业发展统计公报》，2024-03：“持证社工658人”/);
    assert.match(appendix, /持证社工级别结构\s+初级 60%，高级 1%，中级为其余（39%）\s+规划者设定/);
    assert.match(appendix, /起点助理社会工作师\s+395 人\s+规划者来源\s+由持证社工总数 658 人按级别比例推算/);
    await page.emulateMedia({ media: 'screen' });

    // Back to the levels: they keep their numbers and can be edited one by one.
    await page.getByRole('button', { name: '改为按级别分别填写' }).click();
    assert.equal(await page.locator('#input-certified_junior').inputValue(), '395');
    assert.equal(await page.locator('#input-certified_total').inputValue(), '658');
    await done();
  });

  test('item 8: a total above talent is refused beside the total, the last valid plan stays', async () => {
    const { page, done } = await open();
    await newRegion(page);
    await commit(page, '#input-certified_total', '5000');
    assert.match(await page.locator('#param-certified_total .param-error').first().innerText(), /起点人才总量/);
    await commit(page, '#input-certified_total', '500');
    assert.equal(await page.locator('#param-certified_total .param-error').count(), 0);
    await done();
  });

  test('English, a phone, and no serious accessibility problem in the source form and the total', async () => {
    const { page, done } = await open({ width: 390, height: 844, query: '?lang=en' });
    await page.click('#new-region');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await commit(page, '#input-talent', '2400');
    assert.equal(await page.locator('#param-talent .param-head button.chip').innerText(), 'Your value');
    await page.click('#cite-talent');
    await page.locator('#source-form-talent').waitFor(SHORT);
    await commit(page, '#input-certified_total', '658');
    assert.match(await page.locator('#levels-certified_total').innerText(), /junior 494 · mid-level 164 · senior 0/);
    assert.deepEqual(await axeViolations(page), []);
    await done();
  });
});
