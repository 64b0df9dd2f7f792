// 校验案卷: re-hash every file of the case with progress (verify.progress events).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IntegrityReport } from '../../../shared/api/evidence';
import type { ApiEvents } from '../../../shared/api/events';
import { api } from '../api';
import { errorText } from '../lib/errors';

/** Files and bytes done, and the big file being re-hashed (the verify.progress event of this case). */
export type VerifyProgressState = Omit<ApiEvents['verify.progress'], 'caseId'>;

export interface VerifyState {
  running: boolean;
  /** 取消 was pressed and the check has not stopped yet. */
  cancelling: boolean;
  progress: VerifyProgressState | null;
  report: IntegrityReport | null;
  error: string | null;
  run: () => Promise<IntegrityReport | null>;
  /** Stop the running check; the report comes back marked 已取消. */
  cancel: () => Promise<void>;
}

export function useVerifyCase(caseId: string): VerifyState {
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<VerifyProgressState | null>(null);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    const off = api.on('verify.progress', (p) => {
      const { caseId: of, ...rest } = p;
      if (of === caseId && alive.current) setProgress(rest);
    });
    return () => {
      alive.current = false;
      off();
    };
  }, [caseId]);

  const run = useCallback(async () => {
    setRunning(true);
    setCancelling(false);
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
      if (alive.current) {
        setRunning(false);
        setCancelling(false);
      }
    }
  }, [caseId]);

  const cancel = useCallback(async () => {
    setCancelling(true);
    try {
      await api.call('evidence.cancelVerify', { caseId });
    } catch (err) {
      if (alive.current) {
        setCancelling(false);
        setError(errorText(err, '未能取消校验，请稍后重试'));
      }
    }
  }, [caseId]);

  return { running, cancelling, progress, report, error, run, cancel };
}
