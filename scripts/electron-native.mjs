// `npm start` step: make sure native modules load in Electron without breaking Node's tests.
//
// better-sqlite3-multiple-ciphers (the SQLCipher-compatible SQLite of the encrypted cache) ships
// Node-API prebuilds: one binary is ABI-stable across Node and Electron, so nothing needs
// rebuilding and `npm test` keeps working. If the installed binding is not a Node-API build (e.g.
// compiled from source against V8), we rebuild a *separate copy* for Electron into
// .cache/electron-native/ and the Electron main process loads it via the `nativeBinding` option —
// Node keeps its own build, so neither command breaks the other.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** The Electron binary, if it was downloaded (don't require('electron'): that starts a download). */
function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  return join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
}

const SQLITE = 'better-sqlite3-multiple-ciphers';

function loadedBindingPath() {
  const dir = dirname(require.resolve(`${SQLITE}/package.json`));
  for (const p of ['build/Debug/better_sqlite3.node', 'build/Release/better_sqlite3.node', `prebuilds/${process.platform}-${process.arch}.node`]) {
    if (existsSync(join(dir, p))) return join(dir, p);
  }
  return null;
}

/** Node-API addons import napi_* and no V8 C++ symbols. */
function isNodeApi(file) {
  const bytes = readFileSync(file);
  return bytes.includes(Buffer.from('napi_module_register')) || (bytes.includes(Buffer.from('napi_create_function')) && !bytes.includes(Buffer.from('_ZN2v87Isolate')));
}

const bin = electronBinary();
if (!bin || !existsSync(bin)) {
  console.error(
    [
      '无法启动 Electron：本机没有 Electron 可执行文件（安装时未能下载）。',
      '可改用浏览器版：npm run serve（同一工作台，经本机回环地址访问）。',
      'Electron binary is not installed (its download is blocked on this machine). Use `npm run serve` for the same workstation in a browser,',
      'or install on a machine that can reach the Electron download mirror (unset ELECTRON_SKIP_BINARY_DOWNLOAD and run `npm install`).',
    ].join('\n'),
  );
  process.exit(1);
}

const binding = loadedBindingPath();
if (!binding) {
  console.error(`${SQLITE} native binding not found; run npm install`);
  process.exit(1);
}
if (isNodeApi(binding)) {
  console.log(`${SQLITE}: Node-API build — the same binary serves Node (tests) and Electron; no rebuild needed.`);
  process.exit(0);
}

const electronVersion = require('electron/package.json').version;
const cache = join(root, '.cache', 'electron-native');
const stamp = join(cache, `electron-${electronVersion}.stamp`);
if (existsSync(stamp) && existsSync(join(cache, 'better_sqlite3.node'))) process.exit(0);
console.log(`Rebuilding a copy of ${SQLITE} for Electron ${electronVersion} into .cache/electron-native …`);
rmSync(cache, { recursive: true, force: true });
const work = join(cache, 'work');
mkdirSync(join(work, 'node_modules'), { recursive: true });
cpSync(dirname(require.resolve(`${SQLITE}/package.json`)), join(work, 'node_modules', SQLITE), { recursive: true });
execFileSync(process.execPath, [require.resolve('@electron/rebuild/lib/cli.js'), '--version', electronVersion, '--module-dir', work, '--only', SQLITE, '--force'], { stdio: 'inherit' });
copyFileSync(join(work, 'node_modules', SQLITE, 'build', 'Release', 'better_sqlite3.node'), join(cache, 'better_sqlite3.node'));
copyFileSync(join(root, 'package.json'), stamp);
