// Issue 18, "never lose a planner's work" and "clear words for every failure" (items 1, 2, 3,
// 9, 10, 11, 13): sequences a planner performs — edit, open a link, open another, restore,
// reload, import twice, open with damaged storage — and what is then on screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { baseUrl, open, settled, start, stop } from './harness.mjs';

before(async () => {
  await mkdir('target/lost-work', { recursive: true });
  await start();
});
after(stop);

const SHORT = { timeout: 5000 };

async function commit(page, selector, value) {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

/** Waits until the autosave holds `text` (it is written 400 ms after the last edit). */
async function autosaved(page, text) {
  await page.waitForFunction((t) => (localStorage.getItem('swplan.v1.autosave') ?? '').includes(t), text, SHORT);
}

/** Opens `query` in the tab, as a planner opening a link, and waits for the app. */
async function goto(page, query) {
  await page.goto(`${baseUrl()}${query}`);
  await page.locator('.app .target-card').first().waitFor();
}

async function saveAs(page, name) {
  await page.click('#open-saves');
  await page.fill('#save-name', name);
  await page.getByRole('button', { name: '另存为新方案' }).click();
  await page.locator('.saves .save', { hasText: name }).first().waitFor(SHORT);
}

/** The saves as listed in the dialog (it must be open). */
async function listedSaves(page) {
  return page.locator('.saves .save .save-info strong').allInnerTexts();
}

describe('issue 18: work is never lost', () => {
  test('item 1: an edited plan survives a link and a second link, and comes back', async () => {
    const { page, context, problems } = await open();
    await commit(page, '#input-hires', '15000');
    await autosaved(page, '15000');
    // A link to another preset: the edited plan is kept, and said to be.
    await goto(page, '?v=2&p=ningxia.2');
    await page.locator('.horizon-note', { hasText: '宁夏' }).waitFor(SHORT);
    const kept = page.locator('#kept-plans');
    await kept.waitFor(SHORT);
    assert.match(await kept.innerText(), /云南省 · .* 被替换/);
    await autosaved(page, '"ningxia"');
    // A second link: the first link's plan was only opened, the edited one stays.
    await goto(page, '?v=2&p=guizhou.2');
    await page.locator('.horizon-note', { hasText: '贵州' }).waitFor(SHORT);
    assert.equal(await page.locator('#kept-plans .kept').count(), 1);
    assert.match(await page.locator('#kept-plans .kept').innerText(), /云南省/);
    await page.locator('#kept-plans').getByRole('button', { name: /^恢复/ }).click();
    await page.locator('.horizon-note', { hasText: '云南' }).waitFor(SHORT);
    assert.equal(await page.locator('#input-hires').inputValue(), '15000');
    await page.locator('#kept-plans').waitFor({ state: 'detached', timeout: 5000 });
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('item 1: a chain of broken links does not lose it either, and it stays until removed', async () => {
    const { page, context, problems } = await open();
    await commit(page, '#input-hires', '15500');
    await autosaved(page, '15500');
    await goto(page, '?v=2&p=ningxia.2&h=abc');
    await autosaved(page, '"ningxia"');
    await goto(page, '?%%%25%zz%E4%B8');
    await goto(page, '?v=2&c=zzzzz&p=guizhou.2&h=9');
    await autosaved(page, '"guizhou"');
    await page.reload();
    await page.locator('.app .target-card').first().waitFor();
    const rows = page.locator('#kept-plans .kept');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.innerText(), /云南省/);
    await page.locator('#kept-plans').getByRole('button', { name: /^移除/ }).click();
    await page.locator('#kept-plans').waitFor({ state: 'detached', timeout: 5000 });
    await page.reload();
    await page.locator('.app .target-card').first().waitFor();
    assert.equal(await page.locator('#kept-plans').count(), 0, 'removed for good');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('item 2: one year of a schedule edited and saved, then a reload: the same plan, still the save', async () => {
    const { page, done } = await open();
    await saveAs(page, '逐年方案');
    await page.keyboard.press('Escape');
    await page.locator('#param-hires').getByRole('button', { name: /逐年设置/ }).click();
    await commit(page, '#schedule-hires-2022', '15000');
    await page.click('#open-saves');
    await page.click('#save-over');
    assert.equal(await page.locator('.saves .save .chip.current').innerText(), '当前方案');
    await page.keyboard.press('Escape');
    await settled(page);
    await autosaved(page, '15000');
    await page.waitForFunction(() => location.search.includes('h=12000_15000'));
    await page.reload();
    await page.locator('.app .target-card').first().waitFor();
    await settled(page);
    assert.equal(await page.locator('.notice').count(), 0, 'nothing to say after a reload');
    assert.equal(await page.locator('#kept-plans').count(), 0, 'nothing kept aside');
    await page.click('#open-saves');
    assert.equal(await page.locator('.saves .save .chip.current').innerText(), '当前方案', 'still the save, no unsaved changes');
    assert.equal(await page.locator('#save-over').count(), 0);
    await done();
  });

  test('item 3: importing a file twice asks; skip, keep both and replace do what they say', async () => {
    const { page, done } = await open();
    await commit(page, '#input-hires', '14000');
    await saveAs(page, '稳步增长');
    await page.keyboard.press('Escape');
    await commit(page, '#input-hires', '20000');
    await saveAs(page, '快速增长');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出全部方案' }).click()]);
    const file = await download.path();
    const input = page.locator('#saves-dialog input[type=file]');
    await input.setInputFiles(file);
    const result = page.locator('#saves-dialog #import-result');
    await result.waitFor(SHORT);
    assert.match(await result.innerText(), /2个方案已在“我的方案”中/);
    assert.match(await result.innerText(), /“稳步增长”：与已有的完全相同/);
    assert.deepEqual(await listedSaves(page), ['快速增长', '稳步增长'], 'nothing doubled while asking');
    await page.click('#import-skip');
    await page.locator('#import-result', { hasText: '已跳过已有的2个方案' }).waitFor(SHORT);
    assert.deepEqual(await listedSaves(page), ['快速增长', '稳步增长']);

    await input.setInputFiles(file);
    await page.click('#import-keep-both');
    await page.locator('#import-result', { hasText: '已导入2个方案' }).waitFor(SHORT);
    assert.deepEqual(await listedSaves(page), ['快速增长 (2)', '稳步增长 (2)', '快速增长', '稳步增长']);

    // The same name with other numbers, from another browser: replace puts it in place.
    const json = JSON.parse(await readFile(file, 'utf8'));
    const steady = json.plans.find((p) => p.name === '稳步增长');
    steady.id = 'elsewhere';
    steady.scenario.levers.hires = 14500;
    const other = 'target/lost-work/other-browser.json';
    await writeFile(other, JSON.stringify({ ...json, plans: [steady] }));
    await input.setInputFiles(other);
    await page.locator('#import-result', { hasText: '“稳步增长”：与已有的“稳步增长”同名或同源，但数字不同' }).waitFor(SHORT);
    await page.click('#import-replace');
    await page.locator('#import-result', { hasText: '已替换1个方案' }).waitFor(SHORT);
    assert.equal((await listedSaves(page)).length, 4);
    await page.locator('.saves .save', { hasText: /^稳步增长(?! \()/ }).first().getByRole('button', { name: /^打开/ }).click();
    assert.equal(await page.locator('#input-hires').inputValue(), '14500');
    await done();
  });
});

describe('issue 18: clear words for every failure', () => {
  test('item 9: a broken plan file is explained inside the dialog, in the planner\'s words', async () => {
    const { page, done } = await open();
    await saveAs(page, '旧方案');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出全部方案' }).click()]);
    const json = JSON.parse(await readFile(await download.path(), 'utf8'));
    json.plans[0].name = '坏方案';
    json.plans[0].id = 'bad';
    json.plans[0].scenario.levers.hires = '很多';
    const broken = 'target/lost-work/broken-plan.json';
    await writeFile(broken, JSON.stringify(json));
    // An old "deleted… undo" is about something else once a new action starts.
    await page.locator('.saves .save').first().getByRole('button', { name: /删除/ }).click();
    await page.locator('#restore-save').waitFor(SHORT);
    const input = page.locator('#saves-dialog input[type=file]');
    await input.setInputFiles(broken);
    const result = page.locator('#saves-dialog #import-result');
    await page.locator('#import-result', { hasText: '坏方案' }).waitFor(SHORT);
    const text = await result.innerText();
    assert.match(text, /第1个方案“坏方案”格式有误，未导入：“每年新增人才”应为一个数字/);
    assert.doesNotMatch(text, /untagged|Yearly|missing field|EOF|`/);
    assert.equal(await page.locator('#restore-save').count(), 0, 'the stale undo is gone');
    assert.equal(await page.locator('.notices .notice').count(), 0, 'nothing in the dimmed page behind');
    // A file cut short, and a file that is not one at all.
    const whole = JSON.stringify(json);
    await input.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(whole.slice(0, whole.length / 2)) });
    await page.locator('#import-result', { hasText: '截断' }).waitFor(SHORT);
    assert.doesNotMatch(await result.innerText(), /EOF|line \d+ column/);
    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('会议记录：明年多招人') });
    await page.locator('#import-result', { hasText: '可能是另一种文件' }).waitFor(SHORT);
    // In English too.
    await page.keyboard.press('Escape');
    await page.click('#lang-toggle');
    await page.click('#open-saves');
    await page.locator('#saves-dialog input[type=file]').setInputFiles(broken);
    await page.locator('#import-result', { hasText: /Plan 1 \('坏方案'\) is malformed and was not imported: “New talent[^”]*” must be one number/ }).waitFor(SHORT);
    await done();
  });

  test('item 10: damaged storage is set aside, explained without its key, and can be downloaded', async () => {
    const damaged = '{"format":"swplan-plans","version":2,"plans":[{"id":"a","name":"半截';
    const { page, context, problems } = await open({ storage: { 'swplan.v1.saves': damaged } });
    const notice = page.locator('.notice', { hasText: '“我的方案”中保存的数据无法读取' });
    await notice.waitFor(SHORT);
    const text = await notice.innerText();
    assert.match(text, /列表暂时是空的/);
    assert.match(text, /没有删除任何数据/);
    assert.doesNotMatch(text, /swplan\.|corrupt/);
    const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: '下载无法读取的数据' }).click()]);
    assert.equal(await readFile(await download.path(), 'utf8'), damaged, 'the data exactly as it was');
    // Said once: a reload does not say it again, and the copy stays listed in the saves.
    await page.reload();
    await page.locator('.app .target-card').first().waitFor();
    assert.equal(await page.locator('.notice', { hasText: '无法读取' }).count(), 0);
    await page.click('#open-saves');
    const aside = page.locator('#set-aside');
    assert.match(await aside.innerText(), /“我的方案”的数据 · .* 另存/);
    assert.doesNotMatch(await aside.innerText(), /swplan\./);
    await aside.getByRole('button', { name: /删除/ }).click();
    await aside.waitFor({ state: 'detached', timeout: 5000 });
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('swplan.corrupt.')));
    assert.deepEqual(left, []);
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('item 11: an address of pure garbage says it could not be read and shows the plan being worked on', async () => {
    const { page, context, problems } = await open();
    await commit(page, '#input-hires', '16500');
    await autosaved(page, '16500');
    await goto(page, '?%%%25%zz%E4%B8');
    const notice = page.locator('.notice', { hasText: '地址中的链接无法读取' });
    await notice.waitFor(SHORT);
    assert.match(await notice.innerText(), /现在显示的是您正在编辑的方案，含您未保存的修改/);
    assert.equal(await page.locator('#input-hires').inputValue(), '16500');
    await context.close();
    assert.deepEqual(problems, []);
  });
});

describe('issue 18: smaller things', () => {
  test('item 13: the saved plan\'s name is on the main screen, and the name box follows a rename', async () => {
    const { page, done } = await open();
    await saveAs(page, '稳步增长');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#plan-name').innerText(), '方案“稳步增长”（已保存）');
    await commit(page, '#input-hires', '14000');
    await page.locator('#plan-name', { hasText: '有未保存的修改' }).waitFor(SHORT);
    await page.click('#open-saves');
    await page.locator('.saves .save').first().getByRole('button', { name: /重命名/ }).click();
    await page.waitForFunction(() => document.activeElement?.id?.startsWith('rename-'));
    await page.keyboard.type('稳步增长（修订）');
    await page.getByRole('button', { name: '确定' }).click();
    assert.equal(await page.locator('#save-name').inputValue(), '稳步增长（修订）');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#plan-name').innerText(), '方案“稳步增长（修订）”（有未保存的修改）');
    await done();
  });
});
