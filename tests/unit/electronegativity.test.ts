// The Electron security lint `npm test` runs (scripts/electronegativity.mjs) does catch a
// dangerous window: a fixture without context isolation, sandbox or navigation limits fails it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/package-builder';

describe('electronegativity step', () => {
  it('fails on a BrowserWindow without contextIsolation, sandbox or navigation limits', () => {
    const dir = join(tempDir('eneg-'), 'src');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'main.js'),
      `const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => {
  const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });
  w.loadURL('http://example.com/');
});
`,
    );
    const r = spawnSync(process.execPath, [join(process.cwd(), 'scripts/electronegativity.mjs'), dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ CONTEXT_ISOLATION_JS_CHECK HIGH/);
    expect(r.stdout).toMatch(/✗ SANDBOX_JS_CHECK MEDIUM/);
    expect(r.stdout).toMatch(/✗ LIMIT_NAVIGATION_GLOBAL_CHECK HIGH/);
    expect(r.stderr).toMatch(/HIGH\/MEDIUM findings/);
  }, 60_000);
});
