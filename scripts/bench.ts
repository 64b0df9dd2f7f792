// `npm run bench`: speed and memory on generated data at realistic and 10× scale, written to
// docs/benchmarks.md. A benchmark, not a test: nothing here asserts on time.
//
// Sizes: FASHEN_BENCH_CASES (default 10000), FASHEN_BENCH_PAGES (default 20 × cases); the sync
// part: FASHEN_BENCH_SYNC_CASES (1000 cases × 20 files of ~100 kB, 2 GB).
// FASHEN_BENCH_ONLY=import,package,store,queue,search,viewer,opinion,audit,sync runs a subset; it
// replaces only its own sections in docs/benchmarks.md (a section is written when all of its
// parts ran, e.g. the store section needs store and queue) and keeps the others. Temporary
// folders are removed at the end unless FASHEN_BENCH_KEEP=1.
import Database from 'better-sqlite3-multiple-ciphers';
import { cleanup, int, LARGE, loadString, machineLine, ONLY, runs, SEARCH_PAGES, Section, TODAY } from './bench/common';
import { benchImportRealistic } from './bench/import-demo';
import { buildLargeStore } from './bench/large-store';
import { benchOpinion } from './bench/opinion';
import { AUDIT_ENTRIES, benchAudit } from './bench/audit';
import { benchPdfViewer } from './bench/pdf-viewer';
import { benchQueue } from './bench/queue';
import { writeReport } from './bench/report';
import { benchSearch } from './bench/search';
import { benchSync } from './bench/sync';
import { benchTypicalPackage } from './bench/typical-package';

async function main(): Promise<void> {
  const started = performance.now();
  const loadStart = loadString();
  const sqliteVersion = (new Database(':memory:').prepare('select sqlite_version()').pluck().get() as string) ?? '?';
  const machine = machineLine(sqliteVersion);
  console.log(`machine: ${machine}\nload: ${loadStart}`);
  const sections: Section[] = [];

  // Measured whenever its page text is needed (a few seconds): the corpus of the synthetic pages.
  let corpus: string[] = [];
  if (runs('import') || runs('package') || runs('search') || runs('viewer')) {
    const imp = new Section(
      '导入 Import',
      'Importing case packages into an empty store: validate `case.json`, hash and store every file (sha256), write the case, then sniff file types and extract and index the text of every PDF page (pdfjs-dist in the back end).',
      ['import', 'package'],
    );
    sections.push(imp);
    corpus = await benchImportRealistic(imp);
    if (runs('package')) await benchTypicalPackage(imp, corpus);
  }

  if (runs('store') || runs('queue') || runs('search')) {
    const store = new Section(
      `${int(LARGE)} 件案卷 Large store and case queue`,
      `${int(LARGE)} generated cases (all scenarios, distinct parties, numbers and dates), imported package by package into one store; the queue is the real UI in Chromium through the headless host (\`out/host/host.mjs\`, as in the E2E tests).`,
      ['store', 'queue'],
    );
    sections.push(store);
    const home = await buildLargeStore(store);
    if (runs('queue')) await benchQueue(store, home);
    if (runs('search')) {
      const search = new Section(
        '全文检索 Search',
        `SQLite FTS5 (trigram tokenizer) over the text of every PDF page plus the case fields, at ${int(LARGE)} cases / ${int(SEARCH_PAGES)} pages. Queries go through \`SearchRepo.query\` (what \`search.query\` answers) with limit 100 as the renderer's global search asks: FTS5 for 3+ characters, a bounded LIKE scan for 1–2.`,
        ['search'],
      );
      sections.push(search);
      await benchSearch(search, home, corpus);
    }
  }
  if (runs('viewer')) {
    const viewer = new Section(
      'PDF 阅读器 300-page PDF in Chromium',
      'A 300-page Chinese 询问笔录 made with the demo PDF writer (embedded subset font), imported in a case package and opened in the UI through the headless host: case opened from the queue, the item clicked in the case tree.',
      ['viewer'],
    );
    sections.push(viewer);
    await benchPdfViewer(viewer, corpus);
  }
  if (runs('opinion')) {
    const opinion = new Section(
      '审核意见书 Opinion',
      'One concluded review of a realistic demo case (all ten review points decided, with citations): preview = content model + PDF + .docx rendered and stored; sign = key unlocked (scrypt), detached JCS signature, PDF rendered again and PAdES-signed, .docx, three blobs stored, opinion and outbox rows written.',
      ['opinion'],
    );
    sections.push(opinion);
    await benchOpinion(opinion);
  }

  if (runs('audit')) {
    const audit = new Section('审计记录 Audit log', `The hash-chained audit log with ${int(AUDIT_ENTRIES)} entries over 2,000 cases on a real store file (FASHEN_BENCH_AUDIT sets the size).`, ['audit']);
    sections.push(audit);
    await benchAudit(audit);
  }

  if (runs('sync')) sections.push(...(await benchSync()));

  const written = sections.filter((s) => s.parts.every(runs));
  const skipped = sections.filter((s) => !written.includes(s));
  if (skipped.length) console.log(`\nnot written (not all of its parts ran): ${skipped.map((s) => s.title).join('; ')}`);
  writeReport('docs/benchmarks.md', {
    date: new Date().toISOString().slice(0, 10),
    today: TODAY,
    machine,
    sizes: runs('store') ? `${int(LARGE)} cases in the large store, ${int(SEARCH_PAGES)} search pages` : null,
    only: ONLY,
    loadStart,
    loadEnd: loadString(),
    totalMs: performance.now() - started,
    sections: written,
  });
  console.log(`\nwritten to docs/benchmarks.md${ONLY.length ? ` (replaced: ${written.map((s) => s.title).join('; ') || 'nothing'})` : ''}`);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(cleanup);
