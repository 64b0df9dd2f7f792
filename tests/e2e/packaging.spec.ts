// The built Electron bundles as electron-builder will pack them (npm test builds out/ first): the
// main and preload bundles parse, every import resolves to a shipped production dependency (or a
// built-in / electron), named imports exist when loaded in Node, electron-updater is loaded lazily,
// and the sandboxed preload needs nothing but 'electron'. Static by design — executing main would
// start the app and need a fake Electron (scripts/check-bundles.mjs explains). The renderer bundle is
// loaded in Chromium by every other spec.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkBundles } from '../../scripts/check-bundles.mjs';

test('main and preload bundles load in a packaged app', async () => {
  const r = await checkBundles();
  expect(r.problems).toEqual([]);
  const main = r.bundles.find((b) => b.kind === 'main')!;
  expect(main.packages).toEqual(expect.arrayContaining(['better-sqlite3-multiple-ciphers', 'electron-updater', 'zod']));
  expect(r.bundles.find((b) => b.kind === 'preload')!.packages).toEqual([]);
  // What main.ts loads from the app folder at run time.
  for (const f of ['out/preload/index.cjs', 'out/renderer/index.html']) expect(existsSync(join(process.cwd(), f)), f).toBe(true);
});
