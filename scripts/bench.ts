// `npm run bench`: speed and memory on generated data at realistic and 10× scale, written to
// docs/benchmarks.md. A benchmark, not a test: nothing here asserts on time.
//
// Sizes: FASHEN_BENCH_CASES (default 10000), FASHEN_BENCH_PAGES (default 20 × cases).
// FASHEN_BENCH_ONLY=import,store,queue,search,package,viewer,opinion runs a subset and prints
// only (docs/benchmarks.md is written by full runs). Temporary folders are removed at the end
// unless FASHEN_BENCH_KEEP=1.
import Database from 'better-sqlite3';
import { cleanup, int, LARGE, loadString, machineLine, ONLY, runs, SEARCH_PAGES, Section, TODAY } from './bench/common';
import { benchImportRealistic } from './bench/import-demo';
import { buildLargeStore } from './bench/large-store';
import { benchOpinion } from './bench/opinion';
import { benchPdfViewer } from './bench/pdf-viewer';
import { benchQueue } from './bench/queue';
import { writeReport } from './bench/report';
import { benchSearch } from './bench/search';
import { benchTypicalPackage } from './bench/typical-package';

async function main(): Promise<void> {
  const started = performance.now();
  const loadStart = loadString();
  const sqliteVersion = (new Database(':memory:').prepare('select sqlite_version()').pluck().get() as string) ?? '?';
  const machine = machineLine(sqliteVersion);
  console.log(`machine: ${machine}\nload: ${loadStart}`);
  const sections: Section[] = [];

  const imp = new Section(
    '导入 Import',
    'Importing case packages into an empty store: validate `case.json`, hash and store every file (sha256), write the case, then sniff file types and extract and index the text of every PDF page (pdfjs-dist in the back end).',
  );
  sections.push(imp);
  // Always measured (a few seconds): its page text is the corpus of the synthetic search pages.
  const corpus = await benchImportRealistic(imp);
  if (runs('package')) await benchTypicalPackage(imp, corpus);

  if (runs('store') || runs('queue') || runs('search')) {
    const store = new Section(
      `${int(LARGE)} 件案卷 Large store and case queue`,
      `${int(LARGE)} generated cases (all scenarios, distinct parties, numbers and dates), imported package by package into one store; the queue is the real UI in Chromium through the headless host (\`out/host/host.mjs\`, as in the E2E tests).`,
    );
    sections.push(store);
    const home = await buildLargeStore(store);
    if (runs('queue')) await benchQueue(store, home);
    if (runs('search')) {
      const search = new Section(
        '全文检索 Search',
        `SQLite FTS5 (trigram tokenizer) over the text of every PDF page plus the case fields, at ${int(LARGE)} cases / ${int(SEARCH_PAGES)} pages. Queries go through \`SearchRepo.query\` (what \`search.query\` answers) with limit 100 as the renderer's global search asks: FTS5 for 3+ characters, a bounded LIKE scan for 1–2.`,
      );
      sections.push(search);
      await benchSearch(search, home, corpus);
    }
  }
  if (runs('viewer')) {
    const viewer = new Section(
      'PDF 阅读器 300-page PDF in Chromium',
      'A 300-page Chinese 询问笔录 made with the demo PDF writer (embedded subset font), imported in a case package and opened in the UI through the headless host: case opened from the queue, the item clicked in the case tree.',
    );
    sections.push(viewer);
    await benchPdfViewer(viewer, corpus);
  }
  if (runs('opinion')) {
    const opinion = new Section(
      '审核意见书 Opinion',
      'One concluded review of a realistic demo case (all ten review points decided, with citations): preview = content model + PDF + .docx rendered and stored; sign = key unlocked (scrypt), detached JCS signature, PDF rendered again and PAdES-signed, .docx, three blobs stored, opinion and outbox rows written.',
    );
    sections.push(opinion);
    await benchOpinion(opinion);
  }

  if (ONLY.length) {
    console.log(`\nFASHEN_BENCH_ONLY=${ONLY.join(',')}: docs/benchmarks.md not written (full runs only).`);
    return;
  }
  writeReport('docs/benchmarks.md', {
    date: new Date().toISOString().slice(0, 10),
    today: TODAY,
    machine,
    sizes: `${int(LARGE)} cases in the large store, ${int(SEARCH_PAGES)} search pages`,
    loadStart,
    loadEnd: loadString(),
    totalMs: performance.now() - started,
    sections,
  });
  console.log('\nwritten to docs/benchmarks.md');
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(cleanup);
