// First start: nothing to review yet. Offer what the line says — 导入案卷包… (the sync panel's import
// form) and 立即同步 when logged in to the central system, or how to log in — and, apart, the demo
// case files (with progress and a readable result).
import { useEffect, useState } from 'react';
import { Alert, Button, Progress } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ImportOutcome } from '../../../shared/api/cases';
import type { ApiEvents } from '../../../shared/api/events';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { ImportResult } from './ImportResult';
import { isRunning, syncActions, useSyncState } from '../sync/store';

interface Props {
  /** Called with the outcomes; the queue shows them once it has reloaded. */
  onImported: (outcomes: ImportOutcome[]) => void | Promise<void>;
}

export function EmptyQueue({ onImported }: Props) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ApiEvents['import.progress'] | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => api.on('import.progress', setProgress), []);

  const load = async () => {
    setBusy(true);
    setError(null);
    setOutcomes(null);
    setProgress(null);
    try {
      const result = await api.call('cases.loadDemo', {});
      setOutcomes(result);
      await onImported(result);
    } catch (err) {
      setError(errorText(err, '演示案卷载入失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="queue-empty" data-testid="queue-empty">
      <InboxOutlined style={{ fontSize: 32, color: 'rgba(0,0,0,0.35)' }} aria-hidden />
      <p>尚无待审案件 — 同步中心系统或导入案卷包</p>
      <RealCases />
      <div className="queue-empty-demo">
        <Button size="small" loading={busy} onClick={() => void load()} data-testid="load-demo">
          载入演示案卷
        </Button>
        <div className="small muted">生成一组虚构的示例案件并导入本机，供试用和培训</div>
      </div>
      {busy && (
        <div style={{ width: '100%' }} aria-live="polite">
          <Progress percent={percent} size="small" status="active" />
          <div className="small muted ellipsis">{progress ? `${progress.done}/${progress.total} ${progress.label}` : '正在准备演示案卷…'}</div>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} className="import-result" />}
      {outcomes && <ImportResult outcomes={outcomes} />}
    </div>
  );
}

/** The two ways real cases come in: from a USB stick (the sync panel's import form) or by a sync (logged in), else how to log in. */
function RealCases() {
  const view = useSyncState((s) => s.view);
  const running = useSyncState(isRunning);
  const login = view?.login ?? null;
  return (
    <>
      <div className="queue-empty-actions">
        <Button type={login ? 'default' : 'primary'} onClick={syncActions.openImport} data-testid="empty-import">
          导入案卷包…
        </Button>
        {login ? (
          <Button
            type="primary"
            loading={running}
            onClick={() => {
              // The panel shows the run's progress and what it brought.
              syncActions.openPanel();
              void syncActions.run();
            }}
            data-testid="empty-sync"
          >
            {running ? '同步中' : '立即同步'}
          </Button>
        ) : (
          view && (
            <Button onClick={syncActions.openPanel} data-testid="empty-login">
              登录中心系统…
            </Button>
          )
        )}
      </div>
      {view && (
        <div className="small muted" data-testid="empty-hint">
          {login
            ? `已登录中心系统（${login.server}）：“立即同步”取回分配给您的案件。U 盘带来的案卷包（.zip）、案卷文件夹或装有多个案卷文件夹的文件夹，用“导入案卷包…”。`
            : '未登录中心系统：点“登录中心系统…”（或左下角的“未登录中心系统”），填写服务器地址、用户名和密码。没有网络时，用“导入案卷包…”导入 U 盘上的案卷包（.zip）、案卷文件夹或装有多个案卷文件夹的文件夹。'}
        </div>
      )}
    </>
  );
}
