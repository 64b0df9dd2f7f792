// The security state for 设置: app.security (cache encryption as found on disk, where signing keys
// are protected) and the audit chain. audit.verify is feature-detected in the contract: a build
// without the audit log shows 未检查 instead of a claim it cannot back.
import { useCallback, useEffect, useState } from 'react';
import type { SecurityState } from '../../../shared/api/app';
import type { AuditVerifyReport } from '../../../shared/api/audit';
import { isCallName, type CallName } from '../../../shared/api/index';
import { api } from '../api';
import { errorText } from '../lib/errors';

const AUDIT_VERIFY = 'audit.verify';

export type AuditState =
  | { kind: 'unavailable' }
  | { kind: 'checking' }
  | { kind: 'intact'; count: number }
  | { kind: 'broken'; message: string }
  | { kind: 'error'; message: string };

function isReport(v: unknown): v is AuditVerifyReport {
  return typeof v === 'object' && v !== null && typeof (v as AuditVerifyReport).intact === 'boolean' && typeof (v as AuditVerifyReport).count === 'number';
}

async function verifyAudit(): Promise<AuditState> {
  const name: string = AUDIT_VERIFY;
  if (!isCallName(name)) return { kind: 'unavailable' };
  const r = await api.result(name as CallName, {} as never);
  if (!r.ok) return { kind: 'error', message: r.error.message };
  if (!isReport(r.value)) return { kind: 'error', message: '审计校验结果格式不符' };
  if (r.value.intact) return { kind: 'intact', count: r.value.count };
  return { kind: 'broken', message: r.value.problem?.message ?? '审计记录链已断开' };
}

export function useSecurityState(open: boolean) {
  const [security, setSecurity] = useState<SecurityState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [audit, setAudit] = useState<AuditState>({ kind: 'checking' });

  const reload = useCallback(() => {
    setError(null);
    api.call('app.security', {}).then(setSecurity, (err: unknown) => setError(errorText(err, '无法读取安全状态')));
    setAudit({ kind: 'checking' });
    verifyAudit().then(setAudit, (err: unknown) => setAudit({ kind: 'error', message: errorText(err, '审计记录校验失败') }));
  }, []);

  useEffect(() => {
    if (open) reload();
  }, [open, reload]);

  return { security, error, audit, reload };
}
