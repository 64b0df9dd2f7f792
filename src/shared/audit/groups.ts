// The kinds of audit entries a reviewer or the agency's security officer looks for in the whole
// log (设置 › 安全状态 › 查看全部审计记录): the case work, copies that left the workstation,
// locking and keys, sync and updates, collective discussion. Every action code belongs to one.
import { AUDIT_ACTIONS, type AuditAction } from './actions';

export const AUDIT_GROUPS = {
  review: '审核办理',
  export: '导出',
  security: '锁定、密钥与设置',
  sync: '同步与更新',
  meeting: '集体讨论',
} as const;

export type AuditGroup = keyof typeof AUDIT_GROUPS;

const GROUP_OF: Record<AuditAction, AuditGroup> = {
  'case.open': 'review',
  'case.import': 'sync',
  'case.verify': 'review',
  'evidence.open': 'review',
  'annotation.create': 'review',
  'annotation.update': 'review',
  'annotation.delete': 'review',
  'review.point': 'review',
  'review.override': 'review',
  'review.clearOverride': 'review',
  'review.conclude': 'review',
  'review.reopen': 'review',
  'opinion.sign': 'review',
  'export.redacted': 'export',
  'export.original': 'export',
  'export.bundle': 'export',
  'export.opinion': 'export',
  'export.minutes': 'export',
  'sync.run': 'sync',
  'sync.importBundle': 'sync',
  'sync.acknowledge': 'sync',
  'calendar.update': 'sync',
  'app.update': 'sync',
  'app.updateCheck': 'sync',
  'app.updateVerify': 'sync',
  'settings.change': 'security',
  'key.create': 'security',
  'key.revoke': 'security',
  'app.lock': 'security',
  'app.unlock': 'security',
  'app.passphrase': 'security',
  'meeting.start': 'meeting',
  'meeting.conclude': 'meeting',
  'meeting.clearOpinion': 'meeting',
  'meeting.end': 'meeting',
  'meeting.sign': 'meeting',
  'meeting.screen': 'meeting',
};

/** The action codes of one group, for the log's query. */
export function actionsOf(group: AuditGroup): string[] {
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((a) => GROUP_OF[a] === group);
}
