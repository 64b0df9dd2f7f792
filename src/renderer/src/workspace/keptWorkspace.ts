// Each case's workspace — open tabs, split, active pane, the 公示版 copies behind copy tabs, and the
// last reveal (search hit, citation) it has shown — kept in memory while the workstation is
// unlocked. The case view unmounts when the queue folds away or another case opens; mounting again
// it takes its workspace back, and a reveal it has already shown is not shown a second time.
// Not in localStorage: tab titles are case content, and the browser storage is not behind the lock.
import { useCallback, useEffect, useReducer, useState } from 'react';
import type { CaseItem } from '../casefile/items';
import type { Reveal } from './reveal';
import { initialWorkspace, workspaceReducer, type WorkspaceState } from './workspaceModel';

export interface KeptWorkspace {
  ws: WorkspaceState;
  copies: Map<string, CaseItem>;
  /** seq of the last reveal shown in this case (0: none). */
  revealSeq: number;
}

const kept = new Map<string, KeptWorkspace>();

export function keptWorkspace(caseId: string): KeptWorkspace {
  return kept.get(caseId) ?? { ws: initialWorkspace, copies: new Map(), revealSeq: 0 };
}

export function keepWorkspace(caseId: string, patch: Partial<KeptWorkspace>): void {
  kept.set(caseId, { ...keptWorkspace(caseId), ...patch });
}

/** True the first time a case is asked to show this reveal; false when it was shown already. */
export function takeReveal(caseId: string, reveal: Reveal): boolean {
  if (reveal.seq <= keptWorkspace(caseId).revealSeq) return false;
  keepWorkspace(caseId, { revealSeq: reveal.seq });
  return true;
}

/** On locking: the case data leaves the page, the remembered workspaces with it. */
export function forgetWorkspaces(): void {
  kept.clear();
}

/** The case view's workspace and copies, starting from (and written back to) what was kept. */
export function useKeptWorkspace(caseId: string) {
  const [ws, dispatch] = useReducer(workspaceReducer, caseId, (id) => keptWorkspace(id).ws);
  const [copies, setCopies] = useState(() => keptWorkspace(caseId).copies);
  useEffect(() => keepWorkspace(caseId, { ws, copies }), [caseId, ws, copies]);
  const take = useCallback((reveal: Reveal) => takeReveal(caseId, reveal), [caseId]);
  return { ws, dispatch, copies, setCopies, takeReveal: take };
}
