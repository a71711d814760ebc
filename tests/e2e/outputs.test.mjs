// End-to-end tests of what leaves the app and how the results read (issue 18, items 14–18):
// the printed QR code's size on paper, chart downloads and legends, the verdict chips and the
// target cards, the notices. Run against the release build: node --test tests/e2e/outputs.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { oddsReady, open, settled, start, stop } from './harness.mjs';

before(start);
after(stop);

/** CSS pixels per millimetre (96 per inch). */
const PX_PER_MM = 96 / 25.4;
/** The printable width of an A4 page with the report's 12 mm side margins, in CSS pixels. */
const A4_CONTENT_PX = Math.floor((210 - 2 * 12) * PX_PER_MM);

/** A custom region with a long link (name, region, targets): its QR code has 61+ modules. */
const LONG_LINK = '?v=1&p=new&n=6LWj5bee5pa55qGI77yI5Yid56i_77yJ&rn=6LWj5bee5biC.R2FuemhvdQ&by=2024&t0=6234&h=850&cj0=410&cm0=132&cj=1200&cm=400&tw=290&s0=120&s=60_60_50&vi=3465&r0=300&r=400g0.1&i0=48&i=6&po0=700&t=tl-10000-2027_sv-1-2026_rv-0.8-2030';

describe('outputs: print, downloads, chips, cards and notices', () => {
  test('14: the printed QR code is at least 30 mm wide on A4, its link printed beside it', async () => {
    const { page, done } = await open({ query: LONG_LINK });
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_CONTENT_PX, height: 1100 });
    const qr = page.locator('.print-cover .print-link svg');
    const box = await qr.boundingBox();
    const modules = Number((await qr.getAttribute('viewBox')).split(' ')[2]);
    assert.ok(modules >= 61, `a long link: ${modules} modules with the quiet zone`);
    const mm = box.width / PX_PER_MM;
    assert.ok(mm >= 30, `the QR code is ${mm.toFixed(1)} mm wide on paper`);
    assert.ok(Math.abs(box.width - box.height) < 1, 'square');
    assert.ok(await page.locator('.print-url').isVisible(), 'the link is printed too');
    await page.pdf({ format: 'A4', path: 'target/screenshots/outputs-report.pdf' });
    await page.emulateMedia({ media: 'screen' });
    await done();
  });

  test('15: a chart downloads under the name of its region and plan, which it also shows', async () => {
    const { page, done } = await open({ query: '?v=2&p=yunnan&n=5aSa5oub5Lq6' });
    const chart = page.locator('#chart-talent');
    const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /下载 SVG/ }).click()]);
    const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /下载 PNG/ }).click()]);
    for (const file of [svg, png]) {
      const name = file.suggestedFilename();
      assert.doesNotMatch(name, /^chart-/, name);
      assert.match(name, /云南省/, `the region: ${name}`);
      assert.match(name, /多招人/, `the plan: ${name}`);
      assert.match(name, /社会工作人才/, `the chart: ${name}`);
    }
    const document = await readFile(await svg.path(), 'utf8');
    assert.match(document, /云南省/, 'the image names the region');
    assert.match(document, /多招人/, 'and the plan');
    await done();
  });

  test('15: each band of the coverage chart has a legend swatch of its own colour', async () => {
    const { page, done } = await open({ query: '?v=2&p=ningxia' });
    await oddsReady(page);
    const chart = page.locator('#chart-coverage');
    await chart.locator('path.band').first().waitFor({ state: 'attached' });
    const bands = await chart.locator('path.band').evaluateAll((ps) => [...new Set(ps.map((p) => getComputedStyle(p).fill))].sort());
    const swatches = await chart.locator('.legend .band-sample rect').evaluateAll((ss) => [...new Set(ss.map((s) => getComputedStyle(s).fill))].sort());
    assert.equal(bands.length, 2, 'stations and rooms each have a band');
    assert.deepEqual(swatches, bands);
    await done();
  });

  test('15: a target label at the top of the coverage chart stays clear of the lines', async () => {
    // Version 1 of the model: Ningxia's room line climbs to 100% just before the label.
    for (const query of ['?v=1&p=ningxia.1', '?v=2&p=ningxia', '?v=2&p=guizhou&lang=en']) {
      const { page, done } = await open({ query });
      const overlaps = await page.locator('#chart-coverage svg[role=img]').evaluate((svg) => {
        const found = [];
        const labels = [...svg.querySelectorAll('.target-label')].map((l) => ({ text: l.textContent, box: l.getBBox() }));
        for (const path of svg.querySelectorAll('path.line')) {
          const length = path.getTotalLength();
          for (let at = 0; at <= length; at += 1) {
            const p = path.getPointAtLength(at);
            for (const { text, box } of labels) {
              if (p.x > box.x + 1 && p.x < box.x + box.width - 1 && p.y > box.y + 1 && p.y < box.y + box.height - 1) {
                found.push(`${text} at ${p.x.toFixed(0)},${p.y.toFixed(0)}`);
              }
            }
          }
        }
        const tops = labels.map(({ text, box }) => [text, box.y]);
        return { found: [...new Set(found.map((f) => f.split(' at ')[0]))], first: found[0], tops };
      });
      assert.deepEqual(overlaps.found, [], `${query}: ${overlaps.first}`);
      for (const [text, top] of overlaps.tops) assert.ok(top >= 0, `${query}: ${text} inside the drawing (${top})`);
      await done();
    }
  });

  test('17: a chip keeps the digits that show the gap (11,049 against 12,000)', async () => {
    const { page, done } = await open({ query: '?v=2&p=new&t0=11049&a=0&t=tl-12000-2027' });
    const chip = await page.locator('.verdict-chip .chip-value').first().innerText();
    assert.match(chip, /^1\.105万 \/ 1\.2万/, chip);
    await done();
  });

  test('17: a budget ceiling card names the year the ceiling is first exceeded, not a year "reached"', async () => {
    // Ningxia with a cumulative budget ceiling of 1.5亿元 by 2027.
    const { page, done } = await open({ query: '?v=2&p=ningxia&t=tl-15000-2027_b-150000000-2027' });
    await oddsReady(page);
    const card = page.locator('.target-card[data-metric="budget_cumulative"]');
    const text = await card.innerText();
    assert.doesNotMatch(text, /首次达到/, text);
    assert.match(text, /首次超出/, text);
    assert.doesNotMatch(text, /模拟中位首次达到/, text);
    await done();
  });

  test('17: the printed report of a new region reads "1 person", "(was 1)", never "1 people" or "(was 1 )"', async () => {
    const { page, done } = await open({ query: '?v=2&p=new&vi=300&lang=en' });
    await settled(page);
    await page.emulateMedia({ media: 'print' });
    const appendix = await page.locator('.print-appendix').innerText();
    assert.doesNotMatch(appendix, /\b1 people\b/, 'singular');
    assert.doesNotMatch(appendix, /\(was 1 \)/, 'no space before the bracket');
    assert.match(appendix, /\(was 1\)/);
    await page.emulateMedia({ media: 'screen' });
    await done();
  });

  test('18: stacked notices take little room and go at once', async () => {
    // A mangled link on older data and an older model: two notices with long details.
    const { page, done } = await open({ query: '?v=1&p=ningxia.1&h=abc&a=xyz' });
    await page.locator('.notice').first().waitFor();
    assert.ok(await page.locator('.notice').count() >= 2, 'two notices');
    const height = (await page.locator('.notices').boundingBox()).height;
    assert.ok(height <= 110, `the notices take ${height} px`);
    await page.screenshot({ path: 'target/screenshots/outputs-notices-desktop.png' });
    // Nothing is lost: the folded notice and the rest of the details unfold.
    const upgrade = page.getByRole('button', { name: '改用现在的口径' });
    assert.ok(!(await upgrade.isVisible()), 'the second notice is folded');
    await page.locator('.notice-more summary').click();
    assert.ok(await upgrade.isVisible(), 'and unfolds with its button');
    const details = page.locator('.notice-details').first();
    const folded = (await details.boundingBox()).height;
    await page.locator('.notice-expand summary').first().click();
    assert.ok((await details.boundingBox()).height > folded, 'the details unfold');
    await page.getByRole('button', { name: '全部知道了' }).click();
    assert.equal(await page.locator('.notice').count(), 0, 'every notice dismissed by one click');
    await done();
  });

  test('18: a card keeps its height while new odds compute during a drag', async () => {
    // Ningxia on the first model reading: the rooms are met as planned, rarely in simulations,
    // and the rooms card says why. Dragging the hiring slider recomputes the odds meanwhile.
    const { page, done } = await open({ query: '?v=1&p=ningxia.1' });
    await oddsReady(page);
    const rooms = page.locator('.target-card[data-metric="rooms"]');
    assert.match(await rooms.locator('.contrast').innerText(), /按计划可达成/);
    const before = (await rooms.boundingBox()).height;
    const slider = page.locator('#param-hires input[type=range]');
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    const during = [];
    let updating = 0;
    for (let i = 4; i <= 8; i++) {
      await page.mouse.move(box.x + box.width * (i / 10), y, { steps: 3 });
      during.push((await rooms.boundingBox()).height);
      updating += await page.locator('.probability.is-updating').count();
    }
    await page.mouse.up();
    assert.ok(updating > 0, 'the odds were being computed during the drag');
    for (const h of during) assert.equal(h, before, `${before} px, then ${h} px during the drag`);
    await oddsReady(page);
    assert.match(await rooms.locator('.contrast').innerText(), /按计划可达成/);
    await done();
  });

  test('18: on a phone the chips show their odds and at least two fit the width', async () => {
    for (const lang of ['zh', 'en']) {
      const { page, done } = await open({ width: 390, height: 844, query: `?v=2&p=ningxia&lang=${lang}` });
      await oddsReady(page);
      const bar = await page.locator('.verdict-chips').boundingBox();
      const chips = await page.locator('.verdict-chip').evaluateAll((cs) => cs.map((c) => {
        const r = c.getBoundingClientRect();
        const odds = c.querySelector('.chip-odds');
        return { left: r.left, right: r.right, odds: odds ? odds.getBoundingClientRect().width > 0 && getComputedStyle(odds).display !== 'none' : false };
      }));
      const inView = chips.filter((c) => c.left >= bar.x - 0.5 && c.right <= bar.x + bar.width + 0.5);
      assert.ok(inView.length >= 2, `${lang}: ${inView.length} chips fit the width`);
      assert.ok(chips.every((c) => c.odds), `${lang}: every chip shows its odds`);
      await page.screenshot({ path: `target/screenshots/outputs-phone-chips-${lang}.png` });
      await done();
    }
  });
});
