// The 快捷键 table (src/renderer/src/lib/shortcuts.ts) against the code that handles the keys, both
// ways: each key listed is read in a file the entry names, and each file that reads keys is named by
// some entry — so the overview cannot drift from the handlers unnoticed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CTRL_KEY, GESTURES, SHORTCUT_GROUPS, SHORTCUTS, comboText } from '../../src/renderer/src/lib/shortcuts';

const ROOT = 'src/renderer/src';
const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Files that read keys but hold no shortcut: the table, the helpers, and the lock's activity watch. */
const NOT_SHORTCUTS = ['lib/shortcuts.ts', 'lib/useGlobalKeys.ts', 'lib/keys.ts', 'lock/useActivity.ts'];

/** What a handler's source holds when it handles the key as shown in the overview. */
function handled(label: string): RegExp {
  const named: Record<string, RegExp> = {
    Ctrl: /ctrlKey|isCtrl\(/,
    Shift: /shiftKey/,
    Alt: /altKey/,
    '↑': /'ArrowUp'|\bArrowUp:/,
    '↓': /'ArrowDown'|\bArrowDown:/,
    '←': /'ArrowLeft'|\bArrowLeft:/,
    '→': /'ArrowRight'|\bArrowRight:/,
    空格: /' '/,
    Esc: /'Escape'/,
    Enter: /'Enter'|onPressEnter/,
    '1–9': /\[0-9\]|\[1-9\]/,
    拖动: /onPointerDown/,
    滚轮: /'wheel'/,
  };
  if (named[label]) return named[label];
  // PageDown, Home, Delete: compared as e.key, in lower case, or as a key of a moves table.
  if (label.length > 1) return new RegExp(`'${label}'|\\b${label}:`, 'i');
  // One character: a quoted literal, or the CTRL_KEY entry holding it.
  const ctrl = Object.entries(CTRL_KEY).find(([, k]) => k === label.toLowerCase());
  return new RegExp([`'${escape(label)}'`, ...(ctrl ? [`CTRL_KEY\\.${ctrl[0]}\\b`] : [])].join('|'), 'i');
}

function rendererFiles(): string[] {
  return (readdirSync(ROOT, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
}

describe('快捷键 table', () => {
  it('every key listed is handled in a file the entry names', () => {
    const missing: string[] = [];
    for (const s of SHORTCUTS) {
      for (const f of s.sources) expect(existsSync(join(ROOT, f)), f).toBe(true);
      const text = s.sources.map(source).join('\n');
      for (const combo of s.keys) {
        for (const key of combo) if (!handled(key).test(text)) missing.push(`${comboText(combo)}（${s.action}）: ${key} not in ${s.sources.join(', ')}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every file that reads keys is named by an entry', () => {
    const named = new Set(SHORTCUTS.flatMap((s) => s.sources));
    for (const f of NOT_SHORTCUTS) expect(existsSync(join(ROOT, f)), f).toBe(true);
    const readers = rendererFiles().filter((f) => /\be\.key\b|useGlobalKeys\(|addEventListener\('keydown'|isCtrl\(|altKey/.test(source(f)));
    expect(readers.length).toBeGreaterThan(10);
    expect(readers.filter((f) => !named.has(f) && !NOT_SHORTCUTS.includes(f))).toEqual([]);
  });

  it('Ctrl shortcuts are matched through CTRL_KEY, and each is listed', () => {
    const literal = rendererFiles().filter((f) => f !== 'lib/keys.ts' && /isCtrl\(\s*\w+,\s*(?!\s|CTRL_KEY\.)/.test(source(f)));
    expect(literal).toEqual([]);
    const listed = SHORTCUTS.flatMap((s) => s.keys).filter((c) => c[0] === 'Ctrl').map((c) => c[1]);
    for (const key of Object.values(CTRL_KEY)) expect(listed).toContain(key.toUpperCase());
  });

  it('every group has shortcuts; gestures are not drawn as keys on their own', () => {
    for (const g of SHORTCUT_GROUPS) expect(SHORTCUTS.some((s) => s.group === g), g).toBe(true);
    for (const combo of SHORTCUTS.flatMap((s) => s.keys)) expect(GESTURES.has(combo[0]!), comboText(combo)).toBe(false);
  });
});
