// The main window: queue | case file | review panel (审核要点), status bar below. 1–9/0 open P1–P10.
// Ctrl+K focuses the queue's search box (expanding the queue when it is collapsed): typing filters the
// queue, Enter searches everything; opening a hit opens its case and reveals the spot in the item.
// Hash routes lead to the meeting module (集体讨论) and its audience screen instead.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Splitter, type InputRef } from 'antd';
import { CaseQueue } from './queue/CaseQueue';
import { useCaseQueue } from './queue/useCaseQueue';
import { Centre } from './shell/Centre';
import { QueueRail } from './shell/QueueRail';
import { StatusBar } from './shell/StatusBar';
import { SettingsHost } from './settings/SettingsHost';
import { CrashNotice } from './shell/CrashNotice';
import { ApprovalDialog } from './audit/ApprovalDialog';
import { ShortcutsDialog } from './shell/ShortcutsDialog';
import { useAppInfo } from './shell/useAppInfo';
import { isCtrl } from './lib/keys';
import { CTRL_KEY } from './lib/shortcuts';
import { useGlobalKeys } from './lib/useGlobalKeys';
import { isBoolean, usePersistentState } from './lib/usePersistentState';
import { useMainSplit } from './shell/useMainSplit';
import { foldsOnOpen } from './shell/queueFold';
import { keptWorkspace } from './workspace/keptWorkspace';
import type { SearchGroup, SearchHit } from '../../shared/api/evidence';
import { makeReveal, type Reveal, type RevealTarget } from './workspace/reveal';
import { SUMMARY_TAB } from './workspace/workspaceModel';
import { ReviewPanel } from './review/ReviewPanel';
import { ReviewRail } from './review/ReviewRail';
import { moveLegacyDrafts } from './review/legacyDrafts';
import { usePointKeys, type PointJump } from './review/usePointKeys';
import { useMeetingRoute } from './meeting/route';
import { AudiencePage } from './meeting/audience/AudiencePage';
import { MeetingsScreen } from './meeting/MeetingsScreen';
import './shell/shell.css';

/**
 * The review workbench, or a meeting route (#/meetings…, the audience screen #/meeting/<id>/audience).
 * Every route but the audience screen has the 快捷键 overview (“?”).
 */
export function App() {
  const route = useMeetingRoute();
  if (route?.kind === 'audience') return <AudiencePage id={route.id} />;
  return (
    <>
      {route ? <MeetingsScreen route={route} /> : <Workbench />}
      <ShortcutsDialog />
    </>
  );
}

function Workbench() {
  const queue = useCaseQueue();
  const app = useAppInfo();
  const [caseId, setCaseId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = usePersistentState('queue.collapsed', false, isBoolean);
  const [reviewCollapsed, setReviewCollapsed] = usePersistentState('review.collapsed', false, isBoolean);
  const showReview = caseId !== null && !reviewCollapsed;
  // Folded for the moment because the window is narrow (queueFold.ts); `collapsed` is the reviewer's own, remembered.
  const [folded, setFolded] = useState(false);
  const queueHidden = collapsed || folded;
  const split = useMainSplit({ queue: !queueHidden, review: showReview, wideQueue: caseId === null && queue.rows.length > 0 });
  const foldsFor = (panes: 1 | 2) => foldsOnOpen(window.innerWidth, split.widths.queue, reviewCollapsed ? 0 : split.widths.review, panes);
  const expandQueue = () => {
    setCollapsed(false);
    setFolded(false);
  };
  const openFromQueue = (id: string) => {
    setCaseId(id);
    if (foldsFor(keptWorkspace(id).ws.panes.length)) setFolded(true);
  };
  // The reviewer split the case file's panes (the queue may be shown: brought back by hand, or wide enough for one pane).
  const onSplit = () => {
    if (!queueHidden && foldsFor(2)) setFolded(true);
  };
  const [jump, setJump] = useState<{ caseId: string; jump: PointJump } | null>(null);
  // Bumped when the review changes the case's status, so the queue and the case header follow.
  const [caseVersion, setCaseVersion] = useState(0);
  const onStatusChange = useCallback(() => {
    void queue.reload();
    setCaseVersion((v) => v + 1);
  }, [queue.reload]);
  // Bumped when a sync brought cases (a new round of the open case reloads its review panel).
  const [syncVersion, setSyncVersion] = useState(0);
  const searchRef = useRef<InputRef>(null);
  useEffect(() => void moveLegacyDrafts().catch(() => undefined), []);
  const [reveal, setReveal] = useState<{ caseId: string; reveal: Reveal } | null>(null);

  // terms: the search's words (SearchResult.terms), marked beside the hit.
  const openHit = (group: SearchGroup, hit: SearchHit, terms: readonly string[]) => {
    setCaseId(group.caseId);
    const find = { text: hit.snippet.match, before: hit.snippet.before, after: hit.snippet.after, occurrence: hit.occurrence, terms };
    const target = hit.kind === 'page' && hit.itemId ? makeReveal({ itemId: hit.itemId, page: hit.page ?? 1, find }) : makeReveal({ itemId: SUMMARY_TAB });
    setReveal({ caseId: group.caseId, reveal: target });
  };

  const revealInCase = (target: RevealTarget) => caseId && setReveal({ caseId, reveal: makeReveal(target) });
  usePointKeys(caseId !== null, (j) => {
    if (!caseId) return;
    setReviewCollapsed(false);
    setJump({ caseId, jump: j });
  });

  useGlobalKeys((e) => {
    if (!isCtrl(e, CTRL_KEY.search)) return false;
    if (queueHidden) {
      expandQueue();
      requestAnimationFrame(() => searchRef.current?.focus({ cursor: 'all' }));
    } else searchRef.current?.focus({ cursor: 'all' });
    return true;
  });

  const reloadAll = async () => {
    await queue.reload();
    app.reload();
  };
  const queueState = { ...queue, reload: reloadAll };
  const onCasesChanged = useCallback(() => {
    void queue.reload();
    app.reload();
    setCaseVersion((v) => v + 1);
    setSyncVersion((v) => v + 1);
  }, [queue.reload, app.reload]);
  const openFromSync = useCallback((id: string) => {
    setCaseId(id);
    setReviewCollapsed(false);
  }, [setReviewCollapsed]);

  return (
    <>
      <main className="workbench">
        <h1 className="sr-only">法审工作台</h1>
        {queueHidden && <QueueRail count={queue.rows.length} onExpand={expandQueue} />}
        <Splitter onResize={split.onResize} onResizeEnd={split.onResizeEnd}>
          {!queueHidden && (
            <Splitter.Panel size={split.queue} min={300} max={split.wide ? undefined : '70%'} resizable={!split.wide}>
              <CaseQueue queue={queueState} selectedId={caseId} onOpen={openFromQueue} onCollapse={() => setCollapsed(true)} searchRef={searchRef} onOpenHit={openHit} />
            </Splitter.Panel>
          )}
          <Splitter.Panel size={split.centre} min={480}>
            <Centre caseId={caseId} hasCases={queue.rows.length > 0} reveal={reveal?.caseId === caseId ? reveal.reveal : null} version={caseVersion} onSplit={onSplit} />
          </Splitter.Panel>
          {showReview && (
            <Splitter.Panel size={split.review} min={300} max="50%">
              <ReviewPanel key={`${caseId}#${syncVersion}`} caseId={caseId} onCollapse={() => setReviewCollapsed(true)} onReveal={revealInCase} onStatusChange={onStatusChange} jump={jump?.caseId === caseId ? jump.jump : null} />
            </Splitter.Panel>
          )}
        </Splitter>
        {caseId !== null && reviewCollapsed && <ReviewRail onExpand={() => setReviewCollapsed(false)} />}
      </main>
      <StatusBar info={app.info} error={app.error} onOpenCase={openFromSync} onCasesChanged={onCasesChanged} />
      <SettingsHost info={app.info} onCasesImported={reloadAll} />
      <CrashNotice />
      <ApprovalDialog />
    </>
  );
}
