// `npm run serve`: build what changed, then start the headless host (loopback, random port, token).
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode, ENTRIES } from './build-node.mjs';
import { buildRenderer } from './renderer-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
buildRenderer();
await buildNode(['host']);
const child = spawn(process.execPath, [join(root, ENTRIES.host.out), ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
