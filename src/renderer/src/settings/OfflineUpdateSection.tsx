// 离线更新: a .fsupdate carried on a USB stick. 验证 checks the release signature and every file's
// SHA-512 and shows what the file holds; 安装并重启 then installs it (desktop only — the browser host
// says so). A refused file says why, in the words of the check that refused it.
import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { unquotePath, type OfflineApplyResult, type OfflineUpdateView } from '../../../shared/api/app';
import { ApiFailure } from '../../../shared/api/result';
import { formatBytes } from '../../../shared/format/bytes';
import { chinaDateTime } from '../../../shared/format/date';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { useSettingsState } from './store';

type Problem = { message: string; details: string[] };

function problemOf(err: unknown, fallback: string): Problem {
  return { message: errorText(err, fallback), details: err instanceof ApiFailure ? (err.error.details ?? []) : [] };
}

export function OfflineUpdateSection({ canPickFile, installBlocked }: { canPickFile: boolean; installBlocked: string | null }) {
  const id = useId();
  const offered = useSettingsState((s) => s.offered);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState<'verify' | 'apply' | null>(null);
  const [verified, setVerified] = useState<OfflineUpdateView | null>(null);
  const [applied, setApplied] = useState<OfflineApplyResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  // Each answer (验证, 安装) counts; the section sits at the drawer's foot, so at 1366×768 an answer
  // would open below the fold and 验证 would seem to do nothing: it is brought into view and focused.
  const [answered, setAnswered] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answered === 0) return;
    const el = resultRef.current;
    if (!el || !el.childElementCount) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    el.focus({ preventScroll: true });
  }, [answered]);

  const verify = async (p = path) => {
    // A path copied with Windows' 复制文件地址 comes in quotes.
    const file = unquotePath(p);
    if (!file) {
      setProblem({ message: '请填写离线更新包（.fsupdate）的完整路径', details: [] });
      return setAnswered((n) => n + 1);
    }
    setBusy('verify');
    setProblem(null);
    setVerified(null);
    setApplied(null);
    try {
      setVerified(await api.call('app.verifyOfflineUpdate', { path: file }));
    } catch (err) {
      setProblem(problemOf(err, '离线更新包未通过验证'));
    } finally {
      setBusy(null);
      setAnswered((n) => n + 1);
    }
  };

  // A file opened through the .fsupdate association is verified at once.
  useEffect(() => {
    if (!offered) return;
    setPath(offered.path);
    void verify(offered.path);
  }, [offered?.seq]);

  const pick = async () => {
    try {
      const r = await api.call('app.pickUpdateFile', {});
      if (r.path) {
        setPath(r.path);
        void verify(r.path);
      }
    } catch (err) {
      setProblem(problemOf(err, '无法打开文件对话框'));
    }
  };

  const apply = async () => {
    if (!verified) return;
    setBusy('apply');
    setProblem(null);
    try {
      setApplied(await api.call('app.applyOfflineUpdate', { path: verified.path }));
    } catch (err) {
      setProblem(problemOf(err, '离线更新未能安装'));
    } finally {
      setBusy(null);
      setAnswered((n) => n + 1);
    }
  };

  return (
    <section className="st-section" aria-labelledby={`${id}-h`} data-testid="settings-offline">
      <header className="st-section-h">
        <h3 id={`${id}-h`}>离线更新</h3>
      </header>
      <p className="small muted st-hint">没有网络时，可用 U 盘带来的离线更新包（.fsupdate）更新。安装前会核对发布签名和每个文件的 SHA-512。</p>
      <div className="st-path">
        <label htmlFor={`${id}-path`} className="sr-only">
          离线更新包路径
        </label>
        <Input
          id={`${id}-path`}
          value={path}
          onChange={(e) => setPath(e.target.value)}
          onPressEnter={() => void verify()}
          placeholder="例如 E:\法审工作台\Fashen-0.2.0.fsupdate"
          spellCheck={false}
          data-testid="st-offline-path"
        />
        {canPickFile && (
          <Button icon={<FolderOpenOutlined />} onClick={() => void pick()}>
            选择文件…
          </Button>
        )}
        <Button onClick={() => void verify()} loading={busy === 'verify'} data-testid="st-offline-verify">
          验证
        </Button>
      </div>
      <div ref={resultRef} tabIndex={-1} className="st-offline-answer" role="group" aria-label="离线更新结果" data-testid="st-offline-answer">
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem.message}
            description={problem.details.length ? <ul className="st-details">{problem.details.map((d) => <li key={d}>{d}</li>)}</ul> : undefined}
            data-testid="st-offline-error"
          />
        )}
        {verified && (
          <div className="st-verified" data-testid="st-offline-result">
            <div className="t-ok st-verified-h">✓ 签名有效，文件完整</div>
            <dl className="st-kv">
              <div className="st-row">
                <dt>版本</dt>
                <dd className="num">{verified.version}</dd>
              </div>
              {verified.releaseDate && (
                <div className="st-row">
                  <dt>发布时间</dt>
                  <dd className="num">{chinaDateTime(verified.releaseDate)}</dd>
                </div>
              )}
              <div className="st-row">
                <dt>发布密钥</dt>
                <dd>
                  <span className="num">{verified.keyId}</span> <span className="muted small">{verified.keyLabel}</span>
                </dd>
              </div>
              <div className="st-row">
                <dt>文件</dt>
                <dd>
                  {verified.files.map((f) => (
                    <div key={f.name}>
                      {f.name} <span className="muted small num">{formatBytes(f.size)}</span>
                    </div>
                  ))}
                </dd>
              </div>
            </dl>
            {applied ? (
              <div className={applied.installing ? 't-ok' : 't-warn'} data-testid="st-offline-applied">
                {applied.message}
              </div>
            ) : installBlocked ? (
              <div className="t-warn small" data-testid="st-offline-blocked">
                {installBlocked}
              </div>
            ) : (
              <div className="st-actions">
                <Button type="primary" onClick={() => void apply()} loading={busy === 'apply'} data-testid="st-offline-apply">
                  安装并重启
                </Button>
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
