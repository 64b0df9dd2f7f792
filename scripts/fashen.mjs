// `npm run -s fashen -- <args>`: build the CLI if its sources changed, then run it.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode, ENTRIES } from './build-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await buildNode(['cli']);
const r = spawnSync(process.execPath, [join(root, ENTRIES.cli.out), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
