// 锁定 for the screens without the status bar and 设置 (the meeting module): the same lock as
// 设置 › 锁定 › 立即锁定. Shown only where the workstation can lock.
import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { lockNow } from './lockNow';
import { useLockView } from './store';

export function LockButton() {
  const { message } = AntApp.useApp();
  const canLock = useLockView().state?.canLock ?? false;
  const [busy, setBusy] = useState(false);
  if (!canLock) return null;
  const lock = async () => {
    setBusy(true);
    const error = await lockNow();
    setBusy(false);
    if (error) void message.error(error);
  };
  return (
    <Button type="text" size="small" icon={<LockOutlined />} loading={busy} onClick={() => void lock()} title="锁定工作台：缓存密钥从内存中清除，投屏暂停，解锁后恢复" data-testid="lock-now">
      锁定
    </Button>
  );
}
