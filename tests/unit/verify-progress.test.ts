// 校验案卷 progress counts bytes (renderer/integrity/progress): a 1 GB video at 24 MB is not 67 %.
import { describe, expect, it } from 'vitest';
import { verifyProgressView } from '../../src/renderer/src/integrity/progress';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const ALL = 300 * KB + 200 * KB + GB;

describe('verifyProgressView', () => {
  it('two small PDFs done and the video at 24 MB: about 2 %, not 67 %; the file count stays in the text', () => {
    const v = verifyProgressView({ done: 2, total: 3, bytes: { done: 500 * KB + 24 * MB, total: ALL }, file: { title: '执法记录仪视频', done: 24 * MB, size: GB } });
    expect(v.percent).toBe(2);
    expect(v.text).toBe('已校验 2/3 个文件 · 24.5 MB / 1.00 GB · 正在校验「执法记录仪视频」');
  });

  it('starts at 0 and reaches 100 only when every byte is read', () => {
    expect(verifyProgressView({ done: 0, total: 3, bytes: { done: 0, total: ALL } })).toEqual({ percent: 0, text: '已校验 0/3 个文件 · 0 B / 1.00 GB' });
    expect(verifyProgressView({ done: 1, total: 3, bytes: { done: GB, total: ALL } }).percent).toBe(99);
    expect(verifyProgressView({ done: 3, total: 3, bytes: { done: ALL, total: ALL } }).percent).toBe(100);
  });

  it('bytes reported past the total (a file grew on disk) do not push the bar past 100 %', () => {
    const v = verifyProgressView({ done: 2, total: 3, bytes: { done: 2 * GB, total: GB }, file: { title: '视频', done: 2 * GB, size: GB } });
    expect(v.percent).toBe(100);
    expect(v.text).toBe('已校验 2/3 个文件 · 1.00 GB / 1.00 GB · 正在校验「视频」');
  });

  it('the file in progress is not named once every file is done', () => {
    expect(verifyProgressView({ done: 3, total: 3, bytes: { done: ALL, total: ALL }, file: { title: '视频', done: GB, size: GB } }).text).toBe('已校验 3/3 个文件 · 1.00 GB / 1.00 GB');
  });

  it('empty files only: counts files, shows no bytes', () => {
    expect(verifyProgressView({ done: 1, total: 2, bytes: { done: 0, total: 0 } })).toEqual({ percent: 50, text: '已校验 1/2 个文件' });
  });

  it('no files at all: 0 %, no division by zero', () => {
    expect(verifyProgressView({ done: 0, total: 0, bytes: { done: 0, total: 0 } })).toEqual({ percent: 0, text: '已校验 0/0 个文件' });
  });
});
