// 设置 › 锁定: lock after how many minutes without activity, and lock now. Locking wipes the
// cache key from memory; unlocking asks for what protects it.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Select } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { api } from '../api';
import { setLockState, useLockView } from './store';
import { lockNow as lockWorkstation } from './lockNow';
import { PassphraseDialog } from './PassphraseDialog';
import { readSecurity } from './security';

const CHOICES = [0, 5, 10, 15, 30, 60, 120];

function label(m: number): string {
  return m === 0 ? '从不' : m < 60 ? `${m} 分钟` : `${m / 60} 小时`;
}

/** Reads the lock store: shown even when the rest of the security state could not be read. */
export function LockSection() {
  const lock = useLockView().state;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [changing, setChanging] = useState(false);
  const { message } = AntApp.useApp();
  if (!lock?.canLock) return null;
  const passphraseKind = lock.unlockWith === 'passphrase' || lock.unlockWith === 'key-file';
  const options = [...new Set([...CHOICES, lock.lockAfterMinutes])].sort((a, b) => a - b).map((m) => ({ value: m, label: label(m) }));

  const setAfter = async (minutes: number) => {
    setError(null);
    // The answer is the new lock state: nothing else to read again.
    const r = await api.result('app.setLockAfter', { minutes });
    if (r.ok) setLockState(r.value);
    else setError(r.error.message);
  };
  const lockNow = async () => {
    setBusy(true);
    setError(null);
    const refused = await lockWorkstation();
    setBusy(false);
    if (refused) setError(refused);
  };

  return (
    <section className="st-section" aria-labelledby="st-lock-h" data-testid="settings-lock">
      <header className="st-section-h">
        <h3 id="st-lock-h">锁定</h3>
      </header>
      {error && <Alert type="error" showIcon title={error} />}
      <dl className="st-kv">
        <div className="st-row">
          <dt>无操作后自动锁定</dt>
          <dd>
            <Select size="small" value={lock.lockAfterMinutes} options={options} onChange={(m) => void setAfter(m)} style={{ width: 110 }} aria-label="无操作后自动锁定" data-testid="st-lock-after" />
            <div className="small muted st-detail">锁定后缓存密钥从内存中清除，界面上的案卷内容一并关闭；{lock.unlockWith === 'passphrase' ? '输入缓存口令解锁' : lock.unlockWith === 'os-keystore' ? '由系统密钥库解锁' : '点“解锁”即可（开发密钥文件，未加密保护）'}。</div>
          </dd>
        </div>
        {passphraseKind && (
          <div className="st-row">
            <dt>缓存口令</dt>
            <dd>
              <Button size="small" onClick={() => setChanging(true)} data-testid="st-passphrase">
                {lock.unlockWith === 'passphrase' ? '修改缓存口令…' : '设置缓存口令…'}
              </Button>
            </dd>
          </div>
        )}
      </dl>
      {changing && (
        <PassphraseDialog
          hasPassphrase={lock.unlockWith === 'passphrase'}
          onClose={() => setChanging(false)}
          onDone={(s) => {
            setChanging(false);
            setLockState(s);
            void readSecurity(); // the key's protection shown in 设置 and the status bar
            message.success('缓存口令已保存');
          }}
        />
      )}
      <div className="st-actions">
        <Button size="small" icon={<LockOutlined />} onClick={() => void lockNow()} loading={busy} data-testid="st-lock-now">
          立即锁定
        </Button>
      </div>
    </section>
  );
}
