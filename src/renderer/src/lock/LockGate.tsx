// The whole window behind the lock: until the back end says it is unlocked nothing of the
// workstation is mounted, and when it locks the workstation is unmounted (its case data leaves
// the page) and the lock screen takes its place. Unlocking mounts it afresh.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { LockScreen } from './LockScreen';
import { setLocked, setLockState, useLockView } from './store';
import { useActivity } from './useActivity';
import './lock.css';

export function LockGate({ children }: { children: ReactNode }) {
  const view = useLockView();
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    api.call('app.security', {}).then(
      (s) => setLockState(s.lock),
      (err: unknown) => setError(errorText(err, '无法连接工作台后端')),
    );
  }, []);

  useEffect(() => {
    load();
    return api.on('app.lock', ({ locked }) => {
      setLocked(locked);
      if (locked) load();
    });
  }, [load]);

  // Details (what unlocking asks for) after a call was refused with 已锁定.
  useEffect(() => {
    if (view.locked && !view.state?.locked) load();
  }, [view.locked, view.state, load]);

  useActivity(view.locked === false);

  if (view.locked === null) {
    if (!error) return null;
    return (
      <div className="lock-screen">
        <div className="lock-card">
          <Alert type="error" showIcon title={error} />
          <Button onClick={load}>重试</Button>
        </div>
      </div>
    );
  }
  if (view.locked) return <LockScreen state={view.state} onUnlocked={setLockState} />;
  return <>{children}</>;
}
