// Import of one typical case package — 20 files, 40 MB: a 30 MB 执法记录仪 video, a 40-page
// 询问笔录, a scanned ledger sized to make up 40 MB, and 17 documents and evidence items of a
// generated demo case — wall time including hashing, storing, type sniffing and text extraction.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdfText } from '../../src/main/services/evidence/text-extract';
import { Workstation } from '../../src/main/workstation';
import { mb, median, ms, TODAY, timed, tmp, type Section } from './common';
import { fakeMp4, longRecordPdf, packageWith, scannedPdf, type ExtraFile } from './fixtures';

const FILES = 20;
const TOTAL = 40e6;
const VIDEO = 30e6;
const RUNS = 3;

export async function benchTypicalPackage(s: Section, corpus: readonly string[]): Promise<void> {
  const record = await longRecordPdf(corpus, 40, 'fashen-bench/typical/record');
  const probe = await scannedPdf(corpus, 2, 'fashen-bench/typical/probe');
  const { dir, manifest } = await packageWith(
    11,
    async (kept) => {
      const perPage = probe.byteLength / 2;
      const pages = Math.max(1, Math.round((TOTAL - VIDEO - record.byteLength - kept) / perPage));
      const extra: ExtraFile[] = [
        { path: 'evidence/90-执法记录仪视频.mp4', bytes: fakeMp4(VIDEO), mime: 'video/mp4', title: '现场检查执法记录仪视频', kind: '视听资料' },
        { path: 'evidence/91-询问笔录.pdf', bytes: record, mime: 'application/pdf', title: '询问笔录（当事人，40 页）', kind: '当事人的陈述' },
        { path: 'evidence/92-进货台账扫描件.pdf', bytes: await scannedPdf(corpus, pages, 'fashen-bench/typical/scan'), mime: 'application/pdf', title: `进货台账及销售票据（扫描件，${pages} 页）`, kind: '书证' },
      ];
      return extra;
    },
    FILES - 3,
  );
  const items = [...manifest.documents, ...manifest.evidence];
  const bytes = items.reduce((n, x) => n + x.file.size, 0);
  const pdfs = items.filter((x) => x.file.mime === 'application/pdf');

  // Breakdown: text extraction of every PDF on its own (the importer does it after storing).
  let pages = 0;
  const [, extractMs] = await timed(async () => {
    for (const x of pdfs) {
      const r = await extractPdfText(new Uint8Array(readFileSync(join(dir, x.file.path))));
      if (r.ok) pages += r.pages.length;
    }
  });

  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const ws = new Workstation({ dataDir: tmp('bench-typical-'), today: () => TODAY });
    const [r, took] = await timed(() => ws.importer.importOne(dir));
    if (!r.ok) throw new Error(`typical package: ${r.error} ${(r.details ?? []).join('; ')}`);
    const done = ws.store.sqlite.prepare("select count(*) from blob where text_state in ('done', 'none')").pluck().get() as number;
    if (done !== items.length) throw new Error(`typical package: ${done} of ${items.length} files processed`);
    times.push(took);
    ws.close();
  }
  const kinds = `${pdfs.length} PDF (${pages} pages), ${items.length - pdfs.length - 1} images, 1 MP4 ${mb(VIDEO)}`;
  s.add({
    what: `典型案卷包 one package of ${items.length} files, ${mb(bytes)} (${kinds}): validate, hash, store, sniff, extract + index text — median of ${RUNS}, each into an empty store`,
    label: 'import of one 20-file, 40 MB case package',
    target: '< 2 s',
    measured: `${ms(median(times))} (runs: ${times.map((t) => ms(t)).join(', ')})`,
    ok: median(times) < 2000,
  });
  s.add({ what: `of which: text extraction of the ${pdfs.length} PDFs alone (pdfjs-dist, measured separately)`, measured: ms(extractMs) });
}
