// The status bar's sync corner: one line (已同步（14:05） · 同步中（文件 3/12，…） · 离线（2 项待发送）
// · 出错（原因） · 未登录中心系统), the count of submissions needing attention, and the sync panel it
// opens. Tells the window when cases may have changed (a run ended, a sync elsewhere, an import).
import { useEffect, useRef } from 'react';
import { CheckCircleOutlined, CloudOutlined, DisconnectOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { useOpinionState } from '../opinion/store';
import { syncLine, type LineKind } from './format';
import { SyncPanel } from './SyncPanel';
import { isRunning, syncActions, useSyncState } from './store';
import './sync.css';

const ICON: Record<LineKind, React.ReactNode> = {
  loading: <CloudOutlined aria-hidden />,
  'logged-out': <CloudOutlined aria-hidden />,
  never: <CloudOutlined aria-hidden />,
  running: <SyncOutlined spin aria-hidden />,
  synced: <CheckCircleOutlined aria-hidden />,
  offline: <DisconnectOutlined aria-hidden />,
  cancelled: <CloudOutlined aria-hidden />,
  error: <ExclamationCircleOutlined aria-hidden />,
};

interface Props {
  dataDir: string | null;
  /** Open a case (打开案卷 on a stale or rejected submission). */
  onOpenCase: (caseId: string) => void;
  /** Cases may have changed: reload the queue and the open case. */
  onChanged: () => void;
}

export function SyncStatus({ dataDir, onOpenCase, onChanged }: Props) {
  const view = useSyncState((s) => s.view);
  const progress = useSyncState((s) => s.progress);
  const running = useSyncState(isRunning);
  const changes = useSyncState((s) => s.changes);
  // Signing queues a submission: the 待发送 count follows at once (the opinion store changes then).
  const opinions = useOpinionState((s) => s.cases);
  useEffect(() => {
    void syncActions.refresh();
  }, [opinions]);
  const seen = useRef(changes);
  useEffect(() => {
    if (changes === seen.current) return;
    seen.current = changes;
    onChanged();
  }, [changes, onChanged]);

  const line = syncLine(view, progress, running, new Date());
  const attention = view?.attention ?? 0;
  return (
    <>
      <button
        type="button"
        className={`sb-button sync-line${line.tone ? ` t-${line.tone}` : ''}`}
        title={`${line.title}${attention ? `；${attention} 件提交需要处理` : ''}`}
        onClick={syncActions.openPanel}
        aria-haspopup="dialog"
        data-testid="sync-status"
        data-state={line.kind}
      >
        {ICON[line.kind]}
        <span className="ellipsis">{line.text}</span>
        {attention > 0 && (
          <span className="sync-attention" data-testid="sync-attention">
            {attention} 件需处理
          </span>
        )}
      </button>
      <SyncPanel dataDir={dataDir} onOpenCase={onOpenCase} />
    </>
  );
}
