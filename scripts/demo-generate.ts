// npm run demo:generate -- [--out dir] [--count N] [--seed S] [--today YYYY-MM-DD] [--zip] [--share-files]
// Writes demo case packages (案卷包) and prints a short summary.
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateDemoPackages } from '../src/main/demo/generate';
import { DEFECT_LABELS, type DefectId } from '../src/main/demo/model';

function fail(msg: string): never {
  process.stderr.write(`demo:generate: ${msg}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'demo-packages' },
    count: { type: 'string', default: '10' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    today: { type: 'string' },
    zip: { type: 'boolean', default: false },
    'share-files': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: false,
});

if (values.help) {
  process.stdout.write('用法：npm run demo:generate -- [--out 目录] [--count 数量] [--seed 种子] [--today YYYY-MM-DD] [--zip] [--share-files]\n');
  process.exit(0);
}

const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) fail('--count 必须为正整数');
if (!Number.isInteger(seed)) fail('--seed 必须为整数');
if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) fail('--today 格式应为 YYYY-MM-DD');

const started = performance.now();
let lastPct = -1;
const cases = await generateDemoPackages({
  outDir: values.out,
  count,
  seed,
  ...(values.today ? { today: values.today } : {}),
  zip: values.zip,
  shareFiles: values['share-files'],
  onProgress: (done, total) => {
    const pct = Math.floor((done / total) * 10);
    if (total >= 100 && pct !== lastPct) {
      lastPct = pct;
      process.stdout.write(`  ${done}/${total}\n`);
    }
  },
});
const secs = ((performance.now() - started) / 1000).toFixed(1);

const shown = cases.slice(0, 20);
for (const c of shown) {
  const defects = c.defects.map((d) => DEFECT_LABELS[d as DefectId] ?? d).join('；');
  process.stdout.write(`${c.caseNumber}  ${c.dir}${defects ? `  【缺陷：${defects}】` : ''}\n`);
}
if (cases.length > shown.length) process.stdout.write(`  ……另有 ${cases.length - shown.length} 个案卷包\n`);
const withDefects = cases.filter((c) => c.defects.length > 0).length;
process.stdout.write(`已生成 ${cases.length} 个案卷包（其中 ${withDefects} 个含预置缺陷），用时 ${secs} 秒，输出目录：${values.out}\n`);
