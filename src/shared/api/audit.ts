// audit.* and the export policy: the tamper-evident audit trail (issue 8) and seed 002 item 10 —
// copying records out (公示版, 离线交换包, 审核意见书文件) needs the approval the agency configured.
import { z } from 'zod';
import { call } from './define';
import { AUDIT_GROUPS, type AuditGroup } from '../audit/groups';
import { parseIsoDate } from '../format/date';

export interface AuditEntryView {
  seq: number;
  /** ISO 8601 instant. */
  at: string;
  actor: string;
  device: string;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
}

/** An entry of the whole log, with its case and item named for people. */
export interface AuditListEntry extends AuditEntryView {
  /** The case number of the entry's subject, when the subject is a case still on this workstation. */
  caseNumber: string | null;
  /** The title of the 文书/证据 item the entry is about (detail.itemId), when known. */
  itemTitle: string | null;
}

export interface AuditListPage {
  /** Newest first. */
  entries: AuditListEntry[];
  /** Older entries remain (ask again with before = the last seq shown). */
  more: boolean;
  /** With a caseNumber filter: how many cases on this workstation it matched (0: none, entries empty). */
  cases?: number;
}

/** The longest part of a 案号 one may search by (a whole 案号 is some 20 characters). */
export const CASE_QUERY_MAX = 60;

/** A calendar date in China time, YYYY-MM-DD, that exists. */
const chinaDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    try {
      parseIsoDate(s);
      return true;
    } catch {
      return false;
    }
  }, '不存在的日期');

export const AuditListInput = z
  .object({
    /** Entries older than this seq (the next page); none: the newest. */
    before: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(500).default(200),
    group: z.enum(Object.keys(AUDIT_GROUPS) as [AuditGroup, ...AuditGroup[]]).optional(),
    /** Part of a 案号: entries about the cases whose number contains it (brackets' width and spaces ignored). */
    caseNumber: z.string().trim().min(1, '请填写案号或其一部分').max(CASE_QUERY_MAX, `案号最多 ${CASE_QUERY_MAX} 个字符`).optional(),
    /** First day, inclusive, in China time. */
    from: chinaDate.optional(),
    /** Last day, inclusive, in China time. */
    to: chinaDate.optional(),
  })
  .strict()
  .refine((i) => !i.from || !i.to || i.from <= i.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type AuditListInput = z.output<typeof AuditListInput>;

export type AuditProblemKind = 'hash_mismatch' | 'prev_link' | 'gap' | 'bad_detail';

export interface AuditProblem {
  seq: number;
  kind: AuditProblemKind;
  /** zh-CN, e.g. 第 12 条的内容与其校验值不符（记录被修改） */
  message: string;
}

export interface AuditVerifyReport {
  intact: boolean;
  /** Entries checked. */
  count: number;
  head: { seq: number; hash: string } | null;
  /** The first broken entry, if any. */
  problem: AuditProblem | null;
}

export interface ExportPolicy {
  /** 复制、导出执法记录须经批准 (seed 002 item 10(4)). */
  exportRequiresApproval: boolean;
}

/** The approval a reviewer gives with an export when the policy requires it. */
export const ExportApproval = z
  .object({
    /** 批准文号 / 审批单号 */
    reference: z.string().trim().min(2, '请填写批准文号或审批单号').max(100),
    /** 批准人 */
    approver: z.string().trim().min(2, '请填写批准人').max(40),
  })
  .strict();
export type ExportApproval = z.infer<typeof ExportApproval>;

/** The error code of an export refused for want of an approval (the renderer then asks for one). */
export const APPROVAL_REQUIRED = 'approval_required';

export const auditApi = {
  /** The audit trail of one case, newest first. */
  'audit.case': call<AuditEntryView[]>()(z.object({ caseId: z.string().min(1).max(200), limit: z.number().int().min(1).max(2000).default(500) }).strict()),
  /** The whole log, newest first, a page at a time, optionally one kind of entry (shared/audit/groups). */
  'audit.list': call<AuditListPage>()(AuditListInput),
  /** Check the whole chain; names the first broken entry. */
  'audit.verify': call<AuditVerifyReport>()(z.object({}).strict()),
  'settings.getExportPolicy': call<ExportPolicy>()(z.object({}).strict()),
  'settings.setExportPolicy': call<ExportPolicy>()(z.object({ exportRequiresApproval: z.boolean() }).strict()),
} as const;

/**
 * Calls that copy records out. Besides their own input they take an optional `approval`
 * (ExportApproval), split off and checked by the dispatch before the call's schema runs, so the
 * export policy is enforced in one place for every transport.
 */
export const APPROVABLE_CALLS: ReadonlySet<string> = new Set(['evidence.exportRedacted', 'evidence.exportOriginal', 'sync.exportBundle', 'opinions.export', 'opinions.exportPreview', 'meetings.exportMinutes']);
