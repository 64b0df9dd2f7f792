// Import throughput of the realistic demo packages (each with its own PDFs and images).
// Also returns the text of their pages: the corpus the synthetic search pages are made from.
import { generateDemoPackages } from '../../src/main/demo/generate';
import { Workstation } from '../../src/main/workstation';
import { dirBytes, median, mb, ms, TODAY, timed, tmp, type Section } from './common';

export async function benchImportRealistic(s: Section): Promise<string[]> {
  const out = tmp('bench-demo-');
  const [generated, genMs] = await timed(() => generateDemoPackages({ outDir: out, today: TODAY, seed: 1 }));
  s.add({ what: `生成演示案卷 generate ${generated.length} demo packages (own PDFs and images)`, measured: ms(genMs) });
  const ws = new Workstation({ dataDir: tmp('bench-ws-'), today: () => TODAY });
  const bytes = dirBytes(out);
  const files = generated.length;
  const per: number[] = [];
  const t = performance.now();
  for (const g of generated) {
    const [r, took] = await timed(() => ws.importer.importOne(g.dir));
    if (!r.ok) throw new Error(`${g.dir}: ${r.error}`);
    per.push(took);
  }
  const total = performance.now() - t;
  const pages = ws.search.pageCount();
  s.add({
    what: `导入 import ${files} demo packages, ${mb(bytes)}, ${pages} PDF pages (hash, store, extract + index text)`,
    measured: `${ms(total)} total · median ${ms(median(per))}/package · ${(bytes / 1e6 / (total / 1000)).toFixed(1)} MB/s · ${(pages / (total / 1000)).toFixed(0)} pages/s`,
  });
  const corpus = (ws.store.sqlite.prepare('select text from page_text order by rowid').all() as { text: string }[]).map((r) => r.text);
  ws.close();
  return corpus;
}
