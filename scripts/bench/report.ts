// Writes docs/benchmarks.md from the measured sections. A full run rewrites the file; a partial
// run (FASHEN_BENCH_ONLY=…) replaces only the sections it measured and keeps the others as they
// are — each section states the day it was measured, and carries its target rows in an HTML
// comment so the summary at the top can be rebuilt from every section, old and new.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Section } from './common';

export interface Report {
  date: string;
  today: string;
  machine: string;
  /** Sizes of the large-store run; null: keep the line of the file (a partial run without it). */
  sizes: string | null;
  loadStart: string;
  loadEnd: string;
  totalMs: number;
  sections: Section[];
  /** FASHEN_BENCH_ONLY of this run; empty for a full run. */
  only: readonly string[];
}

interface Target {
  label: string;
  measured: string;
  target: string;
  ok: boolean;
}

/** One `## ` part of the file: its markdown as written, and its target rows. */
interface StoredSection {
  title: string;
  markdown: string;
  targets: Target[];
}

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
const TARGETS_RE = /^<!-- targets (\[.*\]) -->$/m;

function table(s: Section): string {
  const hasTargets = s.rows.some((r) => r.target);
  const head = hasTargets ? '| what | target | measured | |\n|---|---|---|:-:|' : '| what | measured |\n|---|---|';
  const rows = s.rows.map((r) =>
    hasTargets ? `| ${cell(r.what)} | ${cell(r.target ?? '')} | ${cell(r.measured)} | ${r.ok === undefined ? '' : r.ok ? '✓' : '✗'} |` : `| ${cell(r.what)} | ${cell(r.measured)} |`,
  );
  return [head, ...rows].join('\n');
}

function render(s: Section): StoredSection {
  const targets = s.rows.filter((x) => x.ok !== undefined).map((x) => ({ label: x.label ?? x.what, measured: x.measured.split(' (')[0]!.replaceAll('**', ''), target: x.target ?? '', ok: x.ok! }));
  const markdown = [
    `## ${s.title}`,
    '',
    s.intro,
    '',
    table(s),
    '',
    ...(s.notes.length ? [...s.notes.map((n) => `- ${n}`), ''] : []),
    `<sub>Measured on ${s.date}; load average when this part started: ${s.load}${s.busy ? `; other busy processes: ${s.busy}` : ''}.</sub>`,
    // Machine-readable copy of the target rows, for the summary of later partial runs.
    `<!-- targets ${JSON.stringify(targets).replaceAll('-->', '--\\u003e')} -->`,
    '',
  ].join('\n');
  return { title: s.title, markdown, targets };
}

/**
 * The sections of an existing file. Files written before sections carried their own date and
 * target rows (one date in the header, the summary as the only place of the short labels) are
 * read too: the header's date goes into each section, the labels are matched from the summary.
 */
function parse(md: string): { sizes: string | null; sections: StoredSection[] } {
  const sizes = /^\*\*Sizes:\*\* (.*)\.\s*$/m.exec(md)?.[1] ?? null;
  const legacyDate = /on (\d{4}-\d{2}-\d{2}), on generated data/.exec(md)?.[1] ?? null;
  const summary = [...md.matchAll(/^- ([✓✗]) (.*): (.*) \(target (.*)\)$/gm)].map((m) => ({ label: m[2]!, measured: m[3]!, target: m[4]! }));
  const parts = md.split(/^(?=## )/m).slice(1);
  const sections: StoredSection[] = [];
  for (const part of parts) {
    const title = part.slice(3, part.indexOf('\n')).trim();
    if (title === 'Noise') continue;
    let markdown = part.replace(/\s+$/, '\n');
    const stored = TARGETS_RE.exec(markdown);
    if (stored) {
      sections.push({ title, markdown, targets: JSON.parse(stored[1]!) as Target[] });
      continue;
    }
    const targets: Target[] = [];
    for (const line of markdown.split('\n')) {
      const cells = line.match(/^\| (.*) \| (.*) \| (.*) \| ([✓✗]) \|$/);
      if (!cells) continue;
      const [, what, target, measuredCell] = cells as unknown as [string, string, string, string];
      const measured = measuredCell.split(' (')[0]!;
      const label = summary.find((s) => s.target === target && s.measured === measured)?.label ?? what;
      targets.push({ label, measured, target, ok: cells[4] === '✓' });
    }
    if (legacyDate) markdown = markdown.replace('<sub>Load average when this part started', `<sub>Measured on ${legacyDate}; load average when this part started`);
    markdown = markdown.replace(/\n$/, `\n<!-- targets ${JSON.stringify(targets)} -->\n`);
    sections.push({ title, markdown, targets });
  }
  return { sizes, sections };
}

export function writeReport(file: string, r: Report): void {
  const fresh = r.sections.map(render);
  let sections = fresh;
  let sizes = r.sizes;
  if (r.only.length && existsSync(file)) {
    const old = parse(readFileSync(file, 'utf8'));
    sizes ??= old.sizes;
    // Measured sections replace their namesakes where they stood; new ones go at the end.
    const byTitle = new Map(fresh.map((s) => [s.title, s]));
    sections = old.sections.map((s) => byTitle.get(s.title) ?? s);
    for (const s of fresh) if (!old.sections.some((o) => o.title === s.title)) sections.push(s);
  }
  const targets = sections.flatMap((s) => s.targets);
  const missed = targets.filter((t) => !t.ok);
  const run = r.only.length ? `partial run \`FASHEN_BENCH_ONLY=${r.only.join(',')}\` (sections: ${fresh.map((s) => s.title).join('; ')})` : 'full run';
  const out = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (\`scripts/bench.ts\`, one file per measurement under \`scripts/bench/\`) on generated data (reference date ${r.today}).`,
    'Each section states the day it was measured: a full run rewrites this file, a partial run (`FASHEN_BENCH_ONLY=…`) replaces only its own sections.',
    'Figures are wall-clock times on the machine below. They are measurements, not tests: nothing asserts on them, and a run on a busy machine is slower.',
    '',
    `**Machine:** ${r.machine}.  `,
    ...(sizes ? [`**Sizes:** ${sizes}.  `] : []),
    `**Last run:** ${r.date}, ${run}; load average (1/5/15 min) ${r.loadStart} at the start, ${r.loadEnd} at the end; it took ${(r.totalMs / 60_000).toFixed(1)} min.`,
    '',
    `**Targets:** ${targets.length - missed.length} of ${targets.length} met.`,
    '',
    ...targets.map((t) => `- ${t.ok ? '✓' : '✗'} ${t.label}: ${t.measured} (target ${t.target})`),
    '',
    ...sections.map((s) => s.markdown),
    '## Noise',
    '',
    'The machine has 2 cores and was shared with other engineers during the run (builds, test runs, `npm ci`): the load average and the busy processes are recorded under each table.',
    'A load above 2 means the benchmark had to share the CPU, and medians are then higher than on an idle machine — the latency figures are upper bounds, the throughput figures lower bounds.',
    'Chromium, the host process, the pdf.js worker and the bench process itself also compete for the same 2 cores during the UI measurements.',
    '',
  ];
  mkdirSync('docs', { recursive: true });
  writeFileSync(file, out.join('\n'));
}
