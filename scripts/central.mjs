// `npm run central -- <args>`: bundle the central server (src/server/main.ts) with esbuild when its
// sources changed, then run it in this process (signals reach it directly).
import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { buildConfigTime, newest, nodeBundleOptions } from './build-node.mjs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CENTRAL_OUT = join(root, 'out/server/central.mjs');

export async function buildCentral({ force = false } = {}) {
  const srcTime = Math.max(...['src/server', 'src/main', 'src/shared'].map((d) => newest(join(root, d))), buildConfigTime(), statSync(fileURLToPath(import.meta.url)).mtimeMs);
  if (!force && existsSync(CENTRAL_OUT) && statSync(CENTRAL_OUT).mtimeMs >= srcTime) return CENTRAL_OUT;
  await build({
    entryPoints: [join(root, 'src/server/main.ts')],
    outfile: CENTRAL_OUT,
    ...nodeBundleOptions(),
  });
  return CENTRAL_OUT;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await import(pathToFileURL(await buildCentral()).href);
}
