// The whole audit log a page at a time (newest first), optionally one kind of entry, part of a 案号
// and a range of days, with the state of the chain; 加载更早的记录 appends the next page with the
// same filters. A newer request wins over an older answer.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditListEntry, AuditVerifyReport } from '../../../shared/api/audit';
import type { AuditGroup } from '../../../shared/audit/groups';
import { api } from '../api';
import { errorText } from '../lib/errors';

export const AUDIT_PAGE = 200;

/** What the drawer filters by; '' = no limit. */
export interface AuditLogFilters {
  group: AuditGroup | null;
  /** Part of a 案号, trimmed. */
  caseNumber: string;
  /** YYYY-MM-DD, China time, both inclusive. */
  from: string;
  to: string;
}

export interface AuditLogState {
  entries: AuditListEntry[] | null;
  more: boolean;
  /** Cases the 案号 filter matched (null: no 案号 filter). */
  cases: number | null;
  chain: AuditVerifyReport | null;
  loading: boolean;
  error: string | null;
  loadMore: () => void;
  reload: () => void;
}

export function useAuditLog(active: boolean, { group, caseNumber, from, to }: AuditLogFilters): AuditLogState {
  const [entries, setEntries] = useState<AuditListEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [cases, setCases] = useState<number | null>(null);
  const [chain, setChain] = useState<AuditVerifyReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  const fetchPage = useCallback(
    (before: number | undefined, append: boolean) => {
      const id = ++latest.current;
      setLoading(true);
      setError(null);
      api
        .call('audit.list', {
          limit: AUDIT_PAGE,
          ...(before !== undefined ? { before } : {}),
          ...(group ? { group } : {}),
          ...(caseNumber ? { caseNumber } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        })
        .then(
          (page) => {
            if (id !== latest.current) return;
            setEntries((prev) => (append && prev ? [...prev, ...page.entries] : page.entries));
            setMore(page.more);
            setCases(page.cases ?? null);
          },
          (err: unknown) => id === latest.current && setError(errorText(err, '审计记录未能读取，请稍后重试')),
        )
        .finally(() => id === latest.current && setLoading(false));
    },
    [group, caseNumber, from, to],
  );

  useEffect(() => {
    if (!active) return;
    setEntries(null);
    fetchPage(undefined, false);
  }, [active, fetchPage, tick]);

  // Checking the chain reads every entry: once per opening or 刷新, not per page or filter.
  useEffect(() => {
    if (!active) return;
    let alive = true;
    api.call('audit.verify', {}).then(
      (report) => alive && setChain(report),
      (err: unknown) => alive && setError(errorText(err, '审计链未能校验，请稍后重试')),
    );
    return () => {
      alive = false;
    };
  }, [active, tick]);

  const loadMore = useCallback(() => {
    const last = entries?.at(-1);
    if (last && more) fetchPage(last.seq, true);
  }, [entries, more, fetchPage]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { entries, more, cases, chain, loading, error, loadMore, reload };
}
