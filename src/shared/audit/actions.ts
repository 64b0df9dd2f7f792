// What the audit log records: action codes (stable, hashed into the chain) and their zh-CN labels
// for the case view and `fashen audit list`. Pure: shared by the back end, the CLI and the renderer.

export const AUDIT_ACTIONS = {
  'case.open': '打开案件',
  'case.import': '导入案件',
  'case.verify': '校验案卷',
  'evidence.open': '打开材料',
  'annotation.create': '添加标注',
  'annotation.update': '修改标注',
  'annotation.delete': '删除标注',
  'review.point': '记录审核认定',
  'review.override': '不采纳自动检查',
  'review.clearOverride': '撤回不采纳理由',
  'review.conclude': '作出审核结论',
  'review.reopen': '撤回审核结论',
  'opinion.sign': '签署审核意见书',
  'export.redacted': '导出公示版',
  'export.original': '导出原件',
  'export.bundle': '导出离线交换包',
  'export.opinion': '导出审核意见书文件',
  'sync.run': '同步',
  'sync.importBundle': '导入案卷交换包',
  'sync.acknowledge': '知悉退回或过时的提交',
  'calendar.update': '更新工作日历',
  'settings.change': '修改设置',
  'key.create': '创建签名密钥',
  'key.revoke': '吊销签名密钥',
  'meeting.start': '开始集体讨论',
  'meeting.conclude': '集体讨论结论',
  'meeting.clearOpinion': '清除参会人员意见',
  'meeting.end': '结束集体讨论',
  'meeting.sign': '签署集体讨论记录',
  'meeting.screen': '开启投屏',
  'app.update': '安装更新',
  'app.updateCheck': '检查更新',
  'app.updateVerify': '验证离线更新包',
  'app.lock': '锁定工作台',
  'app.unlock': '解锁工作台',
  'app.passphrase': '修改缓存口令',
  'export.minutes': '导出集体讨论记录文件',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/**
 * How a call that did not complete is recorded: an export stopped only for want of an approval
 * reference is 待批准 (the dialog asks for it next; approved, the export follows as its own entry),
 * not 被拒绝. Entries written before this distinction carry outcome 'refused' with this code.
 */
export function failureOutcome(code: string | null): 'awaiting_approval' | 'refused' | 'failed' {
  return code === 'approval_required' ? 'awaiting_approval' : code === null ? 'failed' : 'refused';
}

const OUTCOME_SUFFIX: Record<string, string> = { refused: '（被拒绝）', failed: '（未成功）', awaiting_approval: '（待批准）', not_installed: '（未安装）' };

/** An entry's outcome as read today: older entries wrote a wait for approval as 'refused'. */
export function entryOutcome(outcome: unknown, code: unknown): string | null {
  if (typeof outcome !== 'string') return null;
  return outcome === 'refused' && code === 'approval_required' ? 'awaiting_approval' : outcome;
}

/** The zh-CN label of an action code; an unknown code (a newer version wrote it) shows as is. */
export function auditActionLabel(action: string, outcome?: string | null, code?: unknown): string {
  const label = (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
  const o = entryOutcome(outcome, code);
  return `${label}${(o && OUTCOME_SUFFIX[o]) ?? ''}`;
}

/** The genesis entry's prevHash. */
export const GENESIS_HASH = '0'.repeat(64);
