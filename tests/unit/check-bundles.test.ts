// scripts/check-bundles.mjs — the packaging check of the built main/preload bundles — on crafted
// bundles: it must catch what breaks a packaged app (a second top-level `require`, a devDependency,
// a package the builder config leaves out, a missing named export, electron-updater loaded eagerly,
// a sandboxed preload requiring a package) and pass a bundle that only uses shipped code.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBundles, specifiersOf } from '../../scripts/check-bundles.mjs';

const root = join(__dirname, '../..');
// Inside the app root, so packages resolve through its node_modules as the real bundles' do.
const dir = join(root, 'test-results', `bundle-check-${process.pid}`);
mkdirSync(dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bundle(name: string, code: string): string {
  writeFileSync(join(dir, name), code);
  return `test-results/bundle-check-${process.pid}/${name}`;
}

describe('check-bundles', () => {
  it('passes a bundle that imports only built-ins, electron and shipped dependencies', async () => {
    const main = bundle(
      'good.mjs',
      `import { createRequire } from "node:module";\nimport { app } from "electron";\nimport { z } from "zod";\nimport Database from "better-sqlite3-multiple-ciphers";\nconst cjsRequire = createRequire(import.meta.url);\nconst days = cjsRequire("chinese-days/package.json");\nexport async function later() { return import("electron-updater"); }\n`,
    );
    const r = await checkBundles([{ file: main, kind: 'main' }]);
    expect(r.problems).toEqual([]);
    expect(r.bundles[0]!.packages).toEqual(['better-sqlite3-multiple-ciphers', 'chinese-days', 'electron-updater', 'zod']);
  });

  it('finds what would break the packaged app', async () => {
    const main = bundle(
      'bad.mjs',
      [
        'import __shims_module__ from "node:module";',
        'import { nothingHere } from "zod";',
        'import { defineConfig } from "vitest/config";',
        'import Fastify from "fastify";',
        'import { autoUpdater } from "electron-updater";',
        'const require = __shims_module__.createRequire(import.meta.url);',
        'var require = 1;',
      ].join('\n'),
    );
    const preload = bundle('preload.cjs', 'let electron = require("electron");\nlet zod = require("zod");\n');
    const r = await checkBundles([
      { file: main, kind: 'main' },
      { file: preload, kind: 'preload' },
    ]);
    const text = r.problems.join('\n');
    expect(text).toContain('语法错误');
    expect(text).toContain('zod 没有导出 nothingHere');
    expect(text).toMatch(/vitest\/config 不在 package\.json 的 dependencies 中（只是 devDependency/);
    expect(text).toContain('fastify 被 electron-builder.yml 的 files 排除');
    expect(text).toContain('electron-updater 必须延迟加载');
    expect(text).toContain("沙盒中的 preload 不能 require('zod')");
    expect(r.problems).toHaveLength(6);
  });

  it('reads every way a bundle loads a module', () => {
    const found = specifiersOf(
      'import a, { b as c } from "x";\nexport { d } from "y";\nimport("z");\nconst r = createRequire(import.meta.url);\nr("w");\nr.resolve("v");\ncreateRequire(r.resolve("pkg"))("dep");\n',
      'f.js',
    );
    expect(found).toEqual([
      { spec: 'x', how: 'import', names: ['default', 'b'] },
      { spec: 'y', how: 'import', names: ['d'] },
      { spec: 'z', how: 'dynamic', names: [] },
      { spec: 'w', how: 'require', names: [], from: undefined },
      { spec: 'v', how: 'require', names: [], from: undefined },
      { spec: 'dep', how: 'require', names: [], from: 'pkg' },
      { spec: 'pkg', how: 'require', names: [], from: undefined },
    ]);
  });
});
