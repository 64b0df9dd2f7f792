// audit.* and the export-policy settings.
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';
import { actionsOf } from '../../shared/audit/groups';

type AuditHandlers = Pick<Handlers, 'audit.case' | 'audit.list' | 'audit.verify' | 'settings.getExportPolicy' | 'settings.setExportPolicy'>;

export function auditHandlers(ws: Workstation): AuditHandlers {
  return {
    'audit.case': ({ caseId, limit }) => ws.audit.log.forSubject(caseId, limit),
    'audit.list': ({ before, limit, group }) => {
      const page = ws.audit.log.page({ before, limit, actions: group && actionsOf(group) });
      return { entries: page.entries.map((e) => ({ ...e, ...ws.audit.names(e) })), more: page.more };
    },
    'audit.verify': () => ws.audit.log.verify(),
    'settings.getExportPolicy': () => ws.audit.policy.get(),
    'settings.setExportPolicy': (p) => ws.audit.policy.set(p),
  };
}
