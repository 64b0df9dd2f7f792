// Full-text search at 10,000 cases / 200,000 PDF pages: indexing through SearchRepo.indexPages
// (the import code path, one transaction per file as EvidenceProcessor does), DB size, and
// query latency of SearchRepo.query (what search.query answers; limit 100 as the renderer asks).
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BlobRepo } from '../../src/main/db/repos/blobs';
import { Rng } from '../../src/main/demo/rng';
import { Workstation } from '../../src/main/workstation';
import { int, mb, ms, SEARCH_PAGES, TODAY, type Section } from './common';
import { PageTextGenerator } from './page-text';
import { benchQueries } from './search-queries';

const PAGES_PER_DOC = 5;
const DOC_TITLES = ['询问笔录', '现场笔录', '调查终结报告', '行政处罚告知书', '陈述申辩笔录', '案件来源登记表', '证据提取单', '抽样检验报告', '进货台账及票据', '营业执照及许可证复印件'];

function fileSizes(home: string): number {
  const f = join(home, 'fashen.db');
  let n = statSync(f).size;
  try {
    n += statSync(`${f}-wal`).size;
  } catch {
    /* no WAL */
  }
  return n;
}

export async function benchSearch(s: Section, home: string, corpus: readonly string[]): Promise<void> {
  const ws = new Workstation({ dataDir: home, today: () => TODAY });
  const db = ws.store.sqlite;
  const blobs = new BlobRepo(ws.store.db);
  try {
    // Bench mode shares a small pool of demo files between all cases: each of their pages would
    // belong to hundreds of cases, which no real store has.
    const pooled = db.prepare('select distinct sha256 from page_text').pluck().all() as string[];
    const links = db
      .prepare('select count(*) from (select sha256 from document union all select sha256 from evidence) where sha256 in (select sha256 from page_text)')
      .pluck()
      .get() as number;
    db.transaction(() => pooled.forEach((sha) => ws.search.indexPages(sha, [])))();
    const caseRows = db.prepare('select count(*) from case_fts').pluck().get() as number;
    const cases0 = db.prepare('select count(*) from case_file').pluck().get() as number;
    s.note(
      `Bench mode shares the files of the ${int(cases0)} packages: ${pooled.length} demo PDFs, each linked to ~${int(links / Math.max(1, pooled.length))} case items. Their pages were taken out of the page index before the synthetic pages were added, so that every indexed page belongs to one document of one case as in a real store; the case fields of all ${int(caseRows)} cases (case_fts) stay indexed.`,
    );

    // Synthetic documents: 4 per case, 5 pages each (200,000 pages at 10,000 cases), with blobs.
    const cases = db.prepare('select id from case_file order by rowid').pluck().all() as string[];
    const docCount = Math.ceil(SEARCH_PAGES / PAGES_PER_DOC);
    const now = new Date().toISOString();
    const shas: string[] = [];
    const insBlob = db.prepare("insert into blob (sha256, size, mime, stored_at, verified_state, verified_at, text_state) values (?, ?, 'application/pdf', ?, 'ok', ?, 'pending')");
    const insDoc = db.prepare('insert into document (case_id, id, position, kind, title, doc_number, date, path, sha256) values (?, ?, ?, ?, ?, null, ?, ?, ?)');
    db.transaction(() => {
      for (let j = 0; j < docCount; j++) {
        const sha = createHash('sha256').update(`fashen-bench/search-doc/${j}`).digest('hex');
        const caseId = cases[j % cases.length]!;
        const title = DOC_TITLES[Math.floor(j / cases.length) % DOC_TITLES.length]!;
        insBlob.run(sha, 80_000 * PAGES_PER_DOC, now, now);
        insDoc.run(caseId, `bench-doc-${j}`, 100 + Math.floor(j / cases.length), title, `${title}（补充）`, TODAY, `documents/bench-${j}.pdf`, sha);
        shas.push(sha);
      }
    })();

    const gen = new PageTextGenerator(corpus);
    const sample: string[] = [];
    let pages = 0;
    let chars = 0;
    let genMs = 0;
    let indexMs = 0;
    let lastReport = performance.now();
    for (const [j, sha] of shas.entries()) {
      const t0 = performance.now();
      const text = gen.document(Math.min(PAGES_PER_DOC, SEARCH_PAGES - pages));
      const t1 = performance.now();
      db.transaction(() => {
        ws.search.indexPages(sha, text);
        blobs.setProcessed(sha, { detectedMime: 'application/pdf', textState: 'done', pageCount: text.length, problem: null });
      })();
      indexMs += performance.now() - t1;
      genMs += t1 - t0;
      pages += text.length;
      chars += text.reduce((n, p) => n + p.length, 0);
      if (j % 50 === 0) sample.push(text[0]!);
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        console.log(`  … ${int(pages)}/${int(SEARCH_PAGES)} pages indexed (${(pages / (indexMs / 1000)).toFixed(0)} pages/s)`);
      }
    }
    s.add({
      what: `索引 index ${int(pages)} distinct synthetic pages (avg ${Math.round(chars / pages)} characters) of ${int(docCount)} documents of ${int(cases.length)} cases via SearchRepo.indexPages, one transaction per file`,
      measured: `${ms(indexMs)} · **${int(pages / (indexMs / 1000))} pages/s** · ${((chars * 3) / 1e6 / (indexMs / 1000)).toFixed(1)} MB text/s (text generation, ${ms(genMs)}, not counted)`,
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
    let split = '';
    try {
      const size = (like: string) => db.prepare('select coalesce(sum(pgsize), 0) from dbstat where name like ?').pluck().get(like) as number;
      split = ` (page_text ${mb(size('page_text%'))}, page_fts ${mb(size('page_fts%'))}, case_fts ${mb(size('case_fts%'))})`;
    } catch {
      /* dbstat not compiled in */
    }
    s.add({ what: `database size with ${int(db.prepare('select count(*) from page_text').pluck().get() as number)} pages`, measured: `${mb(fileSizes(home))}${split}` });

    await benchQueries(s, ws, sample, new Rng('fashen-bench/queries'));
  } finally {
    ws.close();
  }
}
