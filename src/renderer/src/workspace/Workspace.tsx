// The centre's pane area: one pane, or two resizable panes side by side (Ctrl+\).
import type { Dispatch } from 'react';
import { Splitter } from 'antd';
import { CloseOutlined, SplitCellsOutlined } from '@ant-design/icons';
import type { CaseFileView } from '../../../shared/api/cases';
import type { CaseItem } from '../casefile/items';
import { ToolButton } from '../viewers/ToolButton';
import { useSplitSizes } from '../lib/useSplitSizes';
import { PaneView } from './PaneView';
import type { WorkspaceAction, WorkspaceState } from './workspaceModel';
import type { Reveal } from './reveal';
import './workspace.css';
import { shortcutTip } from '../lib/shortcuts';

interface Props {
  state: WorkspaceState;
  dispatch: Dispatch<WorkspaceAction>;
  view: CaseFileView;
  itemsById: Map<string, CaseItem>;
  reveal: Reveal | null;
}

export function Workspace({ state, dispatch, view, itemsById, reveal }: Props) {
  const split = state.panes.length === 2;
  const { sizes, onResize, onResizeEnd } = useSplitSizes('split.panes', [50, 50]);
  const toggle = <ToolButton label={split ? shortcutTip('split', '取消并排') : shortcutTip('split', '并排显示')} icon={<SplitCellsOutlined />} active={split} onClick={() => dispatch({ type: 'toggleSplit' })} testId="toggle-split" />;
  const close = <ToolButton label="关闭右侧窗格" icon={<CloseOutlined />} onClick={() => dispatch({ type: 'toggleSplit' })} />;
  const left = <PaneView index={0} pane={state.panes[0]} active={state.active === 0} view={view} itemsById={itemsById} dispatch={dispatch} actions={toggle} reveal={reveal} />;
  if (!split || !state.panes[1]) return <div className="workspace">{left}</div>;
  return (
    <div className="workspace">
      <Splitter onResize={onResize} onResizeEnd={onResizeEnd}>
        <Splitter.Panel size={sizes[0]} min={240}>
          {left}
        </Splitter.Panel>
        <Splitter.Panel size={sizes[1]} min={240}>
          <PaneView index={1} pane={state.panes[1]} active={state.active === 1} view={view} itemsById={itemsById} dispatch={dispatch} actions={close} reveal={reveal} />
        </Splitter.Panel>
      </Splitter>
    </div>
  );
}
