// The queue's columns fit its pane: the four always shown fit the 382 px it has beside an open
// case at 1366 px, so 状态 is never cut off; wider panes add columns by priority.
import { describe, expect, it } from 'vitest';
import { visibleColumns } from '../../src/renderer/src/queue/queueModel';

const width = (w: number) => visibleColumns(w).reduce((s, c) => s + c.width, 0);

describe('queue columns', () => {
  it('beside an open case at 1366 px: 案号, 当事人, 工作日 (remaining) and 状态, within the pane', () => {
    expect(visibleColumns(382).map((c) => c.label)).toEqual(['案号', '当事人', '工作日', '状态']);
    expect(width(382)).toBeLessThanOrEqual(382 - 10); // a vertical scrollbar’s room left
  });
  it('a wide queue shows every column', () => {
    expect(visibleColumns(1200)).toHaveLength(9);
  });
});
