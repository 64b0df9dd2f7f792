// One pane of the centre: a tab strip of open items (and 概要), its viewers kept alive across tab switches.
import type { Dispatch, ReactNode } from 'react';
import type { CaseFileView } from '../../../shared/api/cases';
import type { CaseItem } from '../casefile/items';
import { CaseSummary } from '../casefile/CaseSummary';
import { ItemViewer } from '../viewers/ItemViewer';
import { isOpinionTab, OpinionDocument } from '../opinion/OpinionDocument';
import { ShortcutKeys } from '../lib/ShortcutKeys';
import { PaneTabs, type PaneTab } from './PaneTabs';
import type { Reveal } from './reveal';
import { SUMMARY_TAB, type PaneIndex, type PaneState, type WorkspaceAction } from './workspaceModel';

interface Props {
  index: PaneIndex;
  pane: PaneState;
  active: boolean;
  view: CaseFileView;
  itemsById: Map<string, CaseItem>;
  dispatch: Dispatch<WorkspaceAction>;
  actions: ReactNode;
  /** Goes to the item's viewer in the active pane only. */
  reveal: Reveal | null;
}

export function PaneView({ index, pane, active, view, itemsById, dispatch, actions, reveal }: Props) {
  const side = index === 0 ? '左侧' : '右侧';
  const tabs = pane.tabs.flatMap((key): PaneTab[] => {
    if (key === SUMMARY_TAB) {
      const content = (
        <div className="pane-scroll" tabIndex={0} aria-label="案件概要">
          <CaseSummary view={view} />
        </div>
      );
      return [{ key, label: '概要', closable: false, content }];
    }
    const item = itemsById.get(key);
    if (!item) return [];
    const itemReveal = active && reveal?.itemId === key ? reveal : null;
    const content = isOpinionTab(key) ? <OpinionDocument caseId={view.id} item={item} reveal={itemReveal} /> : <ItemViewer item={item} reveal={itemReveal} />;
    return [{ key, label: item.title, closable: true, preview: pane.preview === key, content }];
  });

  return (
    <section
      className={`pane${active ? ' is-active' : ''}`}
      aria-label={`${side}窗格`}
      data-testid={`pane-${index}`}
      data-active={active}
      onMouseDownCapture={() => dispatch({ type: 'focusPane', pane: index })}
      onFocusCapture={() => dispatch({ type: 'focusPane', pane: index })}
    >
      <PaneTabs
        id={`pane${index}`}
        label={`${side}窗格的标签页`}
        tabs={tabs}
        activeKey={pane.activeKey}
        onActivate={(key) => dispatch({ type: 'activate', pane: index, key })}
        onClose={(key) => dispatch({ type: 'close', pane: index, key })}
        actions={actions}
      />
      {tabs.length === 0 && (
        <div className="centre-hint">
          <span>从文书与证据目录中选择要在{side}打开的材料</span>
          <span className="small">
            <ShortcutKeys id="itemStep" or=" / " /> 逐项浏览 · 右键“在{index === 0 ? '右侧' : '左侧'}打开”
          </span>
        </div>
      )}
    </section>
  );
}
