// One line of zh-CN per audit entry's detail, for the case view's 审计记录 and `fashen audit list`.
// Items are named by title when the caller can resolve them (the renderer has the case file).
import type { AuditEntryView } from '../api/audit';
import { DECISION_LABEL } from '../opinion/point-wording';

const ANNOTATION_KIND = { highlight: '高亮', note: '批注', redaction: '遮盖' } as const;
const FILE_STATE = { ok: '完好', tampered: '已篡改', missing: '缺失' } as const;
const IMPORT_RESULT = { imported: '新导入', new_round: '新一轮', unchanged: '未变化' } as const;
// 'folder' / 'zip': a lone case package given to 导入案卷包. Entries written before these were told
// apart say 'bundle' for those too (the description cannot know which it was).
const ORIGIN = { import: '导入', demo: '演示案卷', bundle: '交换包', folder: '案卷包（文件夹）', zip: '案卷包（.zip）', sync: '同步' } as const;
const POINT_FIELD: Record<string, string> = { note: '说明', citations: '引用' };
const PROFILE_FIELD: Record<string, string> = { name: '姓名', agency: '单位', officerId: '人员编号', legalQualification: '法律职业资格', firstTimeReviewer: '初次审核' };
const ROLE = { host: '主持人', recorder: '记录人' } as const;
const LOCK_TRIGGER = { manual: '手动锁定', inactivity: '无操作自动锁定' } as const;
const UNLOCK_METHOD = { passphrase: '缓存口令', 'new-passphrase': '设置缓存口令', 'os-keystore': '系统密钥库', 'key-file': '开发密钥文件' } as const;
const EXPORT_KIND = { pdf: 'PDF', docx: '.docx', submission: '提交件' } as const;
const VIA = { desktop: '桌面版', browser: '浏览器', cli: '命令行' } as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null);
const pick = <T extends Record<string, string>>(map: T, v: unknown): string | null => (typeof v === 'string' && v in map ? map[v as keyof T]! : str(v));

const lockMinutes = (v: unknown): string => (v === 0 ? '从不' : typeof v === 'number' ? `${v} 分钟` : '未知');

export function describeAuditDetail(e: Pick<AuditEntryView, 'action' | 'detail'>, itemTitle: (itemId: string) => string | null = () => null): string {
  const d = e.detail;
  const item = () => {
    const id = str(d.itemId);
    return id ? (itemTitle(id) ?? id) : null;
  };
  const parts: (string | null)[] = [];
  switch (e.action) {
    case 'case.open':
      parts.push(d.round ? `第${str(d.round)}轮` : null, d.revision ? `修订 ${str(d.revision)}` : null);
      break;
    case 'case.import':
      parts.push(pick(IMPORT_RESULT, d.result), d.origin ? `来源：${pick(ORIGIN, d.origin)}` : null, str(d.source), d.error ? `原因：${str(d.error)}` : null);
      break;
    case 'case.verify':
      parts.push(typeof d.ok === 'number' ? `完好 ${d.ok}，已篡改 ${str(d.tampered) ?? 0}，缺失 ${str(d.missing) ?? 0}` : null, d.cancelled === true ? `已取消，未校验 ${str(d.unchecked) ?? 0}` : null);
      break;
    case 'evidence.open':
      parts.push(item(), d.state && d.state !== 'ok' ? `校验：${pick(FILE_STATE, d.state)}` : null);
      break;
    case 'annotation.create':
    case 'annotation.update':
    case 'annotation.delete':
      parts.push(pick(ANNOTATION_KIND, d.kind), item(), d.page ? `第 ${str(d.page)} 页` : null);
      break;
    case 'review.point': {
      const changed = Array.isArray(d.fields) ? d.fields.filter((f) => f !== 'decision').map((f) => POINT_FIELD[String(f)] ?? String(f)) : [];
      parts.push(str(d.point), d.decision === null ? '撤销认定' : d.decision !== undefined ? pick(DECISION_LABEL, d.decision) : null, changed.length ? `修改${changed.join('、')}` : null);
      break;
    }
    case 'review.override':
    case 'review.clearOverride':
      parts.push(d.check ? `检查 ${str(d.check)}` : null);
      break;
    case 'review.conclude':
      parts.push(str(d.type), d.round ? `第${str(d.round)}轮` : null);
      break;
    case 'review.reopen':
      parts.push(d.round ? `第${str(d.round)}轮` : null);
      break;
    case 'opinion.sign':
      parts.push(str(d.documentNumber), d.version ? `第${str(d.version)}版` : null, str(d.conclusion));
      break;
    case 'export.redacted':
    case 'export.original':
      parts.push(item());
      break;
    case 'export.bundle':
      parts.push(str(d.file), typeof d.count === 'number' ? (d.count === 0 ? '仅审计链头' : `${d.count} 件提交`) : null);
      break;
    case 'export.opinion':
      parts.push(d.preview === true ? '预览（未签署）' : null, pick(EXPORT_KIND, d.kind));
      break;
    case 'export.minutes':
      parts.push(str(d.caseNumber), d.signed === false ? '未签署' : d.signed === true ? '已签署' : null, pick(EXPORT_KIND, d.kind));
      break;
    case 'app.lock':
      parts.push(pick(LOCK_TRIGGER, d.trigger));
      break;
    case 'app.passphrase':
      if (!d.outcome) parts.push(d.from === 'unprotected-dev' ? '开发密钥文件改为口令保护' : '口令已更换');
      break;
    case 'app.unlock':
      parts.push(d.method ? `方式：${pick(UNLOCK_METHOD, d.method)}` : null, d.recordedLater === true ? '锁定期间的尝试，解锁后补记' : null);
      break;
    case 'sync.acknowledge':
      parts.push(d.kind === 'minutes' ? '集体讨论记录' : d.kind === 'opinion' ? '审核意见书' : null, d.answer === 'stale' ? '中心答复：案卷已更新（过时）' : d.answer === 'rejected' ? '中心答复：退回' : null);
      break;
    case 'sync.run':
      parts.push(typeof d.pulled === 'number' ? `拉取 ${d.pulled} 个案件，发送 ${str(d.sent) ?? 0} 件` : null);
      break;
    case 'settings.change':
      parts.push(
        d.setting === 'exportRequiresApproval'
          ? `导出须经批准：${d.from ? '是' : '否'} → ${d.to ? '是' : '否'}`
          : d.setting === 'lockAfterMinutes'
            ? `无操作锁定：${lockMinutes(d.from)} → ${lockMinutes(d.to)}`
            : d.setting === 'reviewer_profile'
            ? `审核人员信息${Array.isArray(d.changed) && d.changed.length ? `（${d.changed.map((f) => PROFILE_FIELD[String(f)] ?? String(f)).join('、')}）` : ''}`
            : str(d.setting),
      );
      break;
    case 'key.create':
    case 'key.revoke':
      parts.push(d.keyId ? `密钥 ${String(d.keyId).slice(0, 16)}` : null, d.role ? pick(ROLE, d.role) : null, d.reason ? `原因：${str(d.reason)}` : null);
      break;
    case 'meeting.conclude':
      parts.push(d.followsReview === true ? '与审核意见一致' : d.followsReview === false ? '与审核意见不一致' : null);
      break;
    case 'meeting.screen':
      parts.push(d.screen === 'window' ? '投屏窗口' : d.screen === 'browser' ? '浏览器投屏页' : null);
      break;
    case 'meeting.sign':
      parts.push(d.role ? `${pick(ROLE, d.role)}签署` : d.resign === true ? '中心已退回，重新签署' : null);
      break;
    case 'app.update':
    case 'app.updateVerify':
    case 'app.updateCheck':
      parts.push(d.version ? `版本 ${str(d.version)}` : null, str(d.file), d.channel ? `通道 ${str(d.channel)}` : null);
      break;
  }
  const approval = d.approval as { reference?: unknown; approver?: unknown } | undefined;
  if (approval && typeof approval === 'object') parts.push(`批准：${str(approval.reference) ?? ''}（${str(approval.approver) ?? ''}）`);
  if (d.code === 'approval_required') parts.push('须经批准，尚未填写批准文号');
  else if (d.outcome === 'refused' || d.outcome === 'failed' || d.outcome === 'not_installed') parts.push(str(d.reason) ?? (d.exitCode !== undefined ? `退出码 ${str(d.exitCode)}` : str(d.code)));
  if (d.via && d.via !== 'desktop' && d.via !== 'browser') parts.push(`经${pick(VIA, d.via)}`);
  return parts.filter((p): p is string => Boolean(p)).join(' · ');
}
