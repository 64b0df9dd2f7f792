// The case package (案卷包): the unit of import and, later, of sync.
// A folder or .zip holding case.json plus the files it lists with their sha256.
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 应为 64 位小写十六进制');
/** Money is always integer fen (分). */
export const fen = z.number().int().nonnegative();

export const FileRef = z.object({
  /** Path inside the package, forward slashes, no "..". */
  path: z
    .string()
    .min(1)
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..') && !p.includes('\\'), '文件路径不得为绝对路径或包含 ..'),
  sha256: sha256Hex,
  size: z.number().int().nonnegative(),
  mime: z.string().min(3),
});
export type FileRef = z.infer<typeof FileRef>;

export const Agency = z.object({
  code: z.string().min(1),
  name: z.string().min(2), // e.g. 马鞍山市市场监督管理局
  shortName: z.string().min(1), // e.g. 马市监
  region: z.string().min(2), // 行政区划
  level: z.enum(['province', 'city', 'county']),
});
export type Agency = z.infer<typeof Agency>;

export const Officer = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  credentialNo: z.string(), // 执法证号 — may be empty: P2 reports it, rather than the import refusing the case
  credentialValidFrom: isoDate,
  credentialValidTo: isoDate,
  legalQualification: z.boolean().default(false), // 法律职业资格
  unit: z.string().min(1),
});
export type Officer = z.infer<typeof Officer>;

export const PartyKind = z.enum(['natural', 'legal', 'other']); // 自然人 / 法人 / 其他组织
export const Party = z.object({
  id: z.string().min(1),
  kind: PartyKind,
  name: z.string().min(1),
  /** 身份证号 for natural persons, 统一社会信用代码 otherwise. */
  idNumber: z.string().min(6),
  address: z.string().min(2),
  legalRepresentative: z.string().optional(),
  phone: z.string().optional(),
  businessScope: z.string().optional(),
});
export type Party = z.infer<typeof Party>;

export const DateRange = z.object({ start: isoDate, end: isoDate });

export const Procedure = z.object({
  leadReceivedOn: isoDate, // 线索/案源登记
  filedOn: isoDate, // 立案
  investigationConcludedOn: isoDate.optional(), // 调查终结
  noticeServedOn: isoDate.optional(), // 行政处罚告知
  statementHeardOn: isoDate.optional(), // 陈述申辩
  hearingRequestedOn: isoDate.optional(),
  hearingHeldOn: isoDate.optional(), // 听证
  submittedForReviewOn: isoDate, // 送审
  proposedDecisionOn: isoDate.optional(), // 拟作出决定日期
  /** Periods not counted toward the 90-day limit (听证、检测、检验、鉴定…). */
  excludedPeriods: z.array(DateRange.extend({ reason: z.string().min(1) })).default([]),
  extensions: z.array(z.object({ days: z.number().int().positive(), approvedOn: isoDate, approvedBy: z.string().min(1) })).default([]),
});
export type Procedure = z.infer<typeof Procedure>;

export const PenaltyType = z.enum([
  'warning', // 警告
  'fine', // 罚款
  'confiscate_gains', // 没收违法所得
  'confiscate_goods', // 没收非法财物
  'suspend_business', // 责令停产停业
  'revoke_license', // 吊销许可证件/营业执照
  'restrict_practice', // 限制从业
  'circulate_criticism', // 通报批评
]);
export type PenaltyType = z.infer<typeof PenaltyType>;

export const LegalCitation = z.object({
  law: z.string().min(2), // e.g. 中华人民共和国食品安全法
  article: z.string().min(1), // e.g. 第一百二十四条
  clause: z.string().optional(), // e.g. 第一款第（三）项
  text: z.string().optional(),
});
export type LegalCitation = z.infer<typeof LegalCitation>;

export const DiscretionLevel = z.enum(['不予处罚', '减轻', '从轻', '一般', '从重']);

export const ProposedDecision = z.object({
  penalties: z
    .array(z.object({ type: PenaltyType, amountFen: fen.optional(), description: z.string().min(1) }))
    .min(1, '拟处罚决定至少包含一项处罚'),
  violatedProvisions: z.array(LegalCitation).min(1), // 违反的条款
  legalBasis: z.array(LegalCitation).min(1), // 处罚依据
  discretion: z.object({ level: DiscretionLevel, factors: z.array(z.string()).default([]), reason: z.string().optional() }),
  illegalGainsFen: fen.optional(), // 违法所得
  goodsValueFen: fen.optional(), // 货值金额
  salesFen: fen.optional(), // 销售金额
});
export type ProposedDecision = z.infer<typeof ProposedDecision>;

export const DocumentItem = z.object({
  id: z.string().min(1),
  kind: z.string().min(2), // 文书种类, e.g. 立案审批表
  title: z.string().min(1),
  docNumber: z.string().optional(),
  date: isoDate,
  file: FileRef,
});
export type DocumentItem = z.infer<typeof DocumentItem>;

export const EvidenceKind = z.enum(['书证', '物证', '视听资料', '电子数据', '证人证言', '当事人的陈述', '鉴定意见', '勘验笔录、现场笔录']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const EvidenceItem = z.object({
  id: z.string().min(1),
  kind: EvidenceKind,
  title: z.string().min(1),
  source: z.string().min(1), // 来源
  collectedBy: z.array(z.string()).default([]), // officer ids
  collectedOn: isoDate,
  proves: z.string().min(1), // 证明对象
  file: FileRef,
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const CaseRecord = z.object({
  id: z.string().min(8),
  revision: z.number().int().positive(),
  caseNumber: z.string().regex(/^.+〔\d{4}〕[1-9]\d*号$/, '案号格式应如 马市监处罚〔2026〕193号'),
  cause: z.string().min(2), // 案由
  agency: Agency,
  handlingUnit: z.string().min(2), // 承办机构
  procedureType: z.literal('general'),
  violationPeriod: DateRange.extend({ continuing: z.boolean().default(false) }),
  /** 违法行为发生地: what territorial jurisdiction turns on (程序规定第六条); optional in format version 1. */
  violationPlace: z.string().trim().min(2).max(200).optional(),
  facts: z.string().min(10),
  procedure: Procedure,
  proposedDecision: ProposedDecision,
  caseOfficerIds: z.array(z.string()).min(1),
  partyIds: z.array(z.string()).min(1),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const CASE_PACKAGE_FORMAT = 'fashen.case-package';

export const CasePackage = z
  .object({
    format: z.literal(CASE_PACKAGE_FORMAT),
    formatVersion: z.literal(1),
    case: CaseRecord,
    parties: z.array(Party).min(1),
    officers: z.array(Officer).min(1),
    documents: z.array(DocumentItem),
    evidence: z.array(EvidenceItem),
  })
  .superRefine((pkg, ctx) => {
    const officerIds = new Set(pkg.officers.map((o) => o.id));
    const partyIds = new Set(pkg.parties.map((p) => p.id));
    pkg.case.caseOfficerIds.forEach((id, i) => {
      if (!officerIds.has(id)) ctx.addIssue({ code: 'custom', path: ['case', 'caseOfficerIds', i], message: `未知的执法人员 ${id}` });
    });
    pkg.case.partyIds.forEach((id, i) => {
      if (!partyIds.has(id)) ctx.addIssue({ code: 'custom', path: ['case', 'partyIds', i], message: `未知的当事人 ${id}` });
    });
    pkg.evidence.forEach((e, i) =>
      e.collectedBy.forEach((id, j) => {
        if (!officerIds.has(id)) ctx.addIssue({ code: 'custom', path: ['evidence', i, 'collectedBy', j], message: `未知的执法人员 ${id}` });
      }),
    );
    const seen = new Set<string>();
    [...pkg.documents, ...pkg.evidence].forEach((item) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['documents'], message: `重复的文书/证据编号 ${item.id}` });
      seen.add(item.id);
    });
  });
export type CasePackage = z.infer<typeof CasePackage>;

/** The files a package lists, documents first. */
export function packageFiles(pkg: CasePackage): FileRef[] {
  return [...pkg.documents.map((d) => d.file), ...pkg.evidence.map((e) => e.file)];
}
