// 与中心系统同步 (the panel the status line opens): state, central system and login (the login
// form when not logged in, 退出登录 when logged in), last run;
// 立即同步 / 取消 with files, bytes, speed and time remaining while a run goes on; the submissions
// needing attention (案卷已更新 / 被退回, with the central system's reason and 打开案卷), the queue
// waiting to be sent (tries, last error), refused case packages; and the offline exchange by USB stick.
import { Alert, Button, Drawer, Progress, Switch, Tooltip } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { SyncRunResult, SyncStatusView } from '../../../shared/api/sync';
import { chinaDateTime } from '../../../shared/format/date';
import { autoText, formatBytes, progressText, syncLine } from './format';
import { AttentionList, QueuedList, RefusedList } from './SubmissionLists';
import { LoginForm } from './LoginForm';
import { OfflineExchange } from './OfflineExchange';
import { isRunning, syncActions, useSyncState } from './store';

function Overview({ view }: { view: SyncStatusView }) {
  const progress = useSyncState((s) => s.progress);
  const running = useSyncState(isRunning);
  const line = syncLine(view, progress, running, new Date());
  return (
    <dl className="sync-overview">
      <dt>状态</dt>
      <dd className={line.tone ? `t-${line.tone}` : undefined} data-testid="sync-panel-state">
        {line.kind === 'error' ? '出错' : line.text}
      </dd>
      {!running && view.lastError && (line.kind === 'offline' || line.kind === 'cancelled' || line.kind === 'error') && (
        <>
          <dt>原因</dt>
          <dd className="small" data-testid="sync-panel-reason">
            {view.lastError}
          </dd>
        </>
      )}
      <dt>中心系统</dt>
      <dd data-testid="sync-panel-server">
        {view.login ? (
          <>
            <span className="num">{view.login.server}</span>
            {view.login.user && <span className="muted"> · 用户 {view.login.user}</span>}
            <Button type="link" size="small" className="sync-logout" disabled={running} onClick={() => void syncActions.logout()} data-testid="sync-logout">
              退出登录
            </Button>
          </>
        ) : (
          <span className="muted">未登录</span>
        )}
      </dd>
      <dt>自动同步</dt>
      <dd className="small sync-auto">
        {view.auto && (
          <Switch size="small" checked={view.auto.enabled} onChange={(on) => void syncActions.setAuto(on)} aria-label="自动同步" data-testid="sync-auto-switch" />
        )}
        <span data-testid="sync-panel-auto">{autoText(view, running)}</span>
      </dd>
      <dt>上次同步</dt>
      <dd className="num" data-testid="sync-panel-last">
        {view.lastSyncAt ? chinaDateTime(view.lastSyncAt) : '尚未同步'}
      </dd>
      <dt>提交</dt>
      <dd>
        <span className={view.pending ? 't-warn' : undefined}>{view.pending} 项待发送</span>
        <span className="muted"> · </span>
        <span className={view.attention ? 't-warn' : undefined}>{view.attention} 件需处理</span>
      </dd>
    </dl>
  );
}

function RunProgress() {
  const p = useSyncState((s) => s.progress);
  const cancelling = useSyncState((s) => s.cancelling);
  const pulling = p?.phase === 'pull' && p.filesTotal > 0;
  const percent = pulling ? Math.floor(((p.bytesTotal ? p.bytesDone / p.bytesTotal : p.filesDone / p.filesTotal) || 0) * 100) : 0;
  const head = cancelling ? '正在取消…' : p?.phase === 'push' || !p ? '发送待发送的提交' : '接收案件';
  return (
    <div className="sync-progress" aria-live="polite" data-testid="sync-progress">
      <div className="sync-progress-head">
        <span>{head}</span>
        <span className="spacer" />
        {pulling && (
          <span className="num muted">
            {formatBytes(p.bytesDone)} / {formatBytes(p.bytesTotal)}
          </span>
        )}
      </div>
      <Progress percent={percent} size="small" status="active" showInfo={pulling} />
      <div className="small num" data-testid="sync-progress-text">
        {progressText(p)}
      </div>
      {/* The case of the last file received; until one is, the label is the phase's own (the head). */}
      {p?.label && pulling && p.label !== head && <div className="small muted ellipsis" data-testid="sync-progress-case">{p.label}</div>}
    </div>
  );
}

/** Worth a line of its own: counts beyond the status, a cancel, problems or notes (not a bare 离线 or 出错 — the 原因 row says it). */
function informative(r: SyncRunResult): boolean {
  const s = r.summary;
  return r.outcome === 'cancelled' || r.problems.length > 0 || (r.notes?.length ?? 0) > 0 || (r.outcome === 'synced' && s.pulled + s.sent + s.stale + s.rejected + s.refused + s.unassigned > 0);
}

function RunResult({ result }: { result: SyncRunResult }) {
  // A run that brought back a refusal or a stale answer went through, but it is not good news: the
  // reviewer has to act, so it is not shown in the all-clear green.
  const s = result.summary;
  const toActOn = s.rejected + s.stale + s.refused > 0;
  const type = result.outcome === 'error' ? 'error' : result.outcome === 'synced' && !toActOn ? 'success' : 'warning';
  return (
    <Alert
      type={type}
      showIcon
      className="sync-result"
      title={`本次同步：${result.outcome === 'cancelled' ? '已取消，已完成的部分已保存' : result.line}`}
      description={
        (result.problems.length > 0 || (result.notes?.length ?? 0) > 0) && (
          <ul className="sync-plain-list">
            {result.problems.slice(0, 5).map((p) => (
              <li key={p}>{p}</li>
            ))}
            {(result.notes ?? []).slice(0, 5).map((n) => (
              <li key={n} className="muted">
                {n}
              </li>
            ))}
          </ul>
        )
      }
      data-testid="sync-result"
    />
  );
}

function Body({ dataDir, onOpenCase }: { dataDir: string | null; onOpenCase: (caseId: string) => void }) {
  const view = useSyncState((s) => s.view);
  const loadError = useSyncState((s) => s.loadError);
  const running = useSyncState(isRunning);
  const cancelling = useSyncState((s) => s.cancelling);
  const result = useSyncState((s) => s.result);
  const runError = useSyncState((s) => s.runError);
  const loginNotices = useSyncState((s) => s.loginNotices);
  if (!view) return loadError ? <Alert type="error" showIcon title={loadError} /> : <div className="muted small">正在读取同步状态…</div>;
  return (
    <div className="sync-body" data-testid="sync-panel">
      <Overview view={view} />
      {view.login ? (
        <div className="sync-actions">
          <Button type="primary" loading={running} onClick={() => void syncActions.run()} data-testid="sync-run">
            {running ? '同步中' : '立即同步'}
          </Button>
          <Button disabled={!running || cancelling} onClick={() => void syncActions.cancel()} data-testid="sync-cancel">
            取消
          </Button>
          <span className="small muted">先发送提交，再接收案件；可随时取消，已完成的部分会保留</span>
        </div>
      ) : (
        <LoginForm lastServer={view.server} />
      )}
      {view.login && loginNotices.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="sync-result"
          title="已登录中心系统"
          description={
            <ul className="sync-plain-list">
              {loginNotices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
          data-testid="sync-login-notices"
        />
      )}
      {running && <RunProgress />}
      {!running && result && informative(result) && <RunResult result={result} />}
      {runError && <Alert type="error" showIcon title={runError} />}
      <AttentionList entries={view.needsAttention} total={view.attention} onOpenCase={onOpenCase} />
      <QueuedList entries={view.queued} total={view.pending} />
      <RefusedList entries={view.refused} />
      <OfflineExchange dataDir={dataDir} pending={view.pending} />
    </div>
  );
}

export function SyncPanel({ dataDir, onOpenCase }: { dataDir: string | null; onOpenCase: (caseId: string) => void }) {
  const open = useSyncState((s) => s.panelOpen);
  return (
    <Drawer
      open={open}
      onClose={syncActions.closePanel}
      afterOpenChange={syncActions.panelShown}
      title="与中心系统同步"
      placement="right"
      size={520}
      rootClassName="sync-drawer"
      extra={
        <Tooltip title="重新读取同步状态">
          <Button type="text" size="small" icon={<ReloadOutlined />} aria-label="重新读取同步状态" onClick={() => void syncActions.refresh()} data-testid="sync-refresh" />
        </Tooltip>
      }
    >
      {open && (
        <Body
          dataDir={dataDir}
          onOpenCase={(id) => {
            syncActions.closePanel();
            onOpenCase(id);
          }}
        />
      )}
    </Drawer>
  );
}
