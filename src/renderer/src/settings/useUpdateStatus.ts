// app.updateStatus, kept current by 'update.status' events (check, download progress, verified).
import { useCallback, useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../shared/api/app';
import { api } from '../api';
import { errorText } from '../lib/errors';

export function useUpdateStatus(open: boolean) {
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => api.on('update.status', setStatus), []);
  useEffect(() => {
    if (!open) return;
    api.call('app.updateStatus', {}).then(setStatus, (err: unknown) => setError(errorText(err, '无法读取更新状态')));
  }, [open]);

  const check = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await api.call('app.checkUpdate', {}));
    } catch (err) {
      setError(errorText(err, '检查更新失败'));
    } finally {
      setBusy(false);
    }
  }, []);

  const install = useCallback(async () => {
    setError(null);
    try {
      await api.call('app.installUpdate', {});
    } catch (err) {
      setError(errorText(err, '无法安装更新'));
    }
  }, []);

  return { status, error, busy, check, install };
}
