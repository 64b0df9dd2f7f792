// Loads the 待审案件 queue through the Api; reload() after imports or sync.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseQueueRow } from '../../../shared/api/cases';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { readSecurity } from '../lock/security';

export interface CaseQueueState {
  rows: CaseQueueRow[];
  loading: boolean;
  /** zh-CN, when the last load failed. */
  error: string | null;
  loaded: boolean;
  reload: () => Promise<void>;
}

export function useCaseQueue(): CaseQueueState {
  const [rows, setRows] = useState<CaseQueueRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const count = useRef<number | null>(null);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const next = await api.call('cases.list', {});
      setRows(next);
      // Cases came or went (import, sync): the disk facts 设置 shows (e.g. 文件库为空) changed with them.
      if (count.current !== null && count.current !== next.length) void readSecurity();
      count.current = next.length;
      setError(null);
      setLoaded(true);
    } catch (err) {
      setError(errorText(err, '无法读取待审案件，请稍后重试'));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { rows, loading, error, loaded, reload };
}
