// Centre region for one case: header, procedure timeline, the 目录/标注 sidebar and the pane area.
// J/K (or PageDown/PageUp outside a PDF) walk the tree into the active pane; Ctrl+\ splits the panes.
// Owns the case's annotations, integrity states and "reveal" requests (search hits, list clicks); its
// workspace (tabs, split) outlives the view (keptWorkspace), so folding the queue or switching case keeps it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Splitter } from 'antd';
import type { CaseFileView } from '../../../shared/api/cases';
import type { Annotation, RedactedCopy } from '../../../shared/api/evidence';
import { markPage } from '../../../shared/mark-page';
import { hasModifier, isCtrl, isTypingTarget } from '../lib/keys';
import { CTRL_KEY } from '../lib/shortcuts';
import { useGlobalKeys } from '../lib/useGlobalKeys';
import { useSplitSizes } from '../lib/useSplitSizes';
import { Workspace } from '../workspace/Workspace';
import { activeItemId } from '../workspace/workspaceModel';
import { useKeptWorkspace } from '../workspace/keptWorkspace';
import { makeReveal, type Reveal } from '../workspace/reveal';
import { AnnotationsContext } from '../annotations/AnnotationsContext';
import { AnnotationList } from '../annotations/AnnotationList';
import { useAnnotationStore } from '../annotations/useAnnotationStore';
import { IntegrityDialog } from '../integrity/IntegrityDialog';
import { useCaseFileStates } from '../integrity/useCaseFileStates';
import { CaseActionsContext, type CaseActions } from './CaseActions';
import { CaseHeader } from './CaseHeader';
import { CaseSidebar, useSidebarTab } from './CaseSidebar';
import { ProcedureTimeline } from './ProcedureTimeline';
import { ItemTree } from './ItemTree';
import { treeSizes } from './treeWidth';
import { useLayoutWidth } from '../lib/useLayoutWidth';
import { caseItemGroups, fileKind, flattenGroups, type CaseItem } from './items';
import { useOpinionItems } from '../opinion/OpinionDocument';
import { preloadPdfViewer } from '../viewers/ItemViewer';
import { MIN_TREE_PX } from '../shell/queueFold';
import { AuditTrailButton } from '../audit/AuditTrail';
import './case.css';

interface Props {
  view: CaseFileView;
  /** A request from outside (a search hit) to open an item here and show a spot in it. */
  reveal?: Reveal | null;
  /** Called when the reviewer splits the panes (the main window may fold the queue for them). */
  onSplit?: () => void;
}

function copyItem(copy: RedactedCopy, source: CaseItem): CaseItem {
  return {
    id: `copy:${copy.sha256}`,
    group: source.group,
    kind: '公示版',
    title: `${source.title}（公示版）`,
    date: source.date,
    detail: copy.fileName,
    derived: { sourceId: source.id },
    file: {
      path: copy.fileName,
      sha256: copy.sha256,
      size: copy.size,
      mime: 'application/pdf',
      present: true,
      state: 'ok',
      detectedMime: 'application/pdf',
      pageCount: null,
      textState: 'done',
      problem: null,
    },
  };
}

function revealFor(a: Annotation): Reveal {
  const page = markPage(a);
  return makeReveal({
    itemId: a.itemId,
    annotationId: a.id,
    ...(page !== null ? { page } : {}),
    ...(a.anchor.type === 'time' ? { seconds: a.anchor.seconds } : {}),
  });
}

export function CaseView({ view, reveal: external = null, onSplit }: Props) {
  const groups = useMemo(() => caseItemGroups(view), [view]);
  const items = useMemo(() => flattenGroups(groups), [groups]);
  // A case with PDFs: load the viewer's code and start the pdf.js worker now, not on the first click.
  const hasPdf = items.some((i) => fileKind(i.file) === 'pdf');
  useEffect(() => {
    if (hasPdf) preloadPdfViewer();
  }, [hasPdf]);
  const { ws, dispatch, copies, setCopies, takeReveal } = useKeptWorkspace(view.id);
  // Opinion PDFs (preview / signed versions) asked for by the review panel open like copies.
  const opinionTabs = useMemo(
    () => ({
      open: (itemId: string) => dispatch({ type: 'open', itemId, target: 'active' }),
      close: (key: string) => ([0, 1] as const).forEach((pane) => dispatch({ type: 'close', pane, key })),
    }),
    [dispatch],
  );
  const opinionItems = useOpinionItems(view.id, opinionTabs);
  const itemsById = useMemo(() => new Map([...items.map((i) => [i.id, i] as const), ...copies, ...opinionItems]), [items, copies, opinionItems]);
  const { sizes: shares, onResize, onResizeEnd } = useSplitSizes('split.tree', [28, 72]);
  const [mainRef, mainWidth] = useLayoutWidth<HTMLDivElement>();
  const sizes = mainWidth > 0 ? treeSizes(mainWidth, Number.parseFloat(shares[0] ?? '28')) : shares;
  const selected = activeItemId(ws);
  const store = useAnnotationStore(view.id);
  const [tab, setTab] = useSidebarTab();
  const [reveal, setReveal] = useState<Reveal | null>(null);

  // One pane becoming two, by the reviewer's hand (a view mounting with its kept split is not a new split).
  const panes = ws.panes.length;
  const lastPanes = useRef(panes);
  useEffect(() => {
    if (panes === 2 && lastPanes.current === 1) onSplit?.();
    lastPanes.current = panes;
  }, [panes, onSplit]);

  // Integrity: states reported by viewers (check on opening) and by 校验案卷.
  const { verify, states, verified, report, runVerify: verifyNow } = useCaseFileStates(view.id, items);
  const [verifyOpen, setVerifyOpen] = useState(false);
  const runVerify = () => {
    setVerifyOpen(true);
    if (verify.running) return; // reopened while it runs: show progress and 取消校验, don't start another
    void verifyNow();
  };

  const show = useCallback((r: Reveal) => {
    dispatch({ type: 'open', itemId: r.itemId, target: 'active' });
    setReveal(r);
  }, [dispatch]);

  // A reveal outlives the view in the app's state: shown once, not again when the view mounts anew.
  useEffect(() => {
    if (external && takeReveal(external)) show(external);
  }, [external, show, takeReveal]);

  const actions = useMemo<CaseActions>(
    () => ({
      caseId: view.id,
      openCopy: (copy, source) => {
        const item = copyItem(copy, source);
        setCopies((m) => new Map(m).set(item.id, item));
        dispatch({ type: 'open', itemId: item.id, target: 'other' });
      },
      reportFileState: report,
    }),
    [view.id, dispatch, setCopies, report],
  );

  useGlobalKeys((e) => {
    if (isCtrl(e, CTRL_KEY.split)) {
      dispatch({ type: 'toggleSplit' });
      return true;
    }
    if (isTypingTarget(e.target) || hasModifier(e) || e.shiftKey) return false;
    const key = e.key.toLowerCase();
    const paging = key === 'pagedown' || key === 'pageup';
    if (paging && e.target instanceof Element && e.target.closest('.pdf-viewer, [role="grid"], .ant-modal, .ant-select-dropdown')) return false;
    if (key !== 'j' && key !== 'k' && !paging) return false;
    const forward = key === 'j' || key === 'pagedown';
    const at = selected ? items.findIndex((i) => i.id === selected) : -1;
    const next = items[forward ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1)];
    if (next) dispatch({ type: 'open', itemId: next.id, target: 'active', preview: true });
    return true;
  });

  const tree = (
    <ItemTree
      groups={groups}
      selectedId={selected}
      otherSide={ws.active === 0 ? '右侧' : '左侧'}
      onOpen={(itemId, target) => dispatch({ type: 'open', itemId, target })}
      states={states}
      verified={verified}
    />
  );
  const notes = <AnnotationList store={store} itemsById={itemsById} onReveal={(a) => show(revealFor(a))} />;

  return (
    <AnnotationsContext.Provider value={store}>
      <CaseActionsContext.Provider value={actions}>
        <div className="case-view" data-testid="case-view" data-case-id={view.id}>
          <div className="case-top">
            <CaseHeader view={view} />
            <ProcedureTimeline steps={view.timeline} />
          </div>
          <div className="case-main" ref={mainRef}>
            <Splitter onResize={onResize} onResizeEnd={onResizeEnd}>
              <Splitter.Panel size={sizes[0]} min={MIN_TREE_PX} max="45%">
                <CaseSidebar
                  tab={tab}
                  onTab={setTab}
                  noteCount={store.list.length}
                  verifying={verify.running}
                  onVerify={runVerify}
                  tree={tree}
                  notes={notes}
                  extra={<AuditTrailButton caseId={view.id} caseNumber={view.caseNumber} itemTitle={(id) => itemsById.get(id)?.title ?? null} />}
                />
              </Splitter.Panel>
              <Splitter.Panel size={sizes[1]} min={360}>
                <Workspace state={ws} dispatch={dispatch} view={view} itemsById={itemsById} reveal={reveal} />
              </Splitter.Panel>
            </Splitter>
          </div>
          <IntegrityDialog
            open={verifyOpen}
            verify={verify}
            onClose={() => setVerifyOpen(false)}
            onOpenItem={(itemId) => {
              setVerifyOpen(false);
              dispatch({ type: 'open', itemId, target: 'active' });
            }}
          />
        </div>
      </CaseActionsContext.Provider>
    </AnnotationsContext.Provider>
  );
}
