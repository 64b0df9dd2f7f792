// electron-builder.yml: loaded and validated by electron-builder's own code (its JSON schema,
// app-builder-lib/scheme.json), then our packaging invariants — app id, targets, zh-CN installer,
// file associations the code really opens, every native module unpacked from the asar, the built
// bundles and resources in, devDependencies and the development release key out, artifact names the
// central server can serve, and real icon files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, matchesGlob, relative } from 'node:path';
import { Image } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CASE_PACKAGE_EXT } from '../../src/main/handlers/app-opened-files';
import { openPackage, readManifest } from '../../src/main/services/package-source';
import { OFFLINE_UPDATE_EXT } from '../../src/main/services/update/offline-package';
import { SAFE_FILE_NAME } from '../../src/main/services/update/update-info';
import { zipPackage } from '../helpers/server-fixtures';
import { buildPackage, tempDir } from '../helpers/package-builder';

const root = join(__dirname, '../..');
const require = createRequire(join(root, 'package.json'));
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, path: string | null, fromOptions: null): Promise<Config>;
  validateConfiguration(c: unknown, log: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; version: string };

type Config = Record<string, any>;

async function loadConfig(): Promise<Config> {
  return getConfig(root, null, null);
}

/** Every glob of the `files` filter sets, in order. */
function filePatterns(c: Config): string[] {
  return (c.files as { filter?: string[] }[]).flatMap((s) => s.filter ?? []);
}

/** Production dependency closure: package name → folder (as electron-builder collects it). */
function productionClosure(): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (name: string, fromDir: string) => {
    let dir = fromDir;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) break;
      const up = dirname(dir);
      if (up === dir) return; // optional dependency for another platform: not installed here
      dir = up;
    }
    const pkgDir = join(dir, 'node_modules', name);
    if (seen.has(`${name}@${pkgDir}`)) return;
    seen.set(`${name}@${pkgDir}`, pkgDir);
    const meta = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys({ ...meta.dependencies, ...meta.optionalDependencies })) visit(dep, pkgDir);
  };
  for (const dep of Object.keys(pkg.dependencies)) visit(dep, root);
  return seen;
}

function nativeFiles(dir: string, depth = 0): string[] {
  if (depth > 6) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules') return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return nativeFiles(p, depth + 1);
    return e.name.endsWith('.node') ? [p] : [];
  });
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder (its own loader and JSON schema)', async () => {
    const c = await loadConfig();
    await expect(validateConfiguration(c, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator really rejects: a misspelt option fails.
    await expect(validateConfiguration({ ...c, nsis: { ...c.nsis, perMachin: false } }, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('names the app and targets Windows NSIS (zh-CN, per-user), Linux AppImage + deb, macOS dmg + zip', async () => {
    const c = await loadConfig();
    expect(c.appId).toMatch(/^[a-z]+(\.[a-z][a-z0-9-]*){2,}$/);
    expect(c.productName).toBe('法审工作台');
    const targets = (os: string) => (c[os].target as { target: string }[]).map((t) => t.target);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(targets('mac')).toEqual(['dmg', 'zip']);
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, installerLanguages: ['zh_CN'], language: '2052', deleteAppDataOnUninstall: false });
    expect(c.executableName).toBe('fashen');
    expect(c.linux.category).toBe('Office');
    expect(c.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/);
    expect(c.mac).toMatchObject({ hardenedRuntime: true, category: 'public.app-category.productivity' });
    for (const f of [c.mac.entitlements, c.mac.entitlementsInherit]) {
      const plist = readFileSync(join(root, f), 'utf8');
      expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
      expect(plist).not.toContain('disable-library-validation');
    }
    expect(c.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, onlyLoadAppFromAsar: true });
  });

  it('associates .fscase and .fsupdate — extensions the app really opens', async () => {
    const c = await loadConfig();
    expect((c.fileAssociations as { ext: string }[]).map((a) => `.${a.ext}`).sort()).toEqual([CASE_PACKAGE_EXT, OFFLINE_UPDATE_EXT].sort());
    // A case package saved as .fscase is read by content, like any package .zip.
    const built = await buildPackage(tempDir());
    const file = join(tempDir(), `case${CASE_PACKAGE_EXT}`);
    writeFileSync(file, await zipPackage(built));
    const src = await openPackage(file);
    try {
      expect((await readManifest(src)).case.caseNumber).toBe(built.manifest.case.caseNumber);
    } finally {
      src.close();
    }
  });

  it('packs the built bundles, resources and migrations; never the dev release key or build inputs', async () => {
    const c = await loadConfig();
    const patterns = filePatterns(c);
    for (const p of ['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/**', '!resources/build/**', '!resources/update-keys/dev-*.pem']) expect(patterns).toContain(p);
    expect(c.files).toContainEqual(expect.objectContaining({ from: 'src/main/db/migrations', to: 'resources/migrations' }));
    expect(existsSync(join(root, 'resources/update-keys/dev-release.pem'))).toBe(true);
    // Nothing pulls in development files or the CLI/host/server bundles.
    expect(patterns.filter((p) => !p.startsWith('!') && /node_modules|^src\/|out\/(cli|host|server)|^tests\//.test(p))).toEqual([]);
  });

  it('ships no devDependency: Electron and the build tools stay out of dependencies', () => {
    for (const dev of ['electron', 'electron-builder', 'electron-vite', 'vite', 'vitest', 'typescript', '@playwright/test', 'esbuild', 'tsx']) {
      expect(pkg.devDependencies[dev], dev).toBeDefined();
      expect(pkg.dependencies[dev], dev).toBeUndefined();
    }
    expect(pkg.dependencies['electron-updater']).toBeDefined();
  });

  it('keeps every native module of the production dependencies outside the asar', async () => {
    const c = await loadConfig();
    const unpack = c.asarUnpack as string[];
    const natives = [...productionClosure().values()].flatMap((dir) => nativeFiles(dir)).map((f) => relative(root, f));
    expect(natives.some((f) => f.includes('better-sqlite3-multiple-ciphers'))).toBe(true);
    expect(natives.some((f) => f.includes('@napi-rs/canvas'))).toBe(true);
    const uncovered = natives.filter((f) => !unpack.some((g) => matchesGlob(f, g)));
    expect(uncovered).toEqual([]);
    // Skia loads the CJK font by path: it must be a real file too.
    expect(unpack.some((g) => matchesGlob('resources/fonts/NotoSerifSC-Regular.ttf', g))).toBe(true);
  });

  it('leaves out only server packages the desktop sources never import', async () => {
    const c = await loadConfig();
    const excluded = filePatterns(c)
      .filter((p) => p.startsWith('!**/node_modules/{'))
      .flatMap((p) => /\{([^}]+)\}/.exec(p)![1]!.split(','));
    expect(excluded).toContain('@aws-sdk');
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    // The desktop app is src/main (minus the headless host entry), src/preload and src/shared.
    const desktop = [...sources(join(root, 'src/main')), ...sources(join(root, 'src/preload')), ...sources(join(root, 'src/shared'))].filter((f) => !/src\/main\/host(-main)?\.ts$/.test(f));
    const offenders = desktop.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return excluded.some((name) => new RegExp(`from '${name.replace('/', '\\/')}(/[^']*)?'|import\\('${name}`).test(text));
    });
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('publishes to the central server feed, with artifact names it can serve', async () => {
    const c = await loadConfig();
    expect(c.publish).toEqual([expect.objectContaining({ provider: 'generic', url: '${env.FASHEN_UPDATE_URL}' })]);
    const names = [c.nsis.artifactName, c.linux.artifactName, c.deb.artifactName, c.appImage.artifactName, c.mac.artifactName, c.dmg.artifactName];
    for (const n of names) {
      expect(n, 'every target names its artifacts').toBeTruthy();
      const concrete = (n as string).replace('${version}', '1.2.3').replace('${arch}', 'x64').replace('${ext}', 'bin');
      expect(concrete).toMatch(SAFE_FILE_NAME);
    }
  });

  it('has real icons: PNG set 16–1024, a multi-size ICO and an ICNS, all decodable', async () => {
    const c = await loadConfig();
    const pngDir = join(root, c.linux.icon);
    for (const s of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const bytes = readFileSync(join(pngDir, `${s}x${s}.png`));
      expect(bytes.readUInt32BE(16), `${s} width`).toBe(s);
      expect(bytes.readUInt32BE(20), `${s} height`).toBe(s);
    }
    const ico = readFileSync(join(root, c.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const e = 6 + i * 16;
      return { size: ico[e] || 256, length: ico.readUInt32LE(e + 8), offset: ico.readUInt32LE(e + 12), entry: ico.subarray(e, e + 16) };
    });
    expect(entries.map((e) => e.size)).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (const e of entries) {
      // Each image decodes on its own (Skia's ICO/BMP/PNG decoders) at its declared size.
      const one = Buffer.alloc(22);
      one.writeUInt16LE(1, 2);
      one.writeUInt16LE(1, 4);
      e.entry.copy(one, 6, 0, 12);
      one.writeUInt32LE(22, 18);
      const img = new Image();
      await new Promise<void>((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = (err) => reject(err);
        img.src = Buffer.concat([one, ico.subarray(e.offset, e.offset + e.length)]);
      });
      expect(img.width, `ico ${e.size}`).toBe(e.size);
    }
    const icns = readFileSync(join(root, c.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(statSync(join(root, c.mac.icon)).size);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('latin1'));
    expect(types).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
  });

  it('npm run dist stops with the reason before building anything when it cannot package', () => {
    // Without FASHEN_UPDATE_URL it never reaches the build, even on a release machine.
    const env = { ...process.env };
    delete env.FASHEN_UPDATE_URL;
    const r = spawnSync(process.execPath, [join(root, 'scripts/dist.mjs')], { cwd: root, env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/无法打包：本机没有 Electron 可执行文件|无法打包：resources\/update-keys\/ 中没有机构发布公钥|请设置 FASHEN_UPDATE_URL/);
    expect(r.stdout).not.toContain('electron-builder');
  });
});
