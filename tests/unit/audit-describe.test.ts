// The zh-CN line shown for each audit entry (case view and `fashen audit list`).
import { describe, expect, it } from 'vitest';
import { auditActionLabel } from '../../src/shared/audit/actions';
import { describeAuditDetail } from '../../src/shared/audit/describe';

const titles = (id: string) => ({ d1: '询问笔录', e2: '现场照片' })[id] ?? null;

describe('audit entry wording', () => {
  it('labels actions in Chinese, marking refused and failed attempts', () => {
    expect(auditActionLabel('export.redacted')).toBe('导出公示版');
    expect(auditActionLabel('export.redacted', 'refused')).toBe('导出公示版（被拒绝）');
    expect(auditActionLabel('sync.run', 'failed')).toBe('同步（未成功）');
    expect(auditActionLabel('future.action')).toBe('future.action');
  });
  it('an export stopped only for its approval reads 待批准, not 被拒绝 — older entries included', () => {
    expect(auditActionLabel('export.opinion', 'awaiting_approval', 'approval_required')).toBe('导出审核意见书文件（待批准）');
    expect(auditActionLabel('export.opinion', 'refused', 'approval_required')).toBe('导出审核意见书文件（待批准）');
    expect(auditActionLabel('export.opinion', 'refused', 'conflict')).toBe('导出审核意见书文件（被拒绝）');
  });

  it.each([
    ['evidence.open', { itemId: 'd1', sha256: 'ab', state: 'ok', via: 'browser' }, '询问笔录'],
    ['evidence.open', { itemId: 'x9', state: 'tampered' }, 'x9 · 校验：已篡改'],
    ['annotation.create', { itemId: 'e2', kind: 'redaction', page: 2 }, '遮盖 · 现场照片 · 第 2 页'],
    ['review.point', { point: 'P3', decision: 'problem', fields: ['decision', 'note'] }, 'P3 · 存在问题 · 修改说明'],
    ['review.point', { point: 'P4', fields: ['citations'] }, 'P4 · 修改引用'],
    ['review.conclude', { round: 2, type: '建议纠正' }, '建议纠正 · 第2轮'],
    ['opinion.sign', { documentNumber: '测市监法审〔2026〕1号', version: 1, conclusion: '同意' }, '测市监法审〔2026〕1号 · 第1版 · 同意'],
    ['export.redacted', { itemId: 'd1', approval: { reference: '批〔2026〕3号', approver: '李局长' } }, '询问笔录 · 批准：批〔2026〕3号（李局长）'],
    ['export.bundle', { outcome: 'refused', code: 'approval_required', reason: '按本单位规定…须经批准', via: 'cli' }, '须经批准，尚未填写批准文号 · 经命令行'],
    ['export.original', { outcome: 'awaiting_approval', code: 'approval_required', itemId: 'e2', via: 'browser' }, '现场照片 · 须经批准，尚未填写批准文号'],
    ['case.import', { result: 'new_round', origin: 'sync', revision: 2 }, '新一轮 · 来源：同步'],
    ['case.import', { result: 'imported', origin: 'folder', source: 'case-010-scale-cheat' }, '新导入 · 来源：案卷包（文件夹） · case-010-scale-cheat'],
    ['case.import', { result: 'imported', origin: 'zip', source: 'case-010.zip' }, '新导入 · 来源：案卷包（.zip） · case-010.zip'],
    ['case.import', { result: 'imported', origin: 'bundle', source: 'pkg-1' }, '新导入 · 来源：交换包 · pkg-1'],
    ['case.verify', { ok: 9, tampered: 1, missing: 0 }, '完好 9，已篡改 1，缺失 0'],
    ['case.verify', { ok: 2, tampered: 0, missing: 0, unchecked: 1, cancelled: true }, '完好 2，已篡改 0，缺失 0 · 已取消，未校验 1'],
    ['settings.change', { setting: 'exportRequiresApproval', from: false, to: true }, '导出须经批准：否 → 是'],
    ['settings.change', { setting: 'reviewer_profile', changed: ['name', 'legalQualification'] }, '审核人员信息（姓名、法律职业资格）'],
    ['meeting.sign', { role: 'host' }, '主持人签署'],
    ['sync.run', { outcome: 'failed', exitCode: 1, via: 'cli' }, '退出码 1 · 经命令行'],
    ['future.action', { anything: 1 }, ''],
  ])('%s %j → %s', (action, detail, text) => {
    expect(describeAuditDetail({ action, detail }, titles)).toBe(text);
  });
});
