// The case queue (待审案件) with the large store, in Chromium through the headless host:
// first rows painted and interactive (filter answered), DOM rows (virtualisation), JS heap.
import { int, LARGE, mb, median, ms, type Section } from './common';
import { freshPage, jsHeap, launchChromium, startHost } from './host';

const RUNS = 5;
const FILTER = '马市监';

export async function benchQueue(s: Section, home: string): Promise<void> {
  const host = await startHost(home);
  const browser = await launchChromium();
  try {
    const firstPaint: number[] = [];
    const interactive: number[] = [];
    const filtered: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { page, cdp, close } = await freshPage(browser);
      const t0 = performance.now();
      await page.goto(host.url);
      await page.locator('.queue-data-row').first().waitFor({ timeout: 120_000 });
      // One more frame: the rows are in the DOM; wait until they have been painted.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      firstPaint.push(performance.now() - t0);
      if (run === 0) {
        const rows = await page.locator('.queue-data-row').count();
        const ariaRows = Number((await page.getByRole('grid', { name: '待审案件' }).getAttribute('aria-rowcount')) ?? 1) - 1;
        s.add({ what: `队列 DOM rows rendered for ${int(ariaRows)} cases (aria-rowcount; virtualised list)`, measured: `${rows} rows in the DOM` });
        s.add({ what: 'renderer JS heap with the queue loaded (after GC, CDP Runtime.getHeapUsage)', measured: mb(await jsHeap(cdp)) });
      }
      // Interactive: typing in the filter box is answered by a re-rendered list.
      const t1 = performance.now();
      await page.getByTestId('queue-search').fill(FILTER);
      await page.waitForFunction(
        (needle) => {
          const rows = [...document.querySelectorAll('.queue-data-row')];
          return rows.length > 0 && rows.every((r) => (r.textContent ?? '').includes(needle));
        },
        FILTER,
        { timeout: 60_000 },
      );
      const filterMs = performance.now() - t1;
      filtered.push(filterMs);
      interactive.push(firstPaint[run]! + filterMs); // the heap measurement of run 0 left out

      await close();
    }
    s.add({ what: `队列首屏 queue: navigation → first rows painted, ${int(LARGE)} cases, 1920×1080, empty HTTP cache`, measured: `median ${ms(median(firstPaint))} (${RUNS} runs; first ${ms(firstPaint[0]!)})` });
    s.add({ what: '队列可交互 queue: navigation → filter answered', measured: `median ${ms(median(interactive))}` });
    s.add({ what: `filter typed (${FILTER}) → list re-rendered`, measured: `median ${ms(median(filtered))}` });
    s.note(
      'Second run of 2026-12-03 (the figures above): the import (20 cases/s, 23 on the run before) overlapped a few minutes of other tests on this machine; the queue was measured with nothing else running. The renderer is minified since this run (electron-vite leaves it unminified): main chunk 3.2 → 1.5 MB. With 50 cases that brought the queue’s first paint from ~990 to ~850 ms (DOMContentLoaded ~480 → ~340 ms, 4 runs each); with these 10,000 cases it is within the noise (builds alternated, 8 runs each: medians ~1.78 s minified, ~1.73 s not; single runs 1.3–2.0 s).',
    );
    s.note(
      'What the first paint waits for at 10,000 cases (WebSocket frames read through CDP, 2 runs): the first Api call leaves ~0.5 s after navigation (the bundle parsed and run, the lock gate mounted); cases.list is asked ~0.15 s later (after app.security’s answer and the shell’s render) and answered ~0.4 s after that — 3.2 MB of JSON, 180 ms when measured in-process; the rest is the host sharing two cores with Chromium while the page starts; the host answers one call at a time, so app.info and the others wait behind it; parsing and rendering the rows takes another ~0.3 s. Tried and not kept: asking cases.list at start-up right after app.security (a prefetch): ~0.2 s sooner in a noisy median, not worth a time-limited cache in the renderer for a queue this size.',
    );
  } finally {
    await browser.close();
    await host.stop();
  }
}
