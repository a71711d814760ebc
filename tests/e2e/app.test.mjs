// End-to-end tests in Chromium against the release build (dist/), run by scripts/test.sh:
//   node --test tests/e2e/
// Every page is watched for console errors and warnings and for requests outside its own origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, oddsReady, open, start, stop } from './harness.mjs';

before(start);
after(stop);

describe('the planner in Chromium', () => {
  test('opens on the Yunnan preset with its target card', async () => {
    const { page, done } = await open();
    const card = page.locator('.target-card[data-metric="talent"]');
    await assert.doesNotReject(card.waitFor());
    const text = await card.innerText();
    assert.match(text, /14万/);
    assert.match(text, /未达成/);
    assert.equal(await page.locator('#preset').inputValue(), 'yunnan');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await done();
  });

  test('the talent axis stays put when the P10–P90 band arrives', async () => {
    // Ningxia's band rises just above the lines' top tick: it used to rescale 2万 → 3万.
    const { page, done } = await open({ query: '?v=1&p=ningxia.1&h=1500_2000_2500&r=400_400_300_0&lang=zh' });
    // The label of the top grid line (the smallest y), as painted.
    const top = () => page.locator('#chart-talent g.tick text').evaluateAll((ts) =>
      ts.reduce((a, t) => (Number(t.getAttribute('y')) < Number(a.getAttribute('y')) ? t : a)).textContent);
    assert.equal(await page.locator('#chart-talent path.band').count(), 0, 'read before the band');
    const before = await top();
    assert.equal(before, '2万');
    await page.locator('#chart-talent path.band').waitFor({ timeout: 20000 });
    assert.equal(await top(), before);
    await done();
  });

  test('moving the hiring slider turns the verdict to met', async () => {
    const { page, done } = await open();
    const card = page.locator('.target-card[data-metric="talent"]');
    await assert.doesNotReject(card.and(page.locator('.is-not-met')).waitFor());
    const slider = page.locator('#param-hires input[type=range]');
    await slider.focus();
    await page.keyboard.press('End'); // keyboard-operable: End goes to the slider's maximum
    await page.locator('.target-card.is-met[data-metric="talent"]').waitFor({ timeout: 2000 });
    assert.match(await card.innerText(), /达成/);
    assert.equal(await page.locator('#input-hires').inputValue(), '50000');
    await done();
  });

  test('switching preset shows that region and its targets', async () => {
    const { page, done } = await open();
    await page.selectOption('#preset', 'ningxia');
    await page.locator('.horizon-note', { hasText: '宁夏' }).waitFor();
    assert.equal(await page.locator('.target-card').count(), 6);
    await done();
  });

  test('switching language translates the page and is remembered across reloads', async () => {
    const { page, done } = await open();
    await page.click('#lang-toggle');
    await page.locator('h1', { hasText: 'Social Work Workforce Planner' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.locator('.target-card').first().innerText(), /140,000/);
    await page.reload();
    await page.locator('h1', { hasText: 'Social Work Workforce Planner' }).waitFor();
    // No Chinese characters left in the English interface, except region names in the picker
    // and quotations, which are source text.
    const visible = await page.evaluate(() => {
      // Only what is on screen: closed pop-ups and the print-only report are not.
      const skip = (el) => el.closest('select, option') || !el.checkVisibility();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const out = [];
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!skip(node.parentElement) && /[\u4e00-\u9fff]/.test(node.textContent)) out.push(node.textContent.trim());
      }
      return out;
    });
    const allowed = /^(云南省|English|中文)$/;
    assert.deepEqual(visible.filter((t) => !allowed.test(t)), [], 'every visible string translated');
    await page.click('#lang-toggle');
    await page.locator('h1', { hasText: '社工人才规划沙盘' }).waitFor();
    await done();
  });

  test('an invalid value shows its message beside the field and keeps the last result', async () => {
    const { page, done } = await open();
    // The figure at the deadline (Monte Carlo may fill in the probability meanwhile).
    const atDeadline = page.locator('.target-card .target-facts dd').first();
    const before = await atDeadline.innerText();
    await page.fill('#input-hires', '-5');
    await page.press('#input-hires', 'Enter');
    const error = page.locator('#error-hires');
    await error.waitFor();
    assert.match(await error.innerText(), /不能为负数/);
    assert.equal(await page.getAttribute('#input-hires', 'aria-invalid'), 'true');
    await page.locator('.invalid-banner').waitFor();
    assert.equal(await atDeadline.innerText(), before);
    await page.fill('#input-hires', 'abc');
    await page.press('#input-hires', 'Enter');
    assert.match(await error.innerText(), /请输入数字/);
    await page.fill('#input-hires', '1.5万');
    await page.press('#input-hires', 'Enter');
    await error.waitFor({ state: 'detached' });
    await done();
  });

  test('Monte Carlo fills in the probability, and "what it takes" applies the needed value', async () => {
    const { page, done } = await open();
    const card = page.locator('.target-card[data-metric="talent"]');
    await oddsReady(page);
    await page.locator('#chart-talent path.band').waitFor();
    await card.locator('.what-it-takes summary').click();
    const answer = card.locator('.seek-answer');
    await answer.filter({ hasText: '需 ≥' }).waitFor({ timeout: 5000 });
    assert.match(await answer.innerText(), /要在2025年底使社会工作人才总量达到14万/);
    await card.locator('button.apply').click();
    // Met as planned, just: about half the simulations miss it, so the card says ⚠ (amber), and
    // its border agrees with its badge.
    await page.locator('.target-card.is-fragile[data-metric="talent"] .badge.fragile').waitFor();
    await done();
  });

  test('provenance shows on keyboard focus', async () => {
    const { page, done } = await open();
    const chip = page.locator('#param-talent .chip.source');
    await chip.focus();
    const tip = page.locator('#source-talent');
    assert.ok(await tip.isVisible(), 'tooltip visible on focus');
    assert.match(await tip.innerText(), /8\.45万人/);
    await done();
  });

  test('the per-year editor changes one year', async () => {
    const { page, done } = await open();
    await page.locator('#param-hires').getByRole('button', { name: /逐年设置/ }).click();
    const cell = page.locator('#schedule-hires-2023');
    await cell.fill('40000');
    await cell.press('Enter');
    await page.locator('#param-hires .chip.varies').waitFor();
    assert.equal(await page.locator('#input-hires').inputValue(), '逐年不同');
    await done();
  });

  test('undo steps back through each typed value and a whole drag, also from inside the field', async () => {
    const { page, done } = await open();
    const field = page.locator('#input-hires');
    const start = await field.inputValue();
    await field.fill('15000');
    await field.press('Enter');
    await field.fill('16000');
    await field.press('Enter');
    // Each typed value is one step; Ctrl+Z in the field (nothing typed) undoes the app, not the text.
    await field.press('Control+z');
    assert.equal(await field.inputValue(), '15000');
    await field.press('Control+z');
    assert.equal(await field.inputValue(), start);
    await field.press('Control+Shift+z');
    assert.equal(await field.inputValue(), '15000');
    // Away from the field, the browser's own undo must not also put an old number back into it.
    await field.press('Control+Shift+z');
    await page.click('#controls-heading');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Shift+z');
    assert.equal(await field.inputValue(), '16000');
    assert.equal(await page.locator('#param-hires .pending-hint').count(), 0, 'no typing pending');
    await page.keyboard.press('Control+z');
    assert.equal(await field.inputValue(), '15000');
    // A drag of many steps is one undo step.
    const slider = page.locator('#param-hires input[type=range]');
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    for (let i = 3; i <= 8; i++) await page.mouse.move(box.x + box.width * (i / 10), y, { steps: 3 });
    await page.mouse.up();
    const dragged = await field.inputValue();
    assert.notEqual(dragged, '15000');
    await slider.focus();
    await page.keyboard.press('Control+z');
    assert.equal(await field.inputValue(), '15000');
    await done();
  });

  test('a menu closes on Esc (back on its button) and on a click elsewhere', async () => {
    const { page, done } = await open();
    const menu = page.locator('#export-menu');
    await page.click('#export-menu summary');
    await page.locator('#export-csv').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('open'), null);
    assert.ok(await page.evaluate(() => document.activeElement?.closest('#export-menu') !== null), 'focus on the menu button');
    await page.click('#training-menu summary');
    await page.locator('#open-presenter').waitFor({ state: 'visible' });
    await page.click('.target-card h3');
    assert.equal(await page.locator('#training-menu').getAttribute('open'), null);
    await done();
  });

  test('the settings panel stays below the verdict bar when six targets wrap it to two rows', async () => {
    const { page, done } = await open({ query: '?v=1&p=ningxia' });
    await page.locator('.target-card').nth(5).waitFor();
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(300);
    const bar = await page.locator('.verdict-bar').boundingBox();
    const panel = await page.locator('.controls').boundingBox();
    assert.ok(bar.height > 50, `two rows of chips (${bar.height} px)`);
    assert.ok(panel.y >= bar.y + bar.height, `panel top ${panel.y} below the bar's bottom ${bar.y + bar.height}`);
    // A gap on a coverage target is in percentage points, not a percentage of anything.
    await page.selectOption('#preset', 'lhasa');
    const gap = page.locator('.target-card[data-metric$="coverage"] .gap').first();
    await gap.waitFor();
    assert.match(await gap.innerText(), /个百分点$/);
    await done();
  });

  test('on a phone the results show first, the settings one tap away, and nothing scrolls sideways', async () => {
    const { page, done } = await open({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
    assert.ok(await page.locator('#results').isVisible(), 'results shown');
    assert.ok(!(await page.locator('#controls').isVisible()), 'settings behind the switch');
    await page.getByRole('button', { name: '参数设置' }).click();
    assert.ok(await page.locator('#controls').isVisible());
    const overflow1 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow1 <= 0, `horizontal overflow of ${overflow1}px in the settings`);
    await page.getByRole('button', { name: '测算结果' }).click();
    // Also for a preset with many targets and in English.
    await page.selectOption('#preset', 'ningxia');
    await page.click('#lang-toggle');
    await page.locator('h1', { hasText: 'Social Work' }).waitFor();
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow2 <= 0, `horizontal overflow of ${overflow2}px`);
    await done();
  });

  test('every control can be reached with the keyboard', async () => {
    const { page, done } = await open();
    const seen = new Set();
    for (let i = 0; i < 400; i += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.id || el?.closest('[id]')?.id || el?.tagName;
      });
      seen.add(id);
    }
    for (const id of ['preset', 'end-year', 'lang-toggle', 'input-hires', 'input-attrition', 'input-subsidy_senior', 'mc-runs', 'mc-seed']) {
      assert.ok(seen.has(id), `${id} reachable by Tab`);
    }
    await done();
  });

  test('passes the axe checks (WCAG 2.2 A/AA and best practice) with panels open, in both languages and sizes', async () => {
    for (const [width, height, query] of [[1400, 900, ''], [1400, 900, '?lang=en'], [390, 844, '']]) {
      const { page, done } = await open({ width, height, query });
      await oddsReady(page);
      // Open a "what it takes" panel and a schedule so their contents are checked too.
      await page.locator('.what-it-takes summary').first().click();
      if (width < 900) await page.getByRole('button', { name: '参数设置' }).click();
      await page.locator('#param-hires').getByRole('button', { name: /逐年设置|Per year/ }).click();
      assert.deepEqual(await axeViolations(page), [], `axe violations at ${width}px ${query}`);
      await done();
    }
  });

  test('English is available from the address', async () => {
    const { page, done } = await open({ query: '?lang=en' });
    await page.locator('h1', { hasText: 'Social Work Workforce Planner' }).waitFor();
    await done();
  });
});

describe('computing off the page', () => {
  test('the Monte Carlo runs in a Web Worker', async () => {
    const { page, done } = await open();
    assert.equal(await page.locator('.app').getAttribute('data-compute'), 'worker');
    await oddsReady(page);
    const workers = page.workers().map((w) => w.url());
    assert.ok(workers.some((url) => url.endsWith('worker_loader.js')), workers.join(', '));
    // The worker computes: its wasm answers a job (the odds above came from it).
    assert.ok(await page.workers()[0].evaluate(() => typeof wasm_bindgen === 'function'));
    await done();
  });

  test('when no worker can start, the odds are computed on the page in slices', async () => {
    const { page, context, problems } = await open({ query: '?workers=0' });
    assert.equal(await page.locator('.app').getAttribute('data-compute'), 'page');
    await oddsReady(page);
    await context.close();
    assert.deepEqual(problems, []);
    // A worker script that cannot load: the page notices and computes itself.
    const blocked = await open({ route: ['**/worker_loader.js', (route) => route.abort()] });
    await oddsReady(blocked.page);
    const card = blocked.page.locator('.target-card').first();
    await card.locator('.what-it-takes summary').click();
    await card.locator('.seek-answer', { hasText: '需 ≥' }).waitFor({ timeout: 10000 });
    await blocked.context.close();
  });
});
