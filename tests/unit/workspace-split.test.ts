// Ctrl+\ (并排显示 / 取消并排) toggles the split; pressed twice it comes back to the panes the
// reader had, instead of leaving every tab on the left beside a new empty pane.
import { describe, expect, it } from 'vitest';
import { initialWorkspace, workspaceReducer, type WorkspaceAction, type WorkspaceState } from '../../src/renderer/src/workspace/workspaceModel';

const run = (state: WorkspaceState, ...actions: WorkspaceAction[]) => actions.reduce(workspaceReducer, state);
const toggle: WorkspaceAction = { type: 'toggleSplit' };
const panes = (s: WorkspaceState) => s.panes.map((p) => ({ tabs: p.tabs, activeKey: p.activeKey }));

/** 概要, d1, d2 on the left; d3, d4 on the right (d3 active there); the left pane active. */
function twoPanes(): WorkspaceState {
  return run(
    initialWorkspace,
    { type: 'open', itemId: 'd1', target: 'active' },
    { type: 'open', itemId: 'd2', target: 'active' },
    { type: 'open', itemId: 'd3', target: 'other' },
    { type: 'open', itemId: 'd4', target: 'active' },
    { type: 'activate', pane: 1, key: 'd3' },
    { type: 'activate', pane: 0, key: 'd1' },
  );
}

describe('Ctrl+\\ pressed again and again', () => {
  it('from one pane: splits into an empty right pane, then back to the same one pane', () => {
    const one = run(initialWorkspace, { type: 'open', itemId: 'd1', target: 'active' });
    const split = run(one, toggle);
    expect(panes(split)).toEqual([
      { tabs: ['summary', 'd1'], activeKey: 'd1' },
      { tabs: [], activeKey: null },
    ]);
    expect(split.active).toBe(1);
    expect(panes(run(split, toggle))).toEqual(panes(one));
    expect(panes(run(one, toggle, toggle, toggle, toggle))).toEqual(panes(one));
  });

  it('from two panes: the first press joins them, the second puts the right pane back as it was', () => {
    const before = twoPanes();
    const joined = run(before, toggle);
    expect(panes(joined)).toEqual([{ tabs: ['summary', 'd1', 'd2', 'd3', 'd4'], activeKey: 'd1' }]);
    const again = run(joined, toggle);
    expect(panes(again)).toEqual(panes(before));
    expect(again.active).toBe(0);
    // And so on: every second press is the reader's two panes.
    expect(panes(run(again, toggle, toggle))).toEqual(panes(before));
  });

  it('the active tab stays active: joined on the right pane’s tab, split again with that pane active', () => {
    const before = run(twoPanes(), { type: 'activate', pane: 1, key: 'd4' });
    const joined = run(before, toggle);
    expect(joined.panes[0].activeKey).toBe('d4');
    const again = run(joined, toggle);
    expect(again.active).toBe(1);
    expect(panes(again)).toEqual(panes(before));
  });

  it('tabs changed while joined: a closed tab stays closed, a new one stays left; a tab open on both sides stays on both', () => {
    const both = run(twoPanes(), { type: 'focusPane', pane: 1 }, { type: 'open', itemId: 'd1', target: 'active' }); // d1 on both sides
    expect(both.panes[1]?.tabs).toEqual(['d3', 'd4', 'd1']);
    const joined = run(both, toggle, { type: 'close', pane: 0, key: 'd4' }, { type: 'open', itemId: 'd5', target: 'active' });
    const again = run(joined, toggle);
    expect(panes(again)).toEqual([
      { tabs: ['summary', 'd1', 'd2', 'd5'], activeKey: 'd5' },
      { tabs: ['d3', 'd1'], activeKey: 'd1' },
    ]);
  });

  it('when every tab of the old right pane was closed, splitting gives an empty right pane as at first', () => {
    const joined = run(twoPanes(), toggle, { type: 'close', pane: 0, key: 'd3' }, { type: 'close', pane: 0, key: 'd4' });
    const again = run(joined, toggle);
    expect(panes(again)[1]).toEqual({ tabs: [], activeKey: null });
    expect(again.active).toBe(1);
  });
});
