// Global search (search.query): case fields and the text of every PDF page of every cached case.
// A newer query wins over an older answer; an invalid query (only punctuation) shows the Api's zh-CN message.
import { useCallback, useRef, useState } from 'react';
import type { SearchResult } from '../../../shared/api/evidence';
import { api } from '../api';

export interface GlobalSearch {
  /** The submitted query; null when the queue (not results) is shown. */
  query: string | null;
  result: SearchResult | null;
  error: string | null;
  loading: boolean;
  run: (text: string) => void;
  clear: () => void;
}

export function useGlobalSearch(): GlobalSearch {
  const [query, setQuery] = useState<string | null>(null);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  const run = useCallback((text: string) => {
    const id = ++latest.current;
    setQuery(text);
    setError(null);
    setLoading(true);
    void api.result('search.query', { text: text.slice(0, 100), limit: 100 }).then(
      (r) => {
        if (id !== latest.current) return;
        setLoading(false);
        if (r.ok) setResult(r.value);
        else {
          setResult(null);
          setError(r.error.message || '搜索未能完成，请稍后重试');
        }
      },
      () => {
        if (id !== latest.current) return;
        setLoading(false);
        setResult(null);
        setError('搜索未能完成，请确认工作台后端仍在运行后重试');
      },
    );
  }, []);

  const clear = useCallback(() => {
    latest.current++;
    setQuery(null);
    setResult(null);
    setError(null);
    setLoading(false);
  }, []);

  return { query, result, error, loading, run, clear };
}
