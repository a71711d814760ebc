// Issue 10, section 4: workshop pooling without a server. A trainer pastes the participants'
// links (as a chat export, with names and words around them) and loads their plan files; the
// dialog says who is in, what was skipped and why, and how the room set the levers and fares on
// the targets. The links are made as a participant makes them, with `swplan link`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { axeViolations, baseUrl, open, start, stop } from './harness.mjs';

const SHORT = { timeout: 5000 };

/** A participant's share link for Yunnan with their changes, from the command line. */
function link(...assignments) {
  const sets = assignments.flatMap((a) => ['--set', a]);
  const args = ['run', '-q', '--bin', 'swplan', '--', 'link', 'yunnan', ...sets, '--base-url', baseUrl()];
  return execFileSync('cargo', args, { encoding: 'utf8' }).trim();
}

let links;
let chat;

before(async () => {
  await mkdir('target/screenshots', { recursive: true });
  await start();
  links = [
    link('hires=15000'),
    link('hires=16000', 'attrition=0.06'),
    link('hires=18000'),
    link('hires=20000', 'attrition=0.05'),
  ];
  // The fifth link was cut and retyped: its hiring is not a number.
  const broken = links[0].replace(/h=\d+/, 'h=lots');
  assert.notEqual(broken, links[0]);
  chat = [
    '张三 10:02',
    `我的方案：${links[0]} 请大家看看`,
    '李四 10:03',
    links[1],
    links[2],
    `王五：${links[3]}`,
    '赵六 10:05',
    '我也交一个',
    broken,
  ].join('\n');
});
after(stop);

/** Opens the pooling dialog from the header (the button may sit in a menu). */
async function openPool(page) {
  const button = page.locator('#open-pool');
  if (!(await button.isVisible())) {
    await page.locator('details:has(#open-pool) > summary').click();
  }
  await button.click();
  await page.locator('#pool-dialog[open]').waitFor(SHORT);
}

async function poolText(page, text) {
  await page.fill('#pool-input', text);
  await page.click('#pool-run');
  await page.locator('#pool-results-heading').waitFor(SHORT);
}

/** The cells of a table row after its header cell. */
async function cells(row) {
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

describe('issue 10: workshop pooling', () => {
  test('five pasted links, one broken: four participants, the levers, the targets and the reason', async () => {
    const { page, done } = await open();
    await openPool(page);
    assert.equal(await page.getByLabel('学员的分享链接').count(), 1, 'the field has its label');
    await poolText(page, chat);

    const summary = page.locator('#pool-summary');
    assert.equal(await summary.getAttribute('aria-live'), 'polite');
    const said = await summary.innerText();
    assert.match(said, /云南/);
    assert.match(said, /参与者 4 人/);
    assert.match(said, /跳过 1 条/);

    // Hiring: changed by all four; 15,000 / 17,000 (between 16,000 and 18,000) / 20,000.
    const hiring = page.locator('.pool-levers tbody tr', { has: page.locator('th', { hasText: '每年新增人才' }) });
    const [changed, baseline, min, median, max] = await cells(hiring);
    assert.deepEqual([changed, min, median, max], ['4/4', '1.5万', '1.7万', '2万']);
    assert.equal(baseline, '1.2万');
    const bars = hiring.locator('.pool-bars[role=img]');
    assert.match(await bars.getAttribute('aria-label'), /^分布：.*1、1、0、1、1$/, 'the counts for screen readers');
    const attrition = page.locator('.pool-levers tbody tr', { has: page.locator('th', { hasText: '年流失率' }) });
    assert.equal((await cells(attrition))[0], '2/4');
    assert.equal(await page.locator('.pool-levers th[scope=col]').count(), 7);

    // The talent target: the share met agrees with the count met out of four.
    const target = page.locator('.pool-targets tbody tr').first();
    assert.match(await target.locator('th').innerText(), /社会工作人才总量.*14万/);
    const [share, met] = await cells(target);
    const [reached, evaluated] = met.match(/^(\d+) \/ (\d+)人$/).slice(1).map(Number);
    assert.equal(evaluated, 4);
    assert.equal(share, `${(100 * reached) / evaluated}%`);

    // Every participant thin, the median bold, on the first target's metric.
    const chart = page.locator('#pool-chart-0');
    assert.equal(await chart.locator('path.line.faint.tone-1').count(), 4);
    assert.equal(await chart.locator('path.line:not(.faint)').count(), 1);

    const rejected = page.locator('.pool-rejected li');
    assert.equal(await rejected.count(), 1);
    const reason = await rejected.innerText();
    assert.match(reason, /^第9行（赵六）：链接有误，已跳过/, 'the line and who sent it');
    assert.match(reason, /lots/);
    assert.doesNotMatch(reason, /默认预设|使用预设值/, 'a skipped link is not opened, so no fallback is named');

    await page.locator('#pool-dialog').screenshot({ path: 'target/screenshots/pool-zh.png' });
    assert.deepEqual(await axeViolations(page), []);
    await done();
  });

  test('duplicates name the first entry; plan files are pooled, a foreign file says why', async () => {
    const { page, done } = await open({ query: links[2].slice(links[2].indexOf('?')) });
    // A participant's plan file, downloaded from the share dialog as they would.
    await page.click('#open-share');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载方案文件/ }).click(),
    ]);
    const file = await download.path();
    await page.keyboard.press('Escape');
    await openPool(page);
    await page.locator('#pool-files').setInputFiles([
      { name: 'participant.json', mimeType: 'application/json', buffer: await readFile(file) },
      { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') },
    ]);
    await page.locator('.pool-files li', { hasText: 'participant.json：1个方案' }).waitFor(SHORT);
    assert.match(await page.locator('.pool-files .pool-file-error').innerText(), /^notes\.json：这不是本应用的方案文件/);
    await poolText(page, [links[0], links[1], links[0]].join('\n'));
    assert.match(await page.locator('#pool-summary').innerText(), /参与者 3 人；跳过 1 条/);
    const duplicate = await page.locator('.pool-rejected li').innerText();
    assert.match(duplicate, /^第3行：与第1行的方案相同，已跳过。/);
    // Two participants sent the same plan: the trainer counts both, and the repeat is listed.
    await page.getByLabel('相同的方案分别计入').check();
    await page.locator('#pool-summary', { hasText: /参与者 4 人；跳过 0 条/ }).waitFor(SHORT);
    assert.equal(await page.locator('.pool-stale').count(), 0, 'the box re-pools at once');
    assert.match(await page.locator('.pool-repeats li').innerText(), /^第3行：与第1行的方案相同，已分别计入。/);
    assert.equal(await page.locator('.pool-rejected:not(.pool-repeats) li').count(), 0);
    // Editing the links after pooling pools them again at once (issue 20, item 13).
    await page.fill('#pool-input', links[0]);
    await page.locator('#pool-summary', { hasText: /参与者 2 人；跳过 0 条/ }).waitFor(SHORT);
    assert.equal(await page.locator('.pool-stale').count(), 0);
    await done();
  });

  test('on a phone, in English: no page scroll sideways, tables scroll in their own box, axe clean', async () => {
    const { page, done } = await open({ width: 390, height: 844, query: '?lang=en' });
    await openPool(page);
    await poolText(page, chat);
    assert.match(await page.locator('#pool-summary').innerText(), /Participants: 4; skipped: 1/);
    const hiring = page.locator('.pool-levers tbody tr', { has: page.locator('th', { hasText: 'New talent' }) });
    assert.deepEqual((await cells(hiring)).slice(2, 5), ['15,000', '17,000', '20,000']);
    assert.match(await page.locator('.pool-rejected li').innerText(), /^Line 9 \(赵六\): the link has problems; skipped/);
    const overflow = await page.evaluate(() => {
      const dialog = document.querySelector('#pool-dialog');
      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        dialog: dialog.scrollWidth - dialog.clientWidth,
      };
    });
    assert.deepEqual(overflow, { page: 0, dialog: 0 }, 'nothing wider than the screen');
    for (const region of await page.locator('#pool-dialog .table-scroll').all()) {
      assert.equal(await region.getAttribute('tabindex'), '0');
      assert.ok(await region.getAttribute('aria-label'));
    }
    await page.locator('#pool-dialog').screenshot({ path: 'target/screenshots/pool-en-phone.png' });
    assert.deepEqual(await axeViolations(page), []);
    await done();
  });
});
