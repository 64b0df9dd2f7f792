// The npm registry reachable here lacks some platform builds of native packages (e.g. the
// darwin/win32 binaries of @napi-rs/canvas), so `npm install` writes a lock file without them and
// `npm ci` then refuses it ("Missing: … from lock file"). This adds the missing optional platform
// entries (os/cpu/libc from the napi-rs naming scheme) so `npm ci` works everywhere; on each
// machine npm only fetches the one matching its platform. Run after `npm install`: npm run lock:fix
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /-(android|darwin|linux|win32|freebsd)-(arm64|x64|arm|ia32|riscv64)(?:-(gnu|musl|gnueabihf|msvc))?$/;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const added = [];
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const target = `node_modules/${dep}`;
    const m = PLATFORM.exec(dep);
    if (lock.packages[target] || !m || !key.startsWith('node_modules/')) continue;
    const [, os, cpu, abi] = m;
    lock.packages[target] = { version, cpu: [cpu], license: pkg.license ?? 'MIT', optional: true, os: [os], ...(abi === 'gnu' || abi === 'gnueabihf' ? { libc: ['glibc'] } : abi === 'musl' ? { libc: ['musl'] } : {}) };
    added.push(`${dep}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.length} platform entries:\n  ${added.join('\n  ')}` : 'lock file already lists every platform build');
