// Opening a 300-page PDF in Chromium through the host: click in the case tree → first page
// painted, then a scroll through all 300 pages (canvases alive, JS heap before/after).
import { Workstation } from '../../src/main/workstation';
import { mb, median, ms, TODAY, timed, tmp, type Section } from './common';
import { longRecordPdf, packageWith } from './fixtures';
import { domNodes, freshPage, jsHeap, launchChromium, startHost } from './host';
import { armFirstPaintProbe, firstPaintResult, scrollThrough, type FirstPaint } from './pdf-scroll';
import type { Page } from '@playwright/test';

const PAGES = 300;
const TITLE = `询问笔录汇编（${PAGES} 页）`;
const RUNS = 5;

async function openCase(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const row = page.locator('.queue-data-row').first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.getByTestId('case-view').waitFor();
}

const treeItem = (page: Page, title: string) => page.getByRole('navigation', { name: '文书与证据' }).getByTestId('case-item').filter({ hasText: title }).first();

export async function benchPdfViewer(s: Section, corpus: readonly string[]): Promise<void> {
  const [pdf, genMs] = await timed(() => longRecordPdf(corpus, PAGES, 'fashen-bench/viewer'));
  const { dir, manifest } = await packageWith(12, async () => [{ path: 'evidence/95-询问笔录汇编.pdf', bytes: pdf, mime: 'application/pdf', title: TITLE, kind: '当事人的陈述' }]);
  const home = tmp('bench-viewer-');
  const ws = new Workstation({ dataDir: home, today: () => TODAY });
  const [r, importMs] = await timed(() => ws.importer.importOne(dir));
  if (!r.ok) throw new Error(`viewer package: ${r.error}`);
  const pages = ws.store.sqlite.prepare('select page_count from blob where sha256 = ?').pluck().get(manifest.evidence.at(-1)!.file.sha256);
  ws.close();
  if (pages !== PAGES) throw new Error(`the generated PDF has ${String(pages)} pages, not ${PAGES}`);
  s.add({ what: `${PAGES}-page PDF (${mb(pdf.byteLength)}, demo PDF writer): generated / imported with its case (text of all pages extracted and indexed)`, measured: `${ms(genMs)} / ${ms(importMs)}` });
  // A small PDF of the same case, opened first for the "warm" runs.
  const small = manifest.documents.find((d) => d.file.mime === 'application/pdf')!.title;

  const host = await startHost(home);
  const browser = await launchChromium();
  try {
    const cold: FirstPaint[] = [];
    const warm: FirstPaint[] = [];
    const smallRuns: FirstPaint[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const mode of ['cold', 'warm'] as const) {
        const { page, close } = await freshPage(browser);
        await openCase(page, host.url);
        if (mode === 'warm') {
          await armFirstPaintProbe(page, small);
          await treeItem(page, small).click();
          smallRuns.push(await firstPaintResult(page));
        }
        await armFirstPaintProbe(page, TITLE);
        await treeItem(page, TITLE).click();
        (mode === 'cold' ? cold : warm).push(await firstPaintResult(page));
        await close();
      }
    }
    const painted = (xs: FirstPaint[]) => median(xs.map((x) => x.painted));
    const detail = (xs: FirstPaint[]) =>
      `${ms(painted(xs))} (runs ${xs.map((x) => x.painted.toFixed(0)).join(', ')} ms; document open after ${ms(median(xs.map((x) => x.opened)))})`;
    s.add({
      what: `点击 → 首页绘制 click on the ${PAGES}-page item → page 1 painted, first PDF of the session (viewer code and pdf.js worker loaded by this click) — median of ${RUNS}`,
      label: '300-page PDF: click → page 1 painted, first PDF of the session',
      target: '< 400 ms',
      measured: detail(cold),
      ok: painted(cold) < 400,
    });
    s.add({
      what: `点击 → 首页绘制 the same, another PDF of the case opened before (viewer and worker warm) — median of ${RUNS}`,
      label: '300-page PDF: click → page 1 painted, viewer warm',
      target: '< 400 ms',
      measured: detail(warm),
      ok: painted(warm) < 400,
    });
    s.add({ what: `reference: click → page 1 painted for a small PDF of the demo case (“${small}”, first PDF of the session)`, measured: detail(smallRuns) });

    // Scroll through every page once, in a fresh page.
    const { page, cdp, close } = await freshPage(browser);
    await openCase(page, host.url);
    const heapCase = await jsHeap(cdp);
    await armFirstPaintProbe(page, TITLE);
    await treeItem(page, TITLE).click();
    await firstPaintResult(page);
    const heapBefore = await jsHeap(cdp);
    const nodesBefore = await domNodes(cdp);
    const sr = await scrollThrough(page, cdp, TITLE);
    const heapAfter = await jsHeap(cdp);
    const nodesAfter = await domNodes(cdp);
    await close();
    s.add({
      what: `scroll through all ${sr.pages} pages (${sr.steps} steps of 90 % of the view, each waiting until the pages in view are painted${sr.unrendered ? `; ${sr.unrendered} steps timed out` : ''})`,
      measured: `${ms(sr.ms)} · ${(sr.pages / (sr.ms / 1000)).toFixed(1)} pages/s`,
    });
    s.add({
      what: 'page canvases alive at most while scrolling (virtualisation: only pages near the view have a canvas)',
      label: 'page canvases alive while scrolling 300 pages',
      target: `≪ ${PAGES}`,
      measured: `${sr.maxCanvases} page canvases, ${sr.maxTextLayers} text layers, ${sr.maxThumbCanvases} thumbnail canvases`,
      ok: sr.maxCanvases <= 10,
    });
    const growth = heapAfter - heapBefore;
    s.add({
      what: 'renderer JS heap (main thread, CDP Runtime.getHeapUsage after GC): case open → first page painted → after scrolling all pages (peak while scrolling, no GC)',
      label: 'renderer JS heap after scrolling 300 pages (after GC)',
      target: 'flat',
      measured: `${mb(heapCase)} → ${mb(heapBefore)} → ${mb(heapAfter)} (${growth >= 0 ? '+' : ''}${mb(growth)}; peak ${mb(sr.peakHeap)})`,
      ok: growth < 0.25 * heapBefore,
    });
    s.add({ what: 'DOM nodes before / after the scroll (CDP Memory.getDOMCounters)', measured: `${nodesBefore} / ${nodesAfter}` });
    s.note(
      'Where the time goes (CPU profile of one warm run at load ~3.5, 2026-11-23: document open after 283 ms, page 1 painted after 653 ms): until the document is open the main thread mostly waits (fetch, parsing in the pdf.js worker); after that it is busy ~370 ms — style and layout of 300 page slots plus 300 thumbnail buttons (~300 ms of native time), React rendering them (~130 ms of JS), then drawing page 1. ' +
        'Cold runs also load the viewer chunk (860 kB) and the pdf.js worker (1.3 MB). Not changed here (renderer code); ways to get under 400 ms: mount only the page slots and thumbnails near the view (one spacer for the rest of the column), and start the pdf.js worker when a case is opened.',
    );
    s.note(
      'The heap growth after scrolling is probably pdf.js keeping a PDFPageProxy (operator list, text content) for every page visited: PdfPage drops the canvas of a page that leaves the view but never calls page.cleanup(). It grows with the pages visited (~27 kB a page here), not with the canvases (7 at most).',
    );
    s.note('The JS heap is the page\'s main isolate; the pdf.js worker (parsing, fonts) has its own heap, and canvas pixels live outside the JS heap — hence the canvas count. "Flat" is checked as growth < 25 % of the heap with page 1 shown.');
  } finally {
    await browser.close();
    await host.stop();
  }
}
