// Issue 21: a plan through its life, in Chromium — two years of actual talent typed in, the
// points on the chart and the deviation table, the re-projection from the latest actual beside
// the plan (with its own odds, from the worker), kept over a reload and in the shared link;
// a block pasted from a spreadsheet.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { baseUrl, open, settled, start, stop } from './harness.mjs';

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

/** The years of the actuals table, first to last. */
async function tableYears(page) {
  return page.$$eval('#actuals-table tbody th', (cells) => cells.map((c) => Number(c.textContent)));
}

/** What the deviation table shows, row by row. */
async function deviation(page) {
  await settled(page);
  return page.$$eval('#deviation-table tbody tr', (rows) =>
    rows.map((r) => ({
      metric: r.dataset.metric,
      year: Number(r.dataset.year),
      cells: [...r.querySelectorAll('td')].map((c) => c.textContent),
    })));
}

/** The actual points drawn on the talent chart. */
async function talentPoints(page) {
  return page.locator('#chart-talent .points circle').count();
}

describe('issue 21: a plan through its life', () => {
  test('two years of actual talent: points, deviation, outlook, re-projection, kept over a reload and in the link', async () => {
    const first = await open();
    const { page } = first;
    await page.locator('#actuals').scrollIntoViewIfNeeded();
    assert.equal(await page.locator('#actual-figure').inputValue(), 'talent');
    assert.equal(await page.locator('#deviation-table').count(), 0, 'no deviation before any actual');
    assert.equal(await page.locator('#reproject').count(), 0, 'nothing to re-project from');
    const years = await tableYears(page);
    const [y1, y2] = [years[1], years[2]];

    // The planner types the two years' figures as the bulletin prints them.
    await commit(page, `#actual-talent-${y1}`, '1.5万');
    await commit(page, `#actual-talent-${y2}`, '16,800');
    await page.locator('#deviation-table').waitFor(SHORT);
    const rows = await deviation(page);
    assert.deepEqual(rows.map((r) => [r.metric, r.year]), [['talent', y1], ['talent', y2]]);
    assert.equal(rows[0].cells[2], '1.5万');
    assert.equal(rows[1].cells[2], '1.68万');
    for (const row of rows) assert.match(row.cells[4], /^[+−-]?\d+(\.\d+)?%$|^0%$/, row.cells.join('|'));
    assert.equal(await talentPoints(page), 2, 'one point per actual on the talent chart');
    assert.equal(await page.locator('#actual-figure option[value="talent"]').textContent(), '社会工作人才总量 (2)');

    // A typo is held in its field with a message, and changes nothing.
    await commit(page, `#actual-talent-${years[3]}`, '1.2.3');
    await page.locator(`#actual-talent-${years[3]}-message`).waitFor(SHORT);
    assert.equal((await deviation(page)).length, 2);
    await page.press(`#actual-talent-${years[3]}`, 'Escape');
    await page.locator(`#actual-talent-${years[3]}-message`).waitFor({ state: 'detached', ...SHORT });

    // Each card judges its target from where the region really stands.
    const outlooks = await page.$$eval('.target-card .target-outlook', (ps) => ps.map((p) => p.textContent));
    assert.ok(outlooks.length > 0, 'the cards say how the targets stand given the actuals');
    assert.ok(outlooks.some((t) => t.includes(`按${y2}年实际值推算`)), outlooks.join('\n'));

    // Re-project from the latest actual: a second line on the charts and its own odds.
    const lines = await page.locator('#chart-talent path.line').count();
    await page.click('#reproject');
    await page.locator('#reprojection').waitFor(SHORT);
    assert.equal(await page.locator('#reproject').getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('#reprojection').textContent(), new RegExp(`${y2}年末`));
    assert.equal(await page.locator('#chart-talent path.line').count(), lines + 1, 'the re-projection beside the plan');
    assert.match(await page.locator('#chart-talent .legend').textContent(), /按实际值重新推算/);
    await page.locator('#reprojection .reprojected-odds').waitFor({ timeout: 30000 });
    assert.match(await page.locator('#reprojection .reprojected-odds').textContent(), /%/);
    await page.locator('#actuals').screenshot({ path: 'target/screenshots/life-actuals-zh-1400.png' });

    // A reload keeps the actuals (the autosave).
    await page.waitForTimeout(600);
    await page.reload();
    await page.locator('.target-card').first().waitFor();
    await page.locator('#deviation-table').waitFor(SHORT);
    assert.deepEqual(await deviation(page), rows);
    assert.equal(await page.locator(`#actual-talent-${y1}`).inputValue(), '15000');
    assert.equal(await talentPoints(page), 2);

    // The shared link carries them to a fresh browser.
    await page.click('#open-share');
    const link = await page.locator('#share-link').inputValue();
    assert.ok(link.startsWith(baseUrl()), link);
    const query = link.slice(link.indexOf('?') + 1);
    assert.match(query, /(^|&)ac=/, 'the actuals travel in the link');
    assert.ok(query.length <= 200, `${query.length} characters: ${query}`);
    await first.done();

    const second = await open({ query: `?${query}` });
    await second.page.locator('#deviation-table').waitFor(SHORT);
    assert.deepEqual(await deviation(second.page), rows);
    assert.equal(await talentPoints(second.page), 2);
    assert.equal(await second.page.locator('.notice').count(), 0, 'nothing to report');
    await second.done();
  });

  test('a block pasted from a spreadsheet: previewed, then entered in one step', async () => {
    const opened = await open();
    const { page } = opened;
    const years = await tableYears(page);
    const [y1, y2] = [years[1], years[2]];
    await page.fill('#actuals-paste', `指标\t${y1}\t${y2}\n社会工作人才总量\t1.5万\t16,800\n社会工作服务站\t120\t`);
    await page.click('#read-paste');
    await page.locator('#block-preview').waitFor(SHORT);
    assert.equal(await page.locator('#deviation-table').count(), 0, 'nothing entered before the planner agrees');
    await page.click('#apply-block');
    await page.locator('#block-report').waitFor(SHORT);
    const rows = await deviation(page);
    assert.deepEqual(rows.map((r) => [r.metric, r.year]), [['talent', y1], ['talent', y2], ['stations', y1]]);
    // One undo step takes the whole block back.
    await page.click('#undo');
    await page.locator('#deviation-table').waitFor({ state: 'detached', ...SHORT });
    await opened.done();
  });

  test('a CSV file of actuals is read as a pasted block: previewed, then entered', async () => {
    const opened = await open();
    const { page } = opened;
    const years = await tableYears(page);
    const [y1, y2] = [years[1], years[2]];
    await page.locator('#import-actuals-csv').setInputFiles({
      name: 'actuals.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`指标,${y1},${y2}\n社会工作人才总量,91000,96500\n`),
    });
    await page.locator('#block-preview').waitFor(SHORT);
    await page.click('#apply-block');
    await page.locator('#block-report').waitFor(SHORT);
    const rows = await deviation(page);
    assert.deepEqual(rows.map((r) => [r.metric, r.year]), [['talent', y1], ['talent', y2]]);
    await opened.done();
  });

  test('calibrate hiring and attrition to three years of actuals, and apply the fit in one undo step', async () => {
    const opened = await open();
    const { page } = opened;
    const years = await tableYears(page);
    // Three years each 4% above the plan: a stock that moves, so hiring and attrition can be told apart.
    for (const year of years.slice(1, 4)) {
      const planned = await page.locator(`#actual-talent-${year}`).locator('xpath=ancestor::tr').locator('.plan-value').textContent();
      const value = planned.endsWith('万') ? Number(planned.slice(0, -1)) * 1e4 : Number(planned.replace(/,/g, ''));
      assert.ok(value > 0, planned);
      await commit(page, `#actual-talent-${year}`, String(Math.round(value * 1.04)));
    }
    await page.locator('#deviation-table').waitFor(SHORT);
    assert.equal(await page.locator('#fit-hires').isChecked(), true);
    await page.click('#fit');
    await page.locator('#fit-result, #fit-refusal').first().waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#fit-refusal').count(), 0, await page.locator('#calibrate').textContent());
    assert.equal(await page.locator('#fit-levers tbody tr').count(), 2);
    assert.match(await page.locator('#fit-quality').textContent(), /R²/);
    const hires = await page.locator('#input-hires').inputValue();
    await page.click('#apply-fit');
    await page.locator('.fit-applied').waitFor(SHORT);
    await settled(page);
    assert.notEqual(await page.locator('#input-hires').inputValue(), hires, 'the fitted hiring is now the plan\u2019s');
    await page.click('#undo');
    await settled(page);
    assert.equal(await page.locator('#input-hires').inputValue(), hires, 'one undo step takes the fit back');
    await opened.done();
  });

  test("a province rolled up from three city plans: the sum, each city's part, the province's target", async () => {
    const opened = await open();
    const { page } = opened;
    await page.click('#open-rollup');
    await page.locator('#rollup-dialog').waitFor(SHORT);
    for (const city of ['jinan', 'lanzhou', 'nanchang']) {
      await page.selectOption('#rollup-preset', city);
      await page.click('#rollup-add-preset');
    }
    await page.locator('#rollup-result').waitFor(SHORT);
    assert.equal(await page.locator('#rollup-cities li').count(), 3);
    assert.equal(await page.locator('#rollup-table tbody tr').count(), 4, 'three cities and the province');
    assert.equal(await page.locator('#chart-rollup').count(), 1);
    await page.selectOption('#rollup-target-metric', 'station_coverage');
    await page.fill('#rollup-target-threshold', '100');
    await page.selectOption('#rollup-target-deadline', '2025');
    await page.click('#rollup-add-target');
    await page.locator('#rollup-province-verdicts li').first().waitFor(SHORT);
    assert.equal(await page.locator('#rollup-province-verdicts li').count(), 1);
    assert.ok(await page.locator('#rollup-city-verdicts li').count() > 0, "each city's own targets on the city");
    await page.locator('#rollup-dialog').screenshot({ path: 'target/screenshots/life-rollup-zh-1400.png' });
    await opened.done();
  });
});
