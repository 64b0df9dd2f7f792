// A path as the reviewer pastes it: Windows’ 复制文件地址 puts quotes around it, an IME may make them
// “…”, and spaces come along. One pair of surrounding quotes and the spaces go; nothing inside is touched.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTarget, importSource, unquote } from '../../src/main/services/sync/bundle-paths';

describe('unquote', () => {
  it('drops one pair of surrounding straight or Chinese quotes and the spaces around them', () => {
    expect(unquote('"/tmp/x/case-004"')).toBe('/tmp/x/case-004');
    expect(unquote('  “D:\\案卷\\case-004”  ')).toBe('D:\\案卷\\case-004');
    expect(unquote(" '/tmp/x' ")).toBe('/tmp/x');
    expect(unquote('" /tmp/x "')).toBe('/tmp/x');
  });

  it('leaves a path without a matching pair as it is (one quote, quotes inside, two pairs: only the outer)', () => {
    expect(unquote('"/tmp/x')).toBe('"/tmp/x');
    expect(unquote('/tmp/a"b"')).toBe('/tmp/a"b"');
    expect(unquote('""/tmp/x""')).toBe('"/tmp/x"');
    expect(unquote('“/tmp/x"')).toBe('“/tmp/x"');
  });
});

describe('paths pasted with quotes', () => {
  it('are taken for import and export, not refused as “not a full path”', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-paths-'));
    expect(importSource(`"${dir}"`)).toBe(dir);
    expect(importSource(` “${dir}” `)).toBe(dir);
    expect(exportTarget(`"${join(dir, 'outbox.json')}"`)).toBe(join(dir, 'outbox.json'));
    expect(() => importSource('"case-004"')).toThrow('请填写完整路径（从根目录或盘符开始）：case-004');
  });
});
