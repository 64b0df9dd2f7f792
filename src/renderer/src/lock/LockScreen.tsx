// 工作台已锁定: the cache key has left memory. Unlocking asks for what protects it — the cache
// passphrase, or (OS keystore, development key file) nothing — and a new store without a key
// asks for a passphrase to be chosen, twice.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Input } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { LockState } from '../../../shared/api/app';
import { chinaDateTime } from '../../../shared/format/date';
import { api } from '../api';

const MIN_LENGTH = 8;

function intro(unlockWith: LockState['unlockWith'] | undefined): { title: string; text: string } {
  switch (unlockWith) {
    case 'new-passphrase':
      return { title: '设置缓存口令', text: '本机缓存（案卷数据库与案卷文件）将以此口令加密保存。请牢记口令：忘记后无法打开本机缓存，只能从中心系统重新同步案卷。' };
    case 'os-keystore':
      return { title: '工作台已锁定', text: '本机缓存的密钥由系统密钥库保护，已从内存中清除。' };
    case 'key-file':
      return { title: '工作台已锁定', text: '缓存密钥已从内存中清除。注意：此数据目录的密钥以开发密钥文件保存（未加密保护）。' };
    default:
      return { title: '工作台已锁定', text: '本机缓存已加密，缓存密钥已从内存中清除。输入缓存口令解锁。' };
  }
}

export function LockScreen({ state, onUnlocked }: { state: LockState | null; onUnlocked: (s: LockState) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mode = state?.unlockWith;
  const asks = mode === 'passphrase' || mode === 'new-passphrase';
  const { title, text } = intro(mode);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    if (mode === 'passphrase' && !passphrase) return setError('请输入缓存口令');
    if (mode === 'new-passphrase') {
      if ([...passphrase].length < MIN_LENGTH) return setError(`缓存口令至少 ${MIN_LENGTH} 个字符`);
      if (passphrase !== repeat) return setError('两次输入的口令不一致');
    }
    setBusy(true);
    setError(null);
    const r = await api.result('app.unlock', asks ? { passphrase } : {});
    setBusy(false);
    if (r.ok) {
      setPassphrase('');
      setRepeat('');
      onUnlocked(r.value);
    } else setError(r.error.message);
  };

  return (
    <main className="lock-screen" data-testid="lock-screen" data-mode={mode ?? 'unknown'}>
      <form className="lock-card" onSubmit={(e) => void submit(e)} aria-labelledby="lock-title">
        <div className="lock-head">
          <LockOutlined className="lock-icon" aria-hidden />
          <div>
            <div className="lock-product">法审工作台</div>
            <h1 id="lock-title">{title}</h1>
          </div>
        </div>
        {state?.lockedBy && (
          <p className="lock-reason" data-testid="lock-reason">
            {state.lockedBy.trigger === 'inactivity' ? `因 ${state.lockAfterMinutes} 分钟无操作，已于 ${chinaDateTime(state.lockedBy.at)} 自动锁定。` : `已于 ${chinaDateTime(state.lockedBy.at)} 锁定。`}
          </p>
        )}
        <p className="lock-text">{text}</p>
        {asks && (
          <label className="lock-field">
            <span>{mode === 'new-passphrase' ? '新的缓存口令' : '缓存口令'}</span>
            <Input.Password
              size="middle"
              autoFocus
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete={mode === 'new-passphrase' ? 'new-password' : 'current-password'}
              data-testid="lock-passphrase"
              disabled={busy}
            />
          </label>
        )}
        {mode === 'new-passphrase' && (
          <label className="lock-field">
            <span>再次输入</span>
            <Input.Password size="middle" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" data-testid="lock-repeat" disabled={busy} />
          </label>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="lock-error" />}
        <Button type="primary" size="middle" htmlType="submit" loading={busy} block data-testid="lock-unlock" autoFocus={!asks}>
          {mode === 'new-passphrase' ? '设置口令并打开' : '解锁'}
        </Button>
        <p className="lock-foot small muted">
          {state && state.lockAfterMinutes > 0 ? `无操作 ${state.lockAfterMinutes} 分钟后自动锁定（在“设置”中修改）。` : '自动锁定已关闭（在“设置”中修改）。'}
        </p>
      </form>
    </main>
  );
}
