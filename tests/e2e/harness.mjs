// Shared by the end-to-end test files: the release build (dist/, or $DIST) served on localhost,
// one Chromium, and pages opened in fresh contexts that record console errors and any request
// outside the page's own origin.
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

export const DIST = process.env.DIST ?? new URL('../../dist/', import.meta.url).pathname;
export const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

let server;
let browser;

export async function start() {
  server = await serve(DIST);
  browser = await launch();
  return { server, browser };
}

export async function stop() {
  await browser?.close();
  await server?.close();
}

export function baseUrl() {
  return server.url;
}

/** Opens the app in a fresh context; `done()` asserts no console error and no outside request. */
export async function open({ width = 1400, height = 900, query = '', storage = null, route = null, ready = '.target-card, .targets .muted' } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  if (route) await context.route(...route);
  if (storage) {
    await context.addInitScript((entries) => {
      if (!sessionStorage.getItem('seeded')) {
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
        sessionStorage.setItem('seeded', '1');
      }
    }, storage);
  }
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(server.url).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request outside the origin: ${url}`);
    }
  });
  await page.goto(server.url + query);
  await page.locator(ready).first().waitFor();
  return {
    page,
    context,
    problems,
    async done() {
      await context.close();
      assert.deepEqual(problems, [], 'no console error and no outside request');
    },
  };
}

/** Waits until the parts drawn a moment after an edit (year table, printed report) show the plan. */
export async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  await page.locator('.app[data-settled="true"]').waitFor({ timeout: 5000 });
}

/** Waits until the Monte Carlo odds are on every card. */
export async function oddsReady(page) {
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('.target-card .probability')];
    return cells.length > 0 && cells.every((c) => /%/.test(c.textContent) && !c.classList.contains('is-updating'));
  }, null, { timeout: 30000 });
}

/** Runs axe on the page; returns the serious, critical and moderate violations as text. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
  assert.ok(result.passes.length > 20, 'axe ran its rules');
  return result.violations
    .filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
