// Centre region for one case: header, procedure timeline, the 文书/证据 tree and the pane area.
// J/K walk the tree into the active pane; Ctrl+\ splits the panes.
import { useMemo, useReducer } from 'react';
import { Splitter } from 'antd';
import type { CaseFileView } from '../../../shared/api/cases';
import { hasModifier, isCtrl, isTypingTarget } from '../lib/keys';
import { useGlobalKeys } from '../lib/useGlobalKeys';
import { useSplitSizes } from '../lib/useSplitSizes';
import { Workspace } from '../workspace/Workspace';
import { activeItemId, initialWorkspace, workspaceReducer } from '../workspace/workspaceModel';
import { CaseHeader } from './CaseHeader';
import { ProcedureTimeline } from './ProcedureTimeline';
import { ItemTree } from './ItemTree';
import { caseItemGroups, flattenGroups } from './items';
import './case.css';

export function CaseView({ view }: { view: CaseFileView }) {
  const groups = useMemo(() => caseItemGroups(view), [view]);
  const items = useMemo(() => flattenGroups(groups), [groups]);
  const itemsById = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const [ws, dispatch] = useReducer(workspaceReducer, initialWorkspace);
  const { sizes, onResize, onResizeEnd } = useSplitSizes('split.tree', [28, 72]);
  const selected = activeItemId(ws);

  useGlobalKeys((e) => {
    if (isCtrl(e, '\\')) {
      dispatch({ type: 'toggleSplit' });
      return true;
    }
    if (isTypingTarget(e.target) || hasModifier(e) || e.shiftKey) return false;
    const key = e.key.toLowerCase();
    if (key !== 'j' && key !== 'k') return false;
    const at = selected ? items.findIndex((i) => i.id === selected) : -1;
    const next = items[key === 'j' ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1)];
    if (next) dispatch({ type: 'open', itemId: next.id, target: 'active', preview: true });
    return true;
  });

  return (
    <div className="case-view" data-testid="case-view" data-case-id={view.id}>
      <div className="case-top">
        <CaseHeader view={view} />
        <ProcedureTimeline steps={view.timeline} />
      </div>
      <div className="case-main">
        <Splitter onResize={onResize} onResizeEnd={onResizeEnd}>
          <Splitter.Panel size={sizes[0]} min={200} max="45%">
            <ItemTree
              groups={groups}
              selectedId={selected}
              otherSide={ws.active === 0 ? '右侧' : '左侧'}
              onOpen={(itemId, target) => dispatch({ type: 'open', itemId, target })}
            />
          </Splitter.Panel>
          <Splitter.Panel size={sizes[1]} min={360}>
            <Workspace state={ws} dispatch={dispatch} view={view} itemsById={itemsById} />
          </Splitter.Panel>
        </Splitter>
      </div>
    </div>
  );
}
