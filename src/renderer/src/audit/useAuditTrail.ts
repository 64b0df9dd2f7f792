// Loads a case's audit trail and the state of the whole chain when the drawer opens.
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntryView, AuditVerifyReport } from '../../../shared/api/audit';
import { api } from '../api';
import { errorText } from '../lib/errors';

export interface AuditTrailState {
  entries: AuditEntryView[] | null;
  chain: AuditVerifyReport | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

export function useAuditTrail(caseId: string, active: boolean): AuditTrailState {
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [chain, setChain] = useState<AuditVerifyReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!active) return;
    let alive = true;
    setLoading(true);
    setError(null);
    const failed = (err: unknown) => alive && setError(errorText(err, '审计记录未能读取，请稍后重试'));
    // The case's entries come from an index at once; checking the whole chain reads every entry
    // (about a second per 100,000), so it arrives on its own.
    api.call('audit.case', { caseId }).then((list) => alive && setEntries(list), failed);
    api
      .call('audit.verify', {})
      .then((report) => alive && setChain(report), failed)
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [caseId, active, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { entries, chain, loading, error, reload };
}
