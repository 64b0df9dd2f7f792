// audit.* and the export-policy settings.
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';

type AuditHandlers = Pick<Handlers, 'audit.case' | 'audit.list' | 'audit.verify' | 'settings.getExportPolicy' | 'settings.setExportPolicy'>;

export function auditHandlers(ws: Workstation): AuditHandlers {
  return {
    'audit.case': ({ caseId, limit }) => ws.audit.log.forSubject(caseId, limit),
    'audit.list': (input) => ws.audit.list(input),
    'audit.verify': () => ws.audit.log.verify(),
    'settings.getExportPolicy': () => ws.audit.policy.get(),
    'settings.setExportPolicy': (p) => ws.audit.policy.set(p),
  };
}
