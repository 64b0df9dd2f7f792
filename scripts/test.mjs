// `npm test`: every check, in order — layer lint, Electron security lint, type checks, unit + integration (vitest),
// then build and run the E2E suite in Debian Chromium through the headless host.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode } from './build-node.mjs';
import { buildRenderer } from './renderer-build.mjs';
import { makeScratch } from './scratch-tmp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const results = [];
// Every temporary folder the tests, the servers they start and Chromium make goes under one folder
// removed at the end: a run leaves nothing in /tmp (thousands of stores per run used to pile up).
const scratch = makeScratch('fashen-npm-test-');

function step(name, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...scratch.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  results.push({ name, ok: r.status === 0 });
  return r.status === 0;
}

if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`Node ${process.versions.node} is too old: Fashen needs Node 24 LTS (see README).`);
  process.exit(1);
}

step('lint (layer boundaries)', [bin('eslint', 'bin/eslint.js'), '.']);
step('Electron security lint (electronegativity)', [join(root, 'scripts', 'electronegativity.mjs')]);
step('typecheck', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json']);
step('typecheck src/shared without DOM/Node', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.shared.json']);
step('unit + integration (vitest)', [bin('vitest', 'vitest.mjs'), 'run']);
console.log('\n▶ build renderer, main, preload, host, CLI');
try {
  buildRenderer({ force: true });
  await buildNode(undefined, { force: true });
  results.push({ name: 'build', ok: true });
  step('e2e (Playwright, Debian Chromium)', [bin('@playwright/test', 'cli.js'), 'test']);
} catch (err) {
  console.error(err.message);
  results.push({ name: 'build', ok: false });
}

const failed = results.filter((r) => !r.ok);
const kept = scratch.remove();
if (kept) console.log(`\n临时文件保留在 ${kept}`);
console.log('\n' + results.map((r) => `${r.ok ? '✓' : '✗'} ${r.name}`).join('\n'));
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
