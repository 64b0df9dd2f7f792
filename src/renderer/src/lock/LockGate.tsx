// The whole window behind the lock: until the back end says it is unlocked nothing of the
// workstation is mounted, and when it locks the workstation is unmounted (its case data leaves
// the page) and the lock screen takes its place. Unlocking mounts it afresh.
import { useEffect, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { LockScreen } from './LockScreen';
import { readSecurity, useSecurityError } from './security';
import { setLocked, setLockState, useLockView } from './store';
import { useActivity } from './useActivity';
import { useKeptAwake } from './keepAwake';
import { LockSoon } from './LockSoon';
import { forgetWorkspaces } from '../workspace/keptWorkspace';
import { forgetReadingPositions } from '../viewers/readingPositions';
import { forgetAnnotationEdits } from '../annotations/annotationEvents';
import './lock.css';

const reload = () => void readSecurity();

export function LockGate({ children }: { children: ReactNode }) {
  const view = useLockView();
  const error = useSecurityError();

  useEffect(() => {
    reload();
    // Locking or unlocking can change the security state (a new store gets its key on the first
    // unlock), so the shared answer is read again.
    return api.on('app.lock', ({ locked }) => {
      setLocked(locked);
      reload();
    });
  }, []);

  // Details (what unlocking asks for) after a call was refused with 已锁定.
  useEffect(() => {
    if (view.locked && !view.state?.locked) reload();
  }, [view.locked, view.state]);

  const held = useKeptAwake();
  const activity = useActivity(view.locked === false, view.state?.lockAfterMinutes ?? 0, held);
  // The workspaces kept for remounting case views (tab titles are case content) go with the lock too.
  useEffect(() => {
    if (view.locked) {
      forgetWorkspaces();
      forgetReadingPositions();
      forgetAnnotationEdits();
    }
  }, [view.locked]);

  if (view.locked === null) {
    if (!error) return null;
    return (
      <div className="lock-screen">
        <div className="lock-card">
          <Alert type="error" showIcon title={errorText(error, '无法连接工作台后端')} />
          <Button onClick={reload}>重试</Button>
        </div>
      </div>
    );
  }
  if (view.locked) return <LockScreen state={view.state} onUnlocked={setLockState} />;
  return (
    <>
      {activity.lockAt !== null && <LockSoon lockAt={activity.lockAt} onStay={activity.stay} />}
      {children}
    </>
  );
}
