// `npm run dist [-- --win | --linux | --mac …]`: build the installers with electron-builder
// (electron-builder.yml). Needs a release machine: the Electron binary (and electron-builder's own
// downloads of Electron zips, NSIS, AppImage tools), the agency's release public key in
// resources/update-keys/, and FASHEN_UPDATE_URL. Everything is checked first, so on a machine that
// cannot package (like the CI machines here) it stops with the reason instead of half-running.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const fail = (lines) => {
  console.error(lines.join('\n'));
  process.exit(1);
};

if (Number(process.versions.node.split('.')[0]) < 24) fail([`Node ${process.versions.node} 过旧：打包需要 Node 24 LTS（. scripts/node24.sh）。`]);

// 1. The Electron binary, found the way scripts/electron-native.mjs does (require('electron') would start a download).
const electronDir = dirname(require.resolve('electron/package.json'));
const pathTxt = join(electronDir, 'path.txt');
const binary = existsSync(pathTxt) ? join(electronDir, 'dist', readFileSync(pathTxt, 'utf8').trim()) : null;
if (!binary || !existsSync(binary)) {
  fail([
    '无法打包：本机没有 Electron 可执行文件（安装时未能下载）。',
    'electron-builder 还会下载各平台的 Electron 发行包、NSIS 与 AppImage 工具，需要能访问这些下载地址的发布机器。',
    'Cannot package here: the Electron binary is not installed and electron-builder downloads Electron zips and',
    'packaging tools. Run `npm run dist` on a release machine (unset ELECTRON_SKIP_BINARY_DOWNLOAD, `npm ci`).',
  ]);
}

// 2. A release key the packaged app will trust (dev-*.pem is excluded from packages by electron-builder.yml).
const keysDir = join(root, 'resources', 'update-keys');
const releaseKeys = existsSync(keysDir) ? readdirSync(keysDir).filter((n) => n.endsWith('.pem') && !n.startsWith('dev-')) : [];
if (!releaseKeys.length) {
  fail([
    '无法打包：resources/update-keys/ 中没有机构发布公钥（开发密钥 dev-*.pem 不会打进安装包）。',
    '没有发布公钥的安装包会拒绝一切更新。先运行 fashen update keygen --out <离线目录>，把公钥 release-*.pem 放入 resources/update-keys/。',
  ]);
}

// 3. Where the installed app looks for updates before it has a central-system login (app-update.yml).
const feed = process.env.FASHEN_UPDATE_URL;
if (!feed || !/^https?:\/\/[^/]+\/(.+\/)?updates\/[a-z][a-z0-9-]*\/$/.test(feed)) {
  fail(['请设置 FASHEN_UPDATE_URL 为中心系统的更新地址，例如 https://fashen.example.gov.cn/updates/stable/（以 / 结尾）。']);
}

const run = (what, args) => {
  console.log(`\n▶ ${what}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail([`✗ ${what} 失败`]);
};

// 4. Fresh bundles, checked the way the packaged app will load them, then the installers.
run('electron-vite build', [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
run('check bundles', [join(root, 'scripts/check-bundles.mjs')]);
run('electron-builder', [join(root, 'node_modules/electron-builder/cli.js'), '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]);

console.log(
  [
    '',
    '安装包已写入 dist/。发布步骤 · next steps:',
    '  1. fashen update sign dist --key <离线保管的发布私钥.pem>         为各平台的 latest*.yml 写出签名 .sig',
    '  2. 把 dist/ 中的 latest*.yml、*.sig、安装包与 *.blockmap 复制到中心系统 <data>/updates/<通道>/',
    '  3. 分批推送：PUT /v1/admin/updates/<通道>/rollout {"stagingPercentage": 10}（见 src/server/README.md）',
    '  4. 离线更新包：fashen update pack dist --out Fashen-<版本>-<平台>.fsupdate latest.yml',
  ].join('\n'),
);
