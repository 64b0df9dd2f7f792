// 设置 › 锁定 › 修改缓存口令 (or, on the development key file, 设置缓存口令): the current passphrase,
// the new one twice. The key is wrapped anew; nothing in the store is re-encrypted.
import { useState } from 'react';
import { Alert, Input, Modal } from 'antd';
import type { LockState } from '../../../shared/api/app';
import { api } from '../api';

const MIN_LENGTH = 8;

export function PassphraseDialog({ hasPassphrase, onDone, onClose }: { hasPassphrase: boolean; onDone: (s: LockState) => void; onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (hasPassphrase && !current) return setError('请输入当前缓存口令');
    if ([...next].length < MIN_LENGTH) return setError(`新口令至少 ${MIN_LENGTH} 个字符`);
    if (next !== repeat) return setError('两次输入的新口令不一致');
    setBusy(true);
    setError(null);
    const r = await api.result('app.changePassphrase', hasPassphrase ? { current, next } : { next });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error.message);
  };

  const title = hasPassphrase ? '修改缓存口令' : '设置缓存口令';
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} okText="保存" cancelText="取消" confirmLoading={busy} width={420} destroyOnHidden>
      <div className="st-pass-form" data-testid="passphrase-form">
        <p className="small muted">
          {hasPassphrase ? '解锁与启动时改用新口令（以环境变量 FASHEN_CACHE_PASSPHRASE 启动的，请同时更新该变量）。' : '缓存密钥目前以开发密钥文件保存（未加密保护）；设置口令后由口令保护。'}请牢记：忘记口令后无法打开本机缓存，只能从中心系统重新同步案卷。
        </p>
        {hasPassphrase && (
          <label className="st-pass-field">
            <span>当前口令</span>
            <Input.Password value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" maxLength={1024} data-testid="passphrase-current" />
          </label>
        )}
        <label className="st-pass-field">
          <span>新口令</span>
          <Input.Password value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" maxLength={1024} placeholder={`至少 ${MIN_LENGTH} 个字符`} data-testid="passphrase-next" />
        </label>
        <label className="st-pass-field">
          <span>再次输入</span>
          <Input.Password value={repeat} onChange={(e) => setRepeat(e.target.value)} onPressEnter={() => void submit()} autoComplete="new-password" maxLength={1024} data-testid="passphrase-repeat" />
        </label>
        {error && <Alert type="error" showIcon title={error} data-testid="passphrase-error" />}
      </div>
    </Modal>
  );
}
