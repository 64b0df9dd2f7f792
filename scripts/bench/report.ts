// Writes docs/benchmarks.md from the measured sections.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Section } from './common';

export interface Report {
  date: string;
  today: string;
  machine: string;
  sizes: string;
  loadStart: string;
  loadEnd: string;
  totalMs: number;
  sections: Section[];
}

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

function table(s: Section): string {
  const hasTargets = s.rows.some((r) => r.target);
  const head = hasTargets ? '| what | target | measured | |\n|---|---|---|:-:|' : '| what | measured |\n|---|---|';
  const rows = s.rows.map((r) =>
    hasTargets ? `| ${cell(r.what)} | ${cell(r.target ?? '')} | ${cell(r.measured)} | ${r.ok === undefined ? '' : r.ok ? '✓' : '✗'} |` : `| ${cell(r.what)} | ${cell(r.measured)} |`,
  );
  return [head, ...rows].join('\n');
}

export function writeReport(file: string, r: Report): void {
  const targets = r.sections.flatMap((s) => s.rows.filter((x) => x.ok !== undefined).map((x) => ({ ...x, section: s.title })));
  const missed = targets.filter((t) => !t.ok);
  const out = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (\`scripts/bench.ts\`, one file per measurement under \`scripts/bench/\`) on ${r.date}, on generated data (reference date ${r.today}).`,
    'Figures are wall-clock times on the machine below. They are measurements, not tests: nothing asserts on them, and a run on a busy machine is slower.',
    '',
    `**Machine:** ${r.machine}.  `,
    `**Sizes:** ${r.sizes}.  `,
    `**Load average (1/5/15 min):** ${r.loadStart} at the start, ${r.loadEnd} at the end; the whole run took ${(r.totalMs / 60_000).toFixed(1)} min.`,
    '',
    `**Targets:** ${targets.length - missed.length} of ${targets.length} met.`,
    '',
    ...targets.map((t) => `- ${t.ok ? '✓' : '✗'} ${t.label ?? t.what}: ${t.measured.split(' (')[0]} (target ${t.target})`),
    '',
    ...r.sections.flatMap((s) => [
      `## ${s.title}`,
      '',
      s.intro,
      '',
      table(s),
      '',
      ...(s.notes.length ? [...s.notes.map((n) => `- ${n}`), ''] : []),
      `<sub>Load average when this part started: ${s.load}${s.busy ? `; other busy processes: ${s.busy}` : ''}.</sub>`,
      '',
    ]),
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
