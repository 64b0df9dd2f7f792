// Tooltips and labels that name a key take it from the 快捷键 table (shortcutTip / shortcutKeys in
// src/renderer/src/lib/shortcuts.ts), as the overview does: a key written into a label by hand, or a
// label asking the table for an action it does not list (or for the other alternative's key), fails.
// Keys drawn as <kbd> come from the table too (lib/ShortcutKeys.tsx): a <kbd> written anywhere else fails.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { GESTURES, SHORTCUTS, shortcutEntry, shortcutKeys, shortcutTip, type Combo, type Shortcut } from '../../src/renderer/src/lib/shortcuts';

// Centre's empty state is rendered below; the real client picks a transport from `window` when loaded.
vi.mock('../../src/renderer/src/api', () => ({ api: { call: vi.fn(), on: vi.fn(() => () => undefined) } }));
const { Centre } = await import('../../src/renderer/src/shell/Centre');

const ROOT = 'src/renderer/src';
const TABLE = 'lib/shortcuts.ts';
/** The one file that draws <kbd>, from the table. */
const KEYS_COMPONENT = 'lib/ShortcutKeys.tsx';

function rendererFiles(): string[] {
  return (readdirSync(ROOT, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /\.tsx?$/.test(f) && f !== TABLE);
}

/** The source without comments (keys named in comments are not shown to anyone). */
function code(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const NAMED = 'Ctrl|Shift|Alt|Esc|Enter|PageUp|PageDown|Home|End|Delete|Backspace|Tab';
const KEY = `(?:${NAMED}|[A-Z0-9]|[-+=,\\\\?/↑↓←→]|空格)`;
/** A key in brackets, “（Ctrl+F）”, “（也可 Alt+拖动）”, “(Esc)”; or in prose, “按 Enter”. */
const HAND_WRITTEN = [
  new RegExp(`（\\s*(?:也可\\s*)?${KEY}(?:\\s*\\+\\s*(?:${KEY}|拖动|滚轮))*\\s*）`, 'g'),
  new RegExp(`\\(\\s*(?:${NAMED})(?:\\s*\\+\\s*(?:${KEY}|拖动|滚轮))*\\s*\\)`, 'g'),
  new RegExp(`按\\s*(?:${NAMED})\\b`, 'g'),
];

/** shortcutTip('id', 'label') and shortcutKeys('id'[, 'label']) calls, with their arguments. */
function calls(text: string): { fn: string; args: string | undefined; id?: string; label?: string }[] {
  const found: { fn: string; args: string | undefined; id?: string; label?: string }[] = [];
  for (const m of text.matchAll(/\b(shortcutTip|shortcutKeys)\(([^()]*)\)/g)) {
    const literal = /^\s*'([^']*)'\s*(?:,\s*'([^']*)'\s*)?$/.exec(m[2] ?? '');
    found.push({ fn: m[1]!, args: m[2], id: literal?.[1], label: literal?.[2] });
  }
  return found;
}

describe('tooltips take their keys from the 快捷键 table', () => {
  it('the table’s ids are unique and each alternative of an entry with tips has its label', () => {
    const ids = SHORTCUTS.flatMap((s) => (s.id ? [s.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SHORTCUTS) if (s.tips) expect(s.tips.length, s.action).toBe(s.keys.length);
  });

  it('the helpers give the key of the alternative the label names, and nothing for an action the table lacks', () => {
    expect(shortcutTip('find', '查找')).toBe('查找（Ctrl+F）');
    expect(shortcutTip('pdfZoom', '放大')).toBe('放大（Ctrl+=）');
    expect(shortcutTip('pdfZoom', '缩小')).toBe('缩小（Ctrl+-）');
    expect(shortcutTip('imageRotate', '向左旋转 90°')).toBe('向左旋转 90°（Shift+R）');
    expect(shortcutTip('split', '并排显示')).toBe('并排显示（Ctrl+\\）');
    expect(shortcutKeys('pdfArea')).toBe('Alt+拖动');
    expect(shortcutKeys('pdfZoom', '旋转')).toBe('');
    expect(shortcutTip('no-such-action', '查找')).toBe('查找');
  });

  it('every call names an action of the table, with literal arguments, and a label its alternatives know', () => {
    const bad: string[] = [];
    let count = 0;
    for (const file of rendererFiles()) {
      for (const c of calls(code(file))) {
        count++;
        const where = `${file}: ${c.fn}(${c.args ?? ''})`;
        const entry = c.id === undefined ? undefined : SHORTCUTS.find((s) => s.id === c.id);
        if (!entry) bad.push(`${where} — not an id of the table (or not literal)`);
        else if (entry.tips && !entry.tips.includes(c.label ?? '')) bad.push(`${where} — the entry’s alternatives are ${entry.tips.join(' / ')}`);
        else if (!shortcutKeys(c.id!, c.label)) bad.push(`${where} — no key`);
      }
    }
    expect(count).toBeGreaterThanOrEqual(15);
    expect(bad).toEqual([]);
  });

  it('no label writes a key by hand', () => {
    const found: string[] = [];
    for (const file of rendererFiles()) {
      const text = code(file);
      for (const re of HAND_WRITTEN) for (const m of text.matchAll(re)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('no screen writes a <kbd> by hand, and each <ShortcutKeys> names an action of the table', () => {
    const found: string[] = [];
    const bad: string[] = [];
    let count = 0;
    for (const file of rendererFiles()) {
      const text = code(file);
      if (file !== KEYS_COMPONENT) for (const m of text.matchAll(/<kbd\b[^>]*>[^<]*/g)) found.push(`${file}: ${m[0]}`);
      for (const m of text.matchAll(/<ShortcutKeys\b([^>]*)>/g)) {
        count++;
        const id = /^\s*id="([^"]*)"/.exec(m[1]!)?.[1];
        if (id === undefined || !shortcutEntry(id)) bad.push(`${file}: ${m[0]} — not an id of the table (or not literal)`);
      }
    }
    expect(found).toEqual([]);
    expect(count).toBeGreaterThanOrEqual(7);
    expect(bad).toEqual([]);
  });

  it('a key changed in the table changes what the hints show (Centre’s empty state)', () => {
    /** The keys the table gives for these entries, as the hint draws them (gestures are not <kbd>). */
    const tableKeys = (ids: string[]) => ids.flatMap((id) => shortcutEntry(id)!.keys.flat().filter((k) => !GESTURES.has(k)));
    const shown = () =>
      [...renderToStaticMarkup(createElement(Centre, { caseId: null, hasCases: true, reveal: null })).matchAll(/<kbd>([^<]*)<\/kbd>/g)].map((m) => m[1]);
    const ids = ['queueMove', 'queueOpen', 'search'];
    expect(shown()).toEqual(tableKeys(ids));
    const entry = shortcutEntry('search') as { keys: Shortcut['keys'] };
    const before = entry.keys;
    try {
      entry.keys = [['Ctrl', 'P'], ['F3']] satisfies Combo[];
      expect(shown()).toEqual(tableKeys(ids));
      expect(shown()).toContain('F3');
    } finally {
      entry.keys = before;
    }
  });

  it('the check sees hand-written keys (it would have failed before the helpers)', () => {
    const samples = ['label="查找（Ctrl+F）"', "label: '缩小（-）'", 'title="展开待审案件（Ctrl+K）"', "shortcut: '（也可 Alt+拖动）'", '按 Enter 搜索', 'aria-label="返回(Esc)"'];
    for (const s of samples) expect(HAND_WRITTEN.some((re) => new RegExp(re.source).test(s)), s).toBe(true);
    // Not keys: a point number, a count, code.
    for (const s of ['（P1–P10）', '（3 件）', 'slice(0)', "e.key === 'Enter'"]) expect(HAND_WRITTEN.some((re) => new RegExp(re.source).test(s)), s).toBe(false);
  });
});
