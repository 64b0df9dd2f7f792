// Builds the renderer (and main/preload bundles) with electron-vite when sources changed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { newest } from './build-node.mjs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function buildRenderer({ force = false } = {}) {
  const marker = join(root, 'out/renderer/index.html');
  const srcTime = Math.max(newest(join(root, 'src')), statSync(join(root, 'electron.vite.config.ts')).mtimeMs);
  if (!force && existsSync(marker) && statSync(marker).mtimeMs >= srcTime) return;
  const bin = join(root, 'node_modules/electron-vite/bin/electron-vite.js');
  const r = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildRenderer({ force: process.argv.includes('--force') });
