// Browser figures of the release build (dist/), printed, not asserted:
//   node tests/e2e/bench.mjs
// size of the wasm (raw and gzip), time to the first target card, time from a slider change to
// the updated verdict on screen, and time for the Monte Carlo bands at 1,000 and 10,000 runs.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const file of readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f))) {
  const bytes = readFileSync(dist + file);
  console.log(`${file.replace(/-[0-9a-f]{16}/, '')}: ${(bytes.length / 1024).toFixed(0)} KiB, gzip ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KiB`);
}

const server = await serve(dist);
const browser = await launch();
try {
  const loads = [];
  for (let i = 0; i < 5; i += 1) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const start = Date.now();
    await page.goto(server.url);
    await page.locator('.target-card').first().waitFor();
    loads.push(Date.now() - start);
    await page.close();
  }
  console.log(`first target card after navigation: median ${median(loads)} ms of ${loads.join(', ')}`);

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
  await page.locator('.target-card').first().waitFor();
  // Input to updated DOM, measured inside the page: set the slider, fire `input`, wait one frame.
  const latencies = await page.evaluate(async () => {
    const slider = document.querySelector('#param-hires input[type=range]');
    const out = [];
    for (let i = 0; i < 40; i += 1) {
      const value = String(10000 + (i % 20) * 1000);
      const t0 = performance.now();
      slider.value = value;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => requestAnimationFrame(() => ok()));
      if (document.querySelector('#input-hires').value !== value) throw new Error('not updated');
      out.push(performance.now() - t0);
    }
    return out;
  });
  console.log(`slider change to updated page (next frame): median ${median(latencies).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms over ${latencies.length}`);

  for (const runs of [1000, 10000]) {
    await page.fill('#mc-runs', String(runs));
    await page.locator('#mc-runs').dispatchEvent('change');
    await page.locator('.mc-progress', { hasText: `✓ ${runs} ` }).waitFor({ timeout: 60000 });
    // Timed inside the page: a new seed starts a run; stop when the tick appears.
    const times = await page.evaluate(async (runs) => {
      const out = [];
      for (let i = 0; i < 5; i += 1) {
        const progress = document.querySelector('.mc-progress');
        const seed = document.querySelector('#mc-seed');
        const done = new Promise((ok) => {
          const observer = new MutationObserver(() => {
            if (progress.textContent.startsWith('✓')) { observer.disconnect(); ok(performance.now()); }
          });
          observer.observe(progress, { childList: true, subtree: true, characterData: true });
        });
        const t0 = performance.now();
        seed.value = String(500 + i);
        seed.dispatchEvent(new Event('change', { bubbles: true }));
        out.push((await done) - t0 - 120); // minus the settle delay before a run starts
      }
      return out;
    }, runs);
    console.log(`Monte Carlo ${runs} trajectories in the page (sliced, bands and odds): median ${median(times).toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(', ')}`);
  }

  // "What it takes" at 80 % confidence (a search of Monte Carlo runs), and the longest task
  // that blocked the page meanwhile (Long Tasks API: tasks over 50 ms).
  await page.fill('#mc-runs', '1000');
  await page.locator('#mc-runs').dispatchEvent('change');
  await page.evaluate(() => {
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longest = Math.max(window.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const card = page.locator('.target-card').first();
  await card.locator('.what-it-takes summary').click();
  await card.locator('.seek-answer', { hasText: '≥' }).waitFor();
  const t0 = Date.now();
  await page.selectOption('#seek-confidence-0', '0.8');
  await card.locator('.seek-answer', { hasText: '80%' }).waitFor({ timeout: 60000 });
  const seekMs = Date.now() - t0;
  const longest = await page.evaluate(() => window.longest);
  console.log(`"what it takes" at 80% confidence (1,000 runs per trial): ${seekMs} ms; longest blocking task ${longest ? longest.toFixed(0) + ' ms' : 'none over 50 ms'}`);
} finally {
  await browser.close();
  await server.close();
}
