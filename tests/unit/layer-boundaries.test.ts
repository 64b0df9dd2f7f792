// The layer rules (DESIGN.md §2) are enforced by ESLint; this proves each rule fires.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs';", /no Node built-ins/],
    ['src/shared/x.ts', "import fs from 'fs';", /no Node built-ins/],
    ['src/shared/x.ts', "import { app } from 'electron';", /no electron/],
    ['src/shared/x.ts', 'export const w = window.innerWidth;', /window/],
    ['src/shared/x.ts', "import React from 'react';", /no DOM\/UI/],
    ['src/shared/x.ts', "import { x } from '../main/paths';", /imports nothing from other layers/],
    ['src/main/services/x.ts', "import { app } from 'electron';", /Only src\/main\/app may import 'electron'/],
    ['src/cli/x.ts', "import { app } from 'electron';", /Only src\/main\/app/],
    ['src/renderer/src/x.ts', "import { Workstation } from '../../main/workstation';", /may not import back-end code/],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';", /talks only to the Api/],
  ])('%s: %s is refused', async (file, code, message) => {
    expect((await problems(file, code)).join('\n')).toMatch(message);
  });

  it.each([
    ['src/main/app/x.ts', "import { app } from 'electron';"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['src/main/services/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/renderer/src/x.ts', "import { api } from '../../shared/api/index';"],
    ['src/shared/api/x.ts', "import type { ApiEvents } from './events';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
