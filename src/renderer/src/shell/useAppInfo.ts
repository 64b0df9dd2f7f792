// app.info for the status bar; reload after imports so the case count stays right.
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/app';
import { api } from '../api';
import { errorText } from '../lib/errors';

export function useAppInfo(): { info: AppInfo | null; error: string | null; reload: () => void } {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.call('app.info', {}).then(
      (i) => {
        setInfo(i);
        setError(null);
      },
      (err: unknown) => setError(errorText(err, '无法连接工作台后端')),
    );
  }, []);
  useEffect(reload, [reload]);
  return { info, error, reload };
}
