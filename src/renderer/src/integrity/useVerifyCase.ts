// 校验案卷: re-hash every file of the case with progress (verify.progress events).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IntegrityReport } from '../../../shared/api/evidence';
import { api } from '../api';
import { errorText } from '../lib/errors';

export interface VerifyState {
  running: boolean;
  progress: { done: number; total: number } | null;
  report: IntegrityReport | null;
  error: string | null;
  run: () => Promise<IntegrityReport | null>;
}

export function useVerifyCase(caseId: string): VerifyState {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    const off = api.on('verify.progress', (p) => {
      if (p.caseId === caseId && alive.current) setProgress({ done: p.done, total: p.total });
    });
    return () => {
      alive.current = false;
      off();
    };
  }, [caseId]);

  const run = useCallback(async () => {
    setRunning(true);
    setError(null);
    setProgress(null);
    try {
      const r = await api.call('evidence.verifyCase', { caseId });
      if (alive.current) setReport(r);
      return r;
    } catch (err) {
      if (alive.current) setError(errorText(err, '校验未能完成，请稍后重试'));
      return null;
    } finally {
      if (alive.current) setRunning(false);
    }
  }, [caseId]);

  return { running, progress, report, error, run };
}
