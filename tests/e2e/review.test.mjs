// A fresh-eyes review of the release build: each defect found, reproduced in Chromium. Every test
// here failed on the release build before its fix (run with DIST=<old dist> to see it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, settled, start, stop } from './harness.mjs';

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
});
