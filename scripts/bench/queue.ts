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
  } finally {
    await browser.close();
    await host.stop();
  }
}
