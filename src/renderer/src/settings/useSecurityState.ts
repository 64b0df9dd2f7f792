// The security state for 设置: app.security (cache encryption as found on disk, where signing keys
// are protected) — the answer shared with the lock gate and the status bar — and the audit chain,
// verified afresh each time 设置 opens.
import { useCallback, useEffect, useState } from 'react';
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

  const verify = useCallback(() => {
    setAudit({ kind: 'checking' });
    verifyAudit().then(setAudit, (err: unknown) => setAudit({ kind: 'error', message: errorText(err, '审计记录校验失败') }));
  }, []);

  useEffect(() => {
    if (!open) return;
    ensureSecurity();
    verify();
  }, [open, verify]);

  /** 重新检查: the disk and the audit chain, read again. */
  const reload = useCallback(() => {
    void readSecurity();
    verify();
  }, [verify]);

  const error = failed ? errorText(failed, '无法读取安全状态') : null;
  return { security, error, audit, reload };
}
