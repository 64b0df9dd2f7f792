// Left column of the case view: 目录 (the 文书/证据 tree) or 批注 (the case's highlights and notes),
// with 校验案卷 at hand. Both panels stay mounted so each keeps its scroll position.
import type { KeyboardEvent, ReactNode } from 'react';
import { Button, Tooltip } from 'antd';
import { LoadingOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { usePersistentState } from '../lib/usePersistentState';

export type SidebarTab = 'tree' | 'notes';
const isTab = (v: unknown): v is SidebarTab => v === 'tree' || v === 'notes';

interface Props {
  tab: SidebarTab;
  onTab: (tab: SidebarTab) => void;
  noteCount: number;
  verifying: boolean;
  onVerify: () => void;
  tree: ReactNode;
  notes: ReactNode;
  /** More actions beside 校验案卷 (审计记录). */
  extra?: ReactNode;
}

export function useSidebarTab() {
  return usePersistentState<SidebarTab>('case.sidebar', 'tree', isTab);
}

export function CaseSidebar({ tab, onTab, noteCount, verifying, onVerify, tree, notes, extra }: Props) {
  const tabs: { key: SidebarTab; label: ReactNode; name: string }[] = [
    { key: 'tree', label: '目录', name: '目录' },
    {
      key: 'notes',
      name: '批注',
      label: (
        <>
          批注 <span className="num tab-count">{noteCount}</span>
        </>
      ),
    },
  ];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const next = tab === 'tree' ? 'notes' : 'tree';
    onTab(next);
    requestAnimationFrame(() => document.getElementById(`case-side-tab-${next}`)?.focus());
  };
  return (
    <div className="case-side">
      <div className="case-side-bar">
        <div role="tablist" aria-label="案卷侧栏" className="side-tabs" onKeyDown={onKeyDown}>
          {tabs.map((t) => (
            <button
              key={t.key}
              type="button"
              role="tab"
              id={`case-side-tab-${t.key}`}
              aria-selected={tab === t.key}
              aria-controls={`case-side-panel-${t.key}`}
              tabIndex={tab === t.key ? 0 : -1}
              className={`side-tab${tab === t.key ? ' is-active' : ''}`}
              onClick={() => onTab(t.key)}
              data-testid={`side-tab-${t.key}`}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className="spacer" />
        {extra}
        {/* A spinner, not antd's `loading` (which swallows clicks): while the check runs a click reopens its dialog (取消校验). */}
        <Tooltip title="校验案卷：重新计算本案全部文件的校验值（完好 / 已篡改 / 缺失）" mouseEnterDelay={0.4}>
          <Button size="small" type="text" icon={verifying ? <LoadingOutlined /> : <SafetyCertificateOutlined />} aria-busy={verifying} onClick={onVerify} aria-label="校验案卷" data-testid="verify-case">
            <span className="side-verify-label">校验案卷</span>
          </Button>
        </Tooltip>
      </div>
      <div id="case-side-panel-tree" role="tabpanel" aria-labelledby="case-side-tab-tree" className="case-side-panel" hidden={tab !== 'tree'}>
        {tree}
      </div>
      <div id="case-side-panel-notes" role="tabpanel" aria-labelledby="case-side-tab-notes" className="case-side-panel" hidden={tab !== 'notes'}>
        {notes}
      </div>
    </div>
  );
}
