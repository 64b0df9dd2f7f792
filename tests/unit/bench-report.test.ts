// docs/benchmarks.md after a partial bench run (FASHEN_BENCH_ONLY=…): only the measured sections
// are replaced, the others stay as they were (with the day they were measured), and the summary
// of targets at the top is rebuilt from every section — also from a file in the older format.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Section } from '../../scripts/bench/common';
import { writeReport, type Report } from '../../scripts/bench/report';

const LEGACY = `# Benchmarks

Written by \`npm run bench\` (\`scripts/bench.ts\`, one file per measurement under \`scripts/bench/\`) on 2026-11-23, on generated data (reference date 2026-11-23).

**Machine:** old machine.  
**Sizes:** 10,000 cases in the large store, 200,000 search pages.  
**Load average (1/5/15 min):** 1 at the start, 2 at the end; the whole run took 12.2 min.

**Targets:** 1 of 2 met.

- ✓ import of one package: 353.7 ms (target < 2 s)
- ✗ 300-page PDF: click → page 1 painted: 861.3 ms (target < 400 ms)

## 导入 Import

Importing.

| what | target | measured | |
|---|---|---|:-:|
| generate |  | 4528.5 ms |  |
| one package of 20 files, validate \\| store | < 2 s | 353.7 ms (runs: 357.8 ms) | ✓ |

<sub>Load average when this part started: 2.46 / 2.93 / 3.98.</sub>

## PDF 阅读器 Viewer

Viewer.

| what | target | measured | |
|---|---|---|:-:|
| click → first page | < 400 ms | 861.3 ms (runs 858 ms) | ✗ |

- A note that must survive.

<sub>Load average when this part started: 1.82 / 3.19 / 3.88.</sub>

## Noise

Static text.
`;

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
  made.push(dir);
  return join(dir, 'benchmarks.md');
}

function report(sections: Section[], only: string[]): Report {
  return { date: '2026-12-02', today: '2026-11-23', machine: 'new machine', sizes: null, loadStart: '1', loadEnd: '2', totalMs: 60_000, sections, only };
}

describe('docs/benchmarks.md after a partial run', () => {
  it('replaces only the measured section, keeps the others with their date, and rebuilds the summary', () => {
    const file = tempFile();
    writeFileSync(file, LEGACY);
    const viewer = new Section('PDF 阅读器 Viewer', 'Viewer, measured again.', ['viewer']);
    viewer.add({ what: 'click → first page', target: '< 400 ms', ok: true, label: '300-page PDF: click → page 1 painted', measured: '350.0 ms (runs 350 ms)' });
    writeReport(file, report([viewer], ['viewer']));
    const md = readFileSync(file, 'utf8');

    // The import section is kept word for word, now with the day it was measured.
    expect(md).toContain('| one package of 20 files, validate \\| store | < 2 s | 353.7 ms (runs: 357.8 ms) | ✓ |');
    expect(md).toContain('<sub>Measured on 2026-11-23; load average when this part started: 2.46 / 2.93 / 3.98.</sub>');
    // The viewer section is the new one; the old note is gone with it.
    expect(md).toContain('Viewer, measured again.');
    expect(md).not.toContain('A note that must survive.');
    expect(md).toContain(`<sub>Measured on ${viewer.date}; load average`);
    // Summary from both sections: the kept row keeps its short label from the old summary.
    expect(md).toContain('**Targets:** 2 of 2 met.');
    expect(md).toContain('- ✓ import of one package: 353.7 ms (target < 2 s)');
    expect(md).toContain('- ✓ 300-page PDF: click → page 1 painted: 350.0 ms (target < 400 ms)');
    expect(md).toContain('**Sizes:** 10,000 cases in the large store, 200,000 search pages.');
    expect(md.indexOf('## 导入 Import')).toBeLessThan(md.indexOf('## PDF 阅读器 Viewer'));
    expect(md.match(/^## /gm)).toHaveLength(3);

    // A second partial run of another part adds its section and leaves the first two alone.
    const sync = new Section('同步 Sync', 'Sync.', ['sync']);
    sync.add({ what: 'initial sync', target: '≥ 50 % of cp', ok: false, label: 'initial sync vs cp -r', measured: '**40 MB/s = 20 % of cp** (50 s)' });
    writeReport(file, report([sync], ['sync']));
    const again = readFileSync(file, 'utf8');
    expect(again.slice(again.indexOf('## 导入 Import'), again.indexOf('## 同步 Sync'))).toBe(md.slice(md.indexOf('## 导入 Import'), md.indexOf('## Noise')));
    expect(again).toContain('**Targets:** 2 of 3 met.');
    expect(again).toContain('- ✗ initial sync vs cp -r: 40 MB/s = 20 % of cp (target ≥ 50 % of cp)');
    expect(again).toContain('partial run `FASHEN_BENCH_ONLY=sync` (sections: 同步 Sync)');
  });

  it('a full run rewrites the file with its own sections only', () => {
    const file = tempFile();
    writeFileSync(file, LEGACY);
    const s = new Section('审核意见书 Opinion', 'Opinion.', ['opinion']);
    s.add({ what: 'sign', measured: '187.0 ms' });
    writeReport(file, { ...report([s], []), sizes: '100 cases' });
    const md = readFileSync(file, 'utf8');
    expect(md).not.toContain('## 导入 Import');
    expect(md).toContain('**Targets:** 0 of 0 met.');
    expect(md).toContain('**Sizes:** 100 cases.');
    expect(md).toContain('full run');
  });
});
