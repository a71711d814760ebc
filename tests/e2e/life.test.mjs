// Issue 21: a plan through its life, in Chromium — two years of actual talent typed in, the
// points on the chart and the deviation table (actuals in the plan's unit), the re-projection
// from the latest actual beside the plan in its own style (with its own odds, from the worker),
// kept over a reload and in the shared link; a block pasted from a spreadsheet; calibration;
// the back-test; a province rolled up from three cities and opened again from its link.
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

/** The plan's value beside the actual field of `year`, as the actuals table shows it. */
async function planText(page, year) {
  return page.locator(`#actual-talent-${year}`).locator('xpath=ancestor::tr').locator('.plan-value').textContent();
}

/** A count as the page writes it ("9.1万", "91,000", "9082") as a number. */
function countOf(text) {
  return text.endsWith('万') ? Number(text.slice(0, -1)) * 1e4 : Number(text.replace(/,/g, ''));
}

/** A count as the page writes it in Chinese with two decimals of 万 (format_count). */
function wan(value) {
  return value >= 1e4 ? `${Number((value / 1e4).toFixed(2))}万` : String(Math.round(value));
}

/** Whether a chart's re-projection is drawn as no other line is: its own colour (used by no
 *  other line, nor by the target), its own dash, and a diamond at each year it has. */
async function reprojectionLooksItsOwn(page, chart) {
  return page.$eval(`#${chart}`, (figure) => {
    const style = (el) => getComputedStyle(el);
    const lines = [...figure.querySelectorAll('path.line')];
    const again = lines.find((l) => l.closest('.series')?.dataset.label.includes('从最新实际值重新推算'));
    if (!again) return 'no re-projection line';
    const others = lines.filter((l) => l !== again);
    const mine = style(again);
    for (const other of others) {
      const theirs = style(other);
      if (theirs.stroke === mine.stroke) return `colour shared: ${mine.stroke}`;
      if (theirs.strokeDasharray === mine.strokeDasharray) return `dash shared: ${mine.strokeDasharray}`;
    }
    const target = figure.querySelector('.target-line');
    if (target && style(target).stroke === mine.stroke) return 'the target colour';
    const markers = figure.querySelectorAll('.markers .marker');
    const years = again.getAttribute('d').split(/[ML]/).filter((p) => p.trim()).length;
    if (markers.length !== years) return `${markers.length} markers for ${years} years`;
    const sample = [...figure.querySelectorAll('.legend li')].find((li) => li.textContent.includes('从最新实际值重新推算'));
    if (!sample?.querySelector('svg path')) return 'no diamond in the legend sample';
    return true;
  });
}

/** Opens the roll-up and adds Jinan, Lanzhou and Nanchang from their presets. */
async function rollUpThreeCities(page) {
  await page.click('#open-rollup');
  await page.locator('#rollup-dialog').waitFor(SHORT);
  for (const city of ['jinan', 'lanzhou', 'nanchang']) {
    await page.selectOption('#rollup-preset', city);
    await page.click('#rollup-add-preset');
  }
  await page.locator('#rollup-result').waitFor(SHORT);
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
    // Taken, a value reads as the plan beside it does: in 万, as typed or not.
    for (const year of [y1, y2]) {
      const field = await page.locator(`#actual-talent-${year}`).inputValue();
      const planned = await planText(page, year);
      assert.match(planned, /万$/, planned);
      assert.match(field, /^\d+(\.\d+)?万$/, `${field} beside ${planned}`);
    }
    assert.equal(await page.locator(`#actual-talent-${y2}`).inputValue(), '1.68万');
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
    // Only the cards whose figure was counted speak of the actuals.
    assert.equal(outlooks.length, await page.locator('.target-card', { hasText: '社会工作人才总量' }).count(), outlooks.join('\n'));

    // Re-project from the latest actual: a second line on the charts and its own odds.
    const lines = await page.locator('#chart-talent path.line').count();
    await page.click('#reproject');
    await page.locator('#reprojection').waitFor(SHORT);
    assert.equal(await page.locator('#reproject').getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('#reprojection').textContent(), new RegExp(`${y2}年末`));
    assert.equal(await page.locator('#chart-talent path.line').count(), lines + 1, 'the re-projection beside the plan');
    const legend = await page.locator('#chart-talent .legend').textContent();
    assert.match(legend, /社会工作人才总量（从最新实际值重新推算）/);
    assert.equal(await reprojectionLooksItsOwn(page, 'chart-talent'), true);
    // On the certified chart (when the talent actuals move it at all), not the junior level's
    // dashed orange; a figure they do not move has no second line over its plan line.
    if (await page.locator('#chart-certified .legend', { hasText: '从最新实际值重新推算' }).count()) {
      assert.equal(await reprojectionLooksItsOwn(page, 'chart-certified'), true);
    }
    await page.locator('#reprojection .reprojected-odds').waitFor({ timeout: 30000 });
    assert.match(await page.locator('#reprojection .reprojected-odds').textContent(), /%/);
    await page.locator('#actuals').screenshot({ path: 'target/screenshots/life-actuals-zh-1400.png' });

    // A reload keeps the actuals (the autosave) and the re-projection drawn (a view setting).
    await page.waitForTimeout(600);
    await page.reload();
    await page.locator('.target-card').first().waitFor();
    await page.locator('#deviation-table').waitFor(SHORT);
    assert.deepEqual(await deviation(page), rows);
    assert.equal(await page.locator(`#actual-talent-${y1}`).inputValue(), '1.5万');
    assert.equal(await talentPoints(page), 2);
    await page.locator('#reprojection').waitFor(SHORT);
    assert.equal(await page.locator('#reproject').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('#chart-talent path.line').count(), lines + 1, 'the re-projection still drawn');
    assert.match(await page.locator('#chart-talent .legend').textContent(), /从最新实际值重新推算/);

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
    // The link holds the plan's numbers, not how its sender looked at them.
    assert.equal(await second.page.locator('#reproject').getAttribute('aria-pressed'), 'false');
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
      const planned = await planText(page, year);
      const value = countOf(planned);
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
    await rollUpThreeCities(page);
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

  test('in English an actual reads as the plan beside it: separators and the plan\u2019s ¥ M, not a bare number', async () => {
    const opened = await open({ query: '?lang=en' });
    const { page } = opened;
    const years = await tableYears(page);
    await commit(page, `#actual-talent-${years[1]}`, '91000');
    await page.locator('#deviation-table').waitFor(SHORT);
    assert.equal(await page.locator(`#actual-talent-${years[1]}`).inputValue(), '91,000');
    const [row] = await deviation(page);
    assert.equal(row.cells[2], '91,000');
    assert.match(row.cells[1], /^\d{1,3}(,\d{3})+$/, 'the plan in the same format');

    // Money typed in yuan reads in the plan's ¥ M (or ¥ bn), not as "125,000,000".
    await page.selectOption('#actual-figure', 'budget_cumulative');
    const year = years[2];
    const planned = await page.locator(`#actual-budget_cumulative-${year}`).locator('xpath=ancestor::tr').locator('.plan-value').textContent();
    const [, number, unit] = planned.match(/^¥([\d.,]+)(?: (M|bn))?$/) ?? [];
    assert.ok(number, planned);
    const yuan = Number(number.replace(/,/g, '')) * ({ M: 1e6, bn: 1e9 }[unit] ?? 1);
    const typed = String(Math.round((yuan * 1.05) / 1e4) * 1e4);
    await commit(page, `#actual-budget_cumulative-${year}`, typed);
    await page.locator(`#deviation-table tr[data-metric="budget_cumulative"]`).waitFor(SHORT);
    const field = await page.locator(`#actual-budget_cumulative-${year}`).inputValue();
    const suffix = (text) => text.replace(/^¥[\d.,]+/, '');
    assert.equal(suffix(field), suffix(planned), `${field} beside ${planned}`);
    const budget = (await deviation(page)).find((r) => r.metric === 'budget_cumulative');
    assert.equal(suffix(budget.cells[2]), suffix(budget.cells[1]), budget.cells.join(' | '));
    await opened.done();
  });

  test('the back-test: too few years said, then sensible years, what it found and the numbers', async () => {
    const opened = await open();
    const { page } = opened;
    const years = await tableYears(page);
    const typed = new Map();
    // Three years 3% above the plan: hiring and attrition need a base year, two years to fit
    // and one to test.
    for (const year of years.slice(1, 4)) {
      const value = Math.round((countOf(await planText(page, year)) * 1.03) / 100) * 100;
      typed.set(year, value);
      await commit(page, `#actual-talent-${year}`, String(value));
    }
    await page.locator('#backtest-shortfall').waitFor(SHORT);
    assert.equal(await page.locator('#run-backtest').count(), 0, 'nothing to run');
    assert.equal(
      await page.locator('#backtest-shortfall').textContent(),
      '现有实际值还不够回测：社会工作人才总量只有3年的实际值，拟合2个杠杆的回测至少需要4年（1年作基准年、2年用来拟合、之后至少1年用来检验）。请再填几年的实际值，或少选一个要拟合的杠杆。',
    );

    // A fourth year, 10% above the plan: the region grew faster after the cut-off.
    const last = years[4];
    const late = Math.round((countOf(await planText(page, last)) * 1.1) / 100) * 100;
    typed.set(last, late);
    await commit(page, `#actual-talent-${last}`, String(late));
    await page.locator('#backtest-base').waitFor(SHORT);
    // Based in the first year with an actual, cut off where one later actual is left to test.
    assert.equal(await page.locator('#backtest-base').inputValue(), String(years[1]));
    assert.equal(await page.locator('#backtest-cutoff').inputValue(), String(years[3]));
    assert.deepEqual(
      await page.$$eval('#backtest-cutoff option', (os) => os.map((o) => Number(o.value))),
      [years[3]],
      'two years to fit on, one to test: one cut-off',
    );
    await page.click('#run-backtest');
    await page.locator('#backtest-result, #backtest-refusal').first().waitFor({ timeout: 30000 });
    assert.equal(await page.locator('#backtest-refusal').count(), 0, await page.locator('#backtest').textContent());

    const misses = await page.$$eval('#backtest-misses tbody tr', (rows) => rows.map((r) => ({
      year: Number(r.dataset.year),
      actual: r.querySelector('.actual').textContent,
      projected: r.querySelector('.projected').textContent,
      difference: r.querySelector('.difference').textContent,
      percent: r.querySelector('.percent').textContent,
    })));
    assert.equal(misses.length, 1, 'the one later year');
    const [miss] = misses;
    assert.equal(miss.year, last);
    assert.equal(miss.actual, wan(late), 'the actual as typed, in the plan\u2019s unit');
    assert.match(miss.projected, /万$/);
    const projected = countOf(miss.projected);
    assert.ok(projected < late, `${miss.projected} below the actual ${miss.actual}`);
    assert.match(miss.difference, /^\+\d/);
    assert.ok(Math.abs(countOf(miss.difference.slice(1)) - (late - projected)) <= 100, `${miss.difference}`);
    const percent = Number(miss.percent.replace(/^\+|%$/g, ''));
    assert.ok(Math.abs(percent - (100 * (late - projected)) / projected) < 0.2, miss.percent);

    const finding = await page.$$eval('#backtest-result > p', (ps) => ps.map((p) => p.textContent));
    assert.equal(finding.length, 2, finding.join('\n'));
    assert.equal(
      finding[0],
      `以${years[1]}年为基准、只用${years[1]}–${years[3]}年的实际值拟合，推算之后的年份：偏差最大的是${last}年社会工作人才总量，实际${wan(late)}，高于推算的${miss.projected}（差${miss.percent.replace(/^\+/, '')}）。`,
    );
    assert.match(finding[1], /^拟合看不到的变化：\d{4}年以后(每年新招人数|年流失率|[^变]+)变了。|^之后的偏差没有超出拟合本身的误差/, finding[1]);
    await page.locator('#backtest').screenshot({ path: 'target/screenshots/life-backtest-zh-1400.png' });
    await opened.done();
  });

  test('a roll-up of three cities: summed stocks, coverage as summed stations over summed townships, and its link', async () => {
    // Each city's townships, as its own plan says.
    const townships = {};
    for (const city of ['jinan', 'lanzhou', 'nanchang']) {
      const alone = await open({ query: `?v=2&p=${city}` });
      townships[city] = Number((await alone.page.locator('#input-townships').inputValue()).replace(/,/g, ''));
      assert.ok(townships[city] > 0, city);
      await alone.done();
    }

    const opened = await open();
    const { page } = opened;
    await rollUpThreeCities(page);
    const table = () => page.$$eval('#rollup-table tr', (rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent)));

    // Stocks: the province is the sum of its cities (each shown whole).
    const talent = await table();
    assert.equal(talent.length, 5, 'a header, three cities and the province');
    const talentParts = talent.slice(1, 4).map((r) => countOf(r[1]));
    assert.ok(talentParts.every((v) => v > 0), talent.join('\n'));
    const talentTotal = countOf(talent[4][1]);
    assert.ok(Math.abs(talentTotal - talentParts.reduce((a, b) => a + b)) <= 1.5, talent.join('\n'));

    // The province's targets for 2023, judged on the sum: its stations and its coverage.
    const addTarget = async (metric, threshold) => {
      await page.selectOption('#rollup-target-metric', metric);
      await page.fill('#rollup-target-threshold', threshold);
      await page.selectOption('#rollup-target-deadline', '2023');
      await page.click('#rollup-add-target');
    };
    await addTarget('stations', '350');
    await addTarget('station_coverage', '90');
    await page.locator('#rollup-province-verdicts li:nth-child(2)').waitFor(SHORT);

    await page.selectOption('#rollup-figure', 'stations');
    await page.locator('#rollup-table th', { hasText: '2023' }).first().waitFor(SHORT);
    const stations = await table();
    assert.match(stations[0][1], /社工站（2023年）/);
    const stationParts = stations.slice(1, 4).map((r) => countOf(r[1]));
    const stationTotal = countOf(stations[4][1]);
    assert.ok(Math.abs(stationTotal - stationParts.reduce((a, b) => a + b)) <= 1.5, stations.join('\n'));

    await page.selectOption('#rollup-figure', 'station_coverage');
    await page.locator('#rollup-table th', { hasText: '覆盖率' }).first().waitFor(SHORT);
    const coverage = await table();
    assert.match(coverage[0][1], /2023/);
    const shown = Number(coverage[4][1].replace('%', ''));
    const allTownships = townships.jinan + townships.lanzhou + townships.nanchang;
    const summed = (100 * stationTotal) / allTownships;
    const [jinan, lanzhou, nanchang] = stationParts;
    const averaged = (100 * (jinan / townships.jinan + lanzhou / townships.lanzhou + nanchang / townships.nanchang)) / 3;
    assert.ok(Math.abs(shown - summed) < 0.3, `${coverage[4][1]}: summed stations over summed townships is ${summed.toFixed(1)}%`);
    assert.ok(Math.abs(averaged - summed) > 1, `the cities' average (${averaged.toFixed(1)}%) would read differently`);
    // Each city's part is its stations over the province's townships: the parts add up.
    const coverageParts = coverage.slice(1, 4).map((r) => Number(r[1].replace('%', '')));
    assert.ok(Math.abs(coverageParts.reduce((a, b) => a + b) - shown) < 0.3, coverage.join('\n'));
    const verdicts = await page.$$eval('#rollup-province-verdicts li', (li) => li.map((l) => l.textContent));
    assert.ok(verdicts.some((v) => v.includes('覆盖率') && v.includes(coverage[4][1])), verdicts.join('\n'));
    await page.locator('#rollup-dialog').screenshot({ path: 'target/screenshots/life-rollup-coverage-zh-1400.png' });

    // The link opens the same roll-up in a fresh browser.
    const link = await page.locator('#rollup-share-link').inputValue();
    assert.ok(link.startsWith(baseUrl()), link);
    const cities = await page.$$eval('#rollup-cities li', (li) => li.map((l) => l.firstChild.textContent));
    await opened.done();
    const fresh = await open({ query: link.slice(link.indexOf('?')) });
    await fresh.page.locator('#rollup-result').waitFor(SHORT);
    assert.deepEqual(await fresh.page.$$eval('#rollup-cities li', (li) => li.map((l) => l.firstChild.textContent)), cities);
    assert.deepEqual(await fresh.page.$$eval('#rollup-province-verdicts li', (li) => li.map((l) => l.textContent)), verdicts);
    await fresh.page.selectOption('#rollup-figure', 'station_coverage');
    await fresh.page.locator('#rollup-table th', { hasText: '覆盖率' }).first().waitFor(SHORT);
    assert.deepEqual(await fresh.page.$$eval('#rollup-table tr', (rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent))), coverage);
    await fresh.done();
  });
});
