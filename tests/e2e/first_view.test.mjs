// The first view (src/first_view.rs, src/bin/boot.rs): the plan drawn before the app loads, with
// the numbers the app then shows. The app's script is held back so the first view can be read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, open, settled, start, stop } from './harness.mjs';

before(start);
after(stop);

/** Opens the page with the app's script held until `release()`; resolves once the first view is drawn. */
async function openHeld(options = {}) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const route = [/\/app-[0-9a-f]+\.js$/, async (r) => { await held; await r.continue(); }];
  const opened = await open({ ...options, route, ready: '.first-view #chart-talent path.line' });
  return { ...opened, release };
}

/** What both views show: the region, each verdict chip's value, the talent line. */
async function shown(page, root) {
  return {
    region: await page.locator(`${root} .horizon-note strong`).innerText(),
    chips: await page.locator(`${root} .verdict-chip .chip-value`).allInnerTexts(),
    met: await page.locator(`${root} .verdict-chip.is-met`).count(),
    line: await page.locator(`${root} #chart-talent path.line.tone-1:not(.faint)`).getAttribute('d'),
  };
}

describe('the first view', () => {
  for (const [name, query, region, notes] of [
    ['a preset link on older data, in English', '?v=1&p=guizhou.1&h=8000g0.05&pj=0.3&lang=en', 'Guizhou', 1],
    ['a custom region', '?v=1&p=new&n=6LWj5bee5pa55qGI77yI5Yid56i_77yJ&rn=6LWj5bee5biC.R2FuemhvdQ&by=2024&t0=6234&h=850&cj0=410&cm0=132&cj=1200&cm=400&tw=290&s0=120&s=60_60_50&vi=3465&r0=300&r=400g0.1&i0=48&i=6&po0=700&t=tl-10000-2027_sv-1-2026_rv-0.8-2030&lang=zh', '赣州市', 0],
  ]) {
    test(`draws ${name} before the app, with the numbers the app then shows`, async () => {
      const { page, done, release } = await openHeld({ query });
      const first = await shown(page, '.first-view');
      assert.equal(first.region, region);
      // Where the app will explain the link (older preset data), a line holds the place.
      assert.equal(await page.locator('.first-view .notice').count(), notes);
      assert.ok(first.chips.length > 0, 'a chip per target');
      assert.equal(await page.locator('.first-view').getAttribute('aria-busy'), 'true');
      assert.equal(await page.locator('.target-card').count(), 0, 'the app is not there yet');
      // The settings work; the rest waits for the app.
      assert.equal(await page.locator('.first-view #results').evaluate((v) => v.inert), true, 'the results wait');
      assert.equal(await page.locator('.first-view .controls').evaluate((v) => v.closest('[inert]') === null), true, 'the sliders work');
      // axe skips inert content: check the markup as it would read once live.
      await page.locator('.first-view [inert]').evaluateAll((vs) => vs.forEach((v) => { v.inert = false; }));
      assert.deepEqual(await axeViolations(page), []);
      release();
      await page.locator('.app .target-card').first().waitFor();
      assert.equal(await page.locator('.first-view').count(), 0, 'the app took its place');
      assert.deepEqual(await shown(page, '.app'), first);
      await done();
    });
  }

  test('its sliders work before the app, and the app keeps what was done with them', async () => {
    const { page, done, release } = await openHeld();
    const deadline = (root) => page.locator(`${root} #results .at-deadline`).allInnerTexts();
    const field = (root, key) => page.locator(`${root} #input-${key}`).inputValue();
    const opened = { values: await deadline('.first-view'), hires: await field('.first-view', 'hires') };
    // Keys on one slider: the numbers follow, in the first view.
    const hires = page.locator('.first-view #param-hires input[type=range]');
    await hires.focus();
    for (let i = 0; i < 4; i += 1) await hires.press('ArrowRight');
    await page.waitForFunction((before) => {
      const now = [...document.querySelectorAll('.first-view #results .at-deadline')].map((c) => c.textContent);
      return now.join('|') !== before.join('|');
    }, opened.values);
    const pressed = await field('.first-view', 'hires');
    assert.notEqual(pressed, opened.hires, 'the field shows the slider\'s value');
    // A mouse drag on another slider, held while the app arrives: the app waits for the release.
    const rooms = page.locator('.first-view #param-rooms_per_year input[type=range]');
    await rooms.scrollIntoViewIfNeeded();
    const box = await rooms.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i += 1) await page.mouse.move(box.x + box.width * (0.3 + i * 0.03), y);
    release();
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('.first-view').count(), 1, 'the page is not taken from under a held mouse');
    await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn, 0))));
    const edited = {
      values: await deadline('.first-view'),
      hires: await field('.first-view', 'hires'),
      rooms: await field('.first-view', 'rooms_per_year'),
    };
    assert.notDeepEqual(edited.values, opened.values);
    await page.mouse.up();
    await page.locator('.app .target-card').first().waitFor();
    await settled(page);
    // The app shows the plan as edited, with the same numbers, and the slider keeps the focus.
    assert.equal(await field('.app', 'hires'), edited.hires);
    assert.equal(await field('.app', 'rooms_per_year'), edited.rooms);
    assert.deepEqual(await deadline('.app'), edited.values);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[id^="param-"]')?.id), 'param-rooms_per_year');
    assert.equal(await page.locator('#param-hires .chip.changed:not(.is-idle)').count(), 1, 'marked as changed');
    // Each slider's edits are one undo step of the planner's own.
    await page.locator('#undo').click();
    assert.equal(await field('.app', 'hires'), edited.hires);
    assert.notEqual(await field('.app', 'rooms_per_year'), edited.rooms);
    await page.locator('#undo').click();
    assert.equal(await field('.app', 'hires'), opened.hires);
    assert.deepEqual(await deadline('.app'), opened.values);
    await page.locator('#redo').click();
    await page.locator('#redo').click();
    assert.deepEqual(await deadline('.app'), edited.values);
    // And they outlive a reload: the autosave has them.
    await page.waitForFunction((h) => (localStorage.getItem('swplan.v1.autosave.link') ?? '').includes(`h=${h}`), edited.hires);
    await page.reload();
    await page.locator('.app .target-card').first().waitFor();
    assert.equal(await field('.app', 'hires'), edited.hires);
    assert.deepEqual(await deadline('.app'), edited.values);
    await done();
  });

  test('a number typed in its field applies on Enter; text that is not one goes back', async () => {
    const { page, done, release } = await openHeld({ query: '?lang=en' });
    const deadline = (root) => page.locator(`${root} #results .at-deadline`).allInnerTexts();
    const before = await deadline('.first-view');
    const field = page.locator('.first-view #input-attrition');
    await field.fill('12');
    await field.press('Enter');
    await page.waitForFunction((b) => [...document.querySelectorAll('.first-view #results .at-deadline')].map((c) => c.textContent).join('|') !== b.join('|'), before);
    assert.equal(await page.locator('.first-view #param-attrition input[type=range]').inputValue(), '12');
    const edited = await deadline('.first-view');
    await field.fill('twelve');
    await field.press('Enter');
    assert.equal(await field.inputValue(), '12');
    await field.fill('-3');
    await field.press('Tab');
    assert.equal(await field.inputValue(), '12');
    assert.deepEqual(await deadline('.first-view'), edited);
    release();
    await page.locator('.app .target-card').first().waitFor();
    assert.equal(await page.locator('#input-attrition').inputValue(), '12');
    assert.deepEqual(await deadline('.app'), edited);
    await done();
  });

  test('draws the autosaved plan on a reload', async () => {
    const { page, context, done } = await open();
    const field = page.locator('#input-hires');
    await field.fill('20000');
    await field.press('Enter');
    await settled(page);
    await page.waitForFunction(() => (localStorage.getItem('swplan.v1.autosave.link') ?? '').includes('h=20000'));
    const edited = await shown(page, '.app');
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route(/\/app-[0-9a-f]+\.js$/, async (r) => { await held; await r.continue(); });
    await page.goto(page.url().split('?')[0]);
    await page.locator('.first-view #chart-talent path.line').waitFor();
    assert.deepEqual(await shown(page, '.first-view'), edited);
    release();
    await page.locator('.app .target-card').first().waitFor();
    await done();
  });
});
