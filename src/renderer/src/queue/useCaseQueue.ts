// Loads the 待审案件 queue through the Api; reload() after imports or sync.
import { useCallback, useEffect, useState } from 'react';
import type { CaseQueueRow } from '../../../shared/api/cases';
import { api } from '../api';
import { errorText } from '../lib/errors';

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

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setRows(await api.call('cases.list', {}));
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
