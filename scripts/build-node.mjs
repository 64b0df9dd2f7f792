// Bundles the Node entry points (CLI, headless host) with esbuild when their sources changed.
// Packages stay external (native better-sqlite3-multiple-ciphers, @napi-rs/canvas); only our TypeScript is bundled.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const ENTRIES = {
  cli: { entry: 'src/cli/main.ts', out: 'out/cli/fashen.mjs', banner: '#!/usr/bin/env node' },
  host: { entry: 'src/main/host-main.ts', out: 'out/host/host.mjs' },
};

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
  const srcTime = Math.max(newest(join(root, 'src/main')), newest(join(root, 'src/shared')), newest(join(root, 'src/cli')), statSync(join(root, 'package.json')).mtimeMs);
  for (const name of names) {
    const { entry, out, banner } = ENTRIES[name];
    const outPath = join(root, out);
    if (!force && existsSync(outPath) && statSync(outPath).mtimeMs >= srcTime) continue;
    await build({
      entryPoints: [join(root, entry)],
      outfile: outPath,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'warning',
      banner: { js: banner ?? '' },
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildNode(process.argv.slice(2).filter((a) => !a.startsWith('--')).length ? process.argv.slice(2).filter((a) => !a.startsWith('--')) : undefined, { force: process.argv.includes('--force') });
}
