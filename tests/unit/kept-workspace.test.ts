// The case workspaces kept for the session: per case, restored as left, a reveal shown only once,
// all gone on locking.
import { beforeEach, describe, expect, it } from 'vitest';
import { forgetWorkspaces, keepWorkspace, keptWorkspace, takeReveal } from '../../src/renderer/src/workspace/keptWorkspace';
import { makeReveal } from '../../src/renderer/src/workspace/reveal';
import { initialWorkspace, workspaceReducer, type WorkspaceState } from '../../src/renderer/src/workspace/workspaceModel';

function split(): WorkspaceState {
  let ws = initialWorkspace;
  ws = workspaceReducer(ws, { type: 'open', itemId: 'd1', target: 'active' });
  ws = workspaceReducer(ws, { type: 'open', itemId: 'd2', target: 'active' });
  ws = workspaceReducer(ws, { type: 'open', itemId: 'd3', target: 'other' });
  return workspaceReducer(ws, { type: 'activate', pane: 0, key: 'd1' });
}

describe('kept workspaces', () => {
  beforeEach(forgetWorkspaces);

  it('a case never seen starts with just 概要', () => {
    expect(keptWorkspace('c1').ws).toBe(initialWorkspace);
    expect(keptWorkspace('c1').copies.size).toBe(0);
  });

  it('each case gets back its own tabs, split and active tab', () => {
    const ws = split();
    keepWorkspace('c1', { ws });
    expect(keptWorkspace('c1').ws).toEqual({
      panes: [
        { tabs: ['summary', 'd1', 'd2'], activeKey: 'd1', preview: null },
        { tabs: ['d3'], activeKey: 'd3', preview: null },
      ],
      active: 0,
    });
    expect(keptWorkspace('c2').ws).toBe(initialWorkspace);
  });

  it('a reveal is taken once per case; a newer one is taken again', () => {
    const r = makeReveal({ itemId: 'd1', page: 2 });
    expect(takeReveal('c1', r)).toBe(true);
    expect(takeReveal('c1', r)).toBe(false);
    keepWorkspace('c1', { ws: split() }); // keeping tabs does not forget the reveal
    expect(takeReveal('c1', r)).toBe(false);
    expect(takeReveal('c1', makeReveal({ itemId: 'd1', page: 2 }))).toBe(true);
  });

  it('locking forgets every case', () => {
    keepWorkspace('c1', { ws: split() });
    takeReveal('c1', makeReveal({ itemId: 'd1' }));
    forgetWorkspaces();
    expect(keptWorkspace('c1')).toEqual({ ws: initialWorkspace, copies: new Map(), revealSeq: 0 });
  });
});
