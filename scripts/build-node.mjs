// Bundles the Node entry points (CLI, headless host) with esbuild when their sources changed.
// Packages stay external (native better-sqlite3-multiple-ciphers, @napi-rs/canvas), except those in BUNDLED.
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const ENTRIES = {
  cli: { entry: 'src/cli/main.ts', out: 'out/cli/fashen.mjs', banner: '#!/usr/bin/env node' },
  host: { entry: 'src/main/host-main.ts', out: 'out/host/host.mjs' },
};

/**
 * Packages bundled although the rest stay external. drizzle-orm: Node resolves each of its ~110
 * ES module files through its 179 KB package.json ("exports" of 447 paths) and parses that again
 * for each resolution — loading it cost ~350 ms and ~150 MB of short-lived heap at every start
 * (`fashen --help` 0.93 s / 400 MB RSS; bundled 0.48 s / 150 MB).
 */
export const BUNDLED = ['drizzle-orm'];

/** esbuild's `external` for our bundles: every dependency but BUNDLED, with its subpaths. */
export function externals() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    .filter((n) => !BUNDLED.includes(n))
    .flatMap((n) => [n, `${n}/*`]);
}

/** esbuild options of all our Node bundles (CLI, headless host, central server). */
export function nodeBundleOptions() {
  return { bundle: true, platform: 'node', format: 'esm', target: 'node24', external: externals(), sourcemap: 'linked', logLevel: 'warning' };
}

/** When what every bundle is built with last changed: package.json (its dependencies) and this script. */
export function buildConfigTime() {
  return Math.max(statSync(join(root, 'package.json')).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
}

/** Newest modification time of any file below dir (build-if-changed checks). */
export function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export async function buildNode(names = Object.keys(ENTRIES), { force = false } = {}) {
  const srcTime = Math.max(newest(join(root, 'src/main')), newest(join(root, 'src/shared')), newest(join(root, 'src/cli')), buildConfigTime());
  for (const name of names) {
    const { entry, out, banner } = ENTRIES[name];
    const outPath = join(root, out);
    if (!force && existsSync(outPath) && statSync(outPath).mtimeMs >= srcTime) continue;
    await build({
      entryPoints: [join(root, entry)],
      outfile: outPath,
      ...nodeBundleOptions(),
      banner: { js: banner ?? '' },
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildNode(process.argv.slice(2).filter((a) => !a.startsWith('--')).length ? process.argv.slice(2).filter((a) => !a.startsWith('--')) : undefined, { force: process.argv.includes('--force') });
}
