// Our Node bundles (CLI, headless host, central server; built with nodeBundleOptions()) keep packages external except BUNDLED:
// drizzle-orm goes inside, because resolving its ES module files at run time re-parses its large
// package.json for each one (scripts/build-node.mjs). The Electron main build excludes it likewise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLED, externals, nodeBundleOptions } from '../../scripts/build-node.mjs';

const root = join(__dirname, '../..');

async function bundle(source: string): Promise<string> {
  const r = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    ...nodeBundleOptions(),
    sourcemap: false,
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

describe('Node bundles', () => {
  it('drizzle-orm (root and subpaths) is bundled; other packages, native ones too, stay imports', async () => {
    const out = await bundle(`
      import { sql } from 'drizzle-orm';
      import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
      import Database from 'better-sqlite3-multiple-ciphers';
      import { z } from 'zod';
      export const t = sqliteTable('t', { id: text('id') });
      export const q = sql\`select 1\`;
      export { Database, z };
    `);
    expect(out).not.toMatch(/from ["']drizzle-orm/);
    expect(out).toContain('sqliteTable');
    expect(out).toMatch(/from ["']better-sqlite3-multiple-ciphers["']/);
    expect(out).toMatch(/from ["']zod["']/);
  });

  it('every dependency but the bundled ones is external, with its subpaths', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const ext = externals();
    for (const name of Object.keys(pkg.dependencies)) {
      if (BUNDLED.includes(name)) expect(ext).not.toContain(name);
      else expect(ext).toEqual(expect.arrayContaining([name, `${name}/*`]));
    }
  });

  it('the Electron main build bundles the same packages', () => {
    const config = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8');
    expect(config).toMatch(new RegExp(`externalizeDeps: \\{ exclude: \\[${BUNDLED.map((n) => `'${n}'`).join(', ')}\\] \\}`));
  });
});
