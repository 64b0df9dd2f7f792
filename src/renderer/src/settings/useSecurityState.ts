// The security state for 设置: app.security (cache encryption as found on disk, where signing keys
// are protected) — the answer shared with the lock gate and the status bar — and the audit chain,
// verified afresh each time 设置 opens and after a change made in it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SecurityState } from '../../../shared/api/app';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { ensureSecurity, readSecurity, useSecurity, useSecurityError } from '../lock/security';

/** `at`: when the chain was verified (the count is as of then; later actions add entries). */
export type AuditState = { kind: 'checking' } | { kind: 'intact'; count: number; at: Date } | { kind: 'broken'; message: string } | { kind: 'error'; message: string };

async function verifyAudit(): Promise<AuditState> {
  const r = await api.result('audit.verify', {});
  if (!r.ok) return { kind: 'error', message: r.error.message };
  if (r.value.intact) return { kind: 'intact', count: r.value.count, at: new Date() };
  return { kind: 'broken', message: r.value.problem?.message ?? '审计记录链已断开' };
}

export function useSecurityState(open: boolean) {
  const security = useSecurity();
  const failed = useSecurityError();
  const [audit, setAudit] = useState<AuditState>({ kind: 'checking' });

  // Only the newest check is shown: two may overlap (a change here, then 重新检查).
  const checks = useRef(0);
  const verify = useCallback(() => {
    const n = ++checks.current;
    setAudit({ kind: 'checking' });
    verifyAudit().then(
      (a) => n === checks.current && setAudit(a),
      (err: unknown) => n === checks.current && setAudit({ kind: 'error', message: errorText(err, '审计记录校验失败') }),
    );
  }, []);

  useEffect(() => {
    if (!open) return;
    ensureSecurity();
    verify();
  }, [open, verify]);

  // A change made in 设置 itself (设置/修改缓存口令, the lock time) is recorded in the audit chain and
  // comes back as a new security state: check the chain again, or its count would be stale (“尚无审计
  // 记录” right after 修改缓存口令). The first answer after opening is not a change.
  const seen = useRef<SecurityState | null>(null);
  useEffect(() => {
    const before = seen.current;
    seen.current = open ? security : null;
    if (open && before && security && before !== security) verify();
  }, [open, security, verify]);

  /** 重新检查: the disk and the audit chain, read again. */
  const reload = useCallback(() => {
    seen.current = null; // the state read here is no change of its own: the chain is checked just below
    void readSecurity();
    verify();
  }, [verify]);

  const error = failed ? errorText(failed, '无法读取安全状态') : null;
  return { security, error, audit, reload };
}
