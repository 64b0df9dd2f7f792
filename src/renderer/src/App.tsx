// The main window: queue | case file (| review panel, later), status bar below.
// Ctrl+K focuses the queue filter (expanding the queue when it is collapsed).
import { useRef, useState } from 'react';
import { Splitter, type InputRef } from 'antd';
import { CaseQueue } from './queue/CaseQueue';
import { useCaseQueue } from './queue/useCaseQueue';
import { Centre } from './shell/Centre';
import { QueueRail } from './shell/QueueRail';
import { StatusBar } from './shell/StatusBar';
import { useAppInfo } from './shell/useAppInfo';
import { isCtrl } from './lib/keys';
import { useGlobalKeys } from './lib/useGlobalKeys';
import { isBoolean, usePersistentState } from './lib/usePersistentState';
import { useSplitSizes } from './lib/useSplitSizes';
import './shell/shell.css';

export function App() {
  const queue = useCaseQueue();
  const app = useAppInfo();
  const [caseId, setCaseId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = usePersistentState('queue.collapsed', false, isBoolean);
  const { sizes, onResize, onResizeEnd } = useSplitSizes('split.main', [38, 62]);
  const searchRef = useRef<InputRef>(null);

  useGlobalKeys((e) => {
    if (!isCtrl(e, 'k')) return false;
    if (collapsed) {
      setCollapsed(false);
      requestAnimationFrame(() => searchRef.current?.focus({ cursor: 'all' }));
    } else searchRef.current?.focus({ cursor: 'all' });
    return true;
  });

  const reloadAll = async () => {
    await queue.reload();
    app.reload();
  };
  const queueState = { ...queue, reload: reloadAll };

  return (
    <>
      <main className="workbench">
        <h1 className="sr-only">法审工作台</h1>
        {collapsed && <QueueRail count={queue.rows.length} onExpand={() => setCollapsed(false)} />}
        <Splitter onResize={onResize} onResizeEnd={onResizeEnd}>
          {!collapsed && (
            <Splitter.Panel size={sizes[0]} min={300} max="70%">
              <CaseQueue queue={queueState} selectedId={caseId} onOpen={setCaseId} onCollapse={() => setCollapsed(true)} searchRef={searchRef} />
            </Splitter.Panel>
          )}
          <Splitter.Panel size={collapsed ? undefined : sizes[1]} min={480}>
            <Centre caseId={caseId} hasCases={queue.rows.length > 0} />
          </Splitter.Panel>
        </Splitter>
      </main>
      <StatusBar info={app.info} error={app.error} />
    </>
  );
}
