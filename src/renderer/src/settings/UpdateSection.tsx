// 版本与更新: this version, the channel and where updates come from, the trusted release keys, the
// last check's outcome, and 检查更新 / 重启并安装.
import { Alert, Button, Progress } from 'antd';
import type { AppInfo, UpdateState, UpdateStatus } from '../../../shared/api/app';
import { chinaDateTime } from '../../../shared/format/date';
import { SHELL_LABEL } from '../lib/labels';

const TONE: Record<UpdateState, string> = {
  idle: 'muted',
  unconfigured: 'muted',
  checking: 'muted',
  'up-to-date': 't-ok',
  available: 't-ok',
  'not-in-rollout': 'muted',
  // Nothing published for this platform yet: a normal state, not a failure.
  'not-published': 'muted',
  downloading: 'muted',
  downloaded: 't-ok',
  installing: 'muted',
  error: 't-fail',
};

interface Props {
  info: AppInfo | null;
  status: UpdateStatus | null;
  error: string | null;
  busy: boolean;
  onCheck: () => void;
  onInstall: () => void;
}

export function UpdateSection({ info, status, error, busy, onCheck, onInstall }: Props) {
  return (
    <section className="st-section" aria-labelledby="st-update-h" data-testid="settings-update">
      <header className="st-section-h">
        <h3 id="st-update-h">版本与更新</h3>
      </header>
      <dl className="st-kv">
        <div className="st-row">
          <dt>当前版本</dt>
          <dd className="num" data-testid="st-version">
            {status?.currentVersion ?? info?.version ?? '…'}
            {info && <span className="muted small">　{SHELL_LABEL[info.shell]}</span>}
          </dd>
        </div>
        <div className="st-row">
          <dt>更新通道</dt>
          <dd data-testid="st-channel">{status?.channel ?? '…'}</dd>
        </div>
        <div className="st-row">
          <dt>更新来源</dt>
          <dd className="st-url" data-testid="st-feed">
            {status ? status.feedUrl ?? <span className="muted">未登录中心系统（可使用离线更新包）</span> : '…'}
          </dd>
        </div>
        <div className="st-row">
          <dt>发布密钥</dt>
          <dd data-testid="st-keys">
            {status && status.trustedKeys.length === 0 && <span className="t-fail">未配置：所有更新都会被拒绝</span>}
            {status?.trustedKeys.map((k) => (
              <div key={k.keyId}>
                <span className="num">{k.keyId}</span> <span className="muted small">{k.label}</span>
                {k.development && <div className="t-warn small">开发密钥，仅供测试；正式安装包不含此密钥</div>}
              </div>
            ))}
          </dd>
        </div>
        <div className="st-row">
          <dt>更新状态</dt>
          <dd data-testid="st-update-state" data-state={status?.state ?? ''}>
            <span className={status ? TONE[status.state] : 'muted'}>{status?.message ?? '…'}</span>
            {status?.checkedAt && <div className="small muted">上次检查 {chinaDateTime(status.checkedAt)}</div>}
            {status?.state === 'downloading' && status.progress && <Progress percent={status.progress.percent} size="small" />}
          </dd>
        </div>
      </dl>
      {error && <Alert type="error" showIcon title={error} />}
      <div className="st-actions">
        <Button onClick={onCheck} loading={busy || status?.state === 'checking'} disabled={status?.state === 'downloading' || status?.state === 'installing'} data-testid="st-check">
          检查更新
        </Button>
        {status?.state === 'downloaded' && !status.installBlocked && (
          <Button type="primary" onClick={onInstall} data-testid="st-install">
            重启并安装
          </Button>
        )}
      </div>
    </section>
  );
}
