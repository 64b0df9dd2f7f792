// A small builder of case packages for the rule checks: a clean 销售过期食品 case that produces
// no `fail`, which each test mutates. Pure data — no files are written (hashes are fake).
import type { CasePackage, DocumentItem, EvidenceItem, Officer } from '../../../src/shared/casefile/schema';
import { loadCalendar } from '../../../src/main/services/calendar';
import { loadRuleSet } from '../../../src/main/services/rule-data';
import { runChecks } from '../../../src/shared/rules';
import type { CheckInput, Finding, Severity } from '../../../src/shared/rules/types';

export const calendar = loadCalendar();
export const rules = loadRuleSet();
export const TODAY = '2026-08-03';

let n = 0;
/** A stable fake sha256 per item id (the same package built twice has the same hashes). */
const fakeSha = (seed: string) => {
  let h = 0;
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(8);
};

export function doc(kind: string, date: string, extra: Partial<DocumentItem> = {}): DocumentItem {
  const id = extra.id ?? `d-${kind}-${date}-${n++}`;
  return { id, kind, title: extra.title ?? kind, date, file: { path: `documents/${id}.pdf`, sha256: fakeSha(id), size: 1000, mime: 'application/pdf' }, ...extra };
}

export function ev(title: string, proves: string, collectedOn: string, extra: Partial<EvidenceItem> = {}): EvidenceItem {
  const id = extra.id ?? `e-${n++}`;
  return {
    id,
    kind: '书证',
    title,
    source: '当事人提供',
    collectedBy: ['o1', 'o2'],
    collectedOn,
    proves,
    file: { path: `evidence/${id}.pdf`, sha256: fakeSha(id), size: 1000, mime: 'application/pdf' },
    ...extra,
  };
}

export function officer(id: string, name: string, validFrom = '2024-01-01', validTo = '2029-12-31', extra: Partial<Officer> = {}): Officer {
  return { id, name, credentialNo: `3405012019${id.padStart(4, '0')}`, credentialValidFrom: validFrom, credentialValidTo: validTo, legalQualification: false, unit: '执法稽查支队', ...extra };
}

/** The clean baseline: 个体工商户 sells expired food; fine ¥70,000 (一般) under 食品安全法 Art. 124. */
export function baseCase(): CasePackage {
  return structuredClone<CasePackage>({
    format: 'fashen.case-package',
    formatVersion: 1,
    case: {
      id: 'case-0001-aaaa',
      revision: 1,
      caseNumber: '马市监处罚〔2026〕101号',
      cause: '经营超过保质期的食品',
      agency: { code: '340500', name: '马鞍山市市场监督管理局', shortName: '马市监', region: '340500', level: 'city' },
      handlingUnit: '执法稽查支队',
      procedureType: 'general',
      violationPeriod: { start: '2026-05-01', end: '2026-05-10', continuing: false },
      facts: '当事人在其经营场所销售超过保质期的预包装食品，货值金额1,520元，违法所得30元。',
      procedure: {
        leadReceivedOn: '2026-05-11',
        filedOn: '2026-05-15',
        investigationConcludedOn: '2026-07-10',
        noticeServedOn: '2026-07-13',
        statementHeardOn: '2026-07-15',
        submittedForReviewOn: '2026-07-22',
        proposedDecisionOn: '2026-07-27',
        excludedPeriods: [],
        extensions: [],
      },
      proposedDecision: {
        penalties: [
          { type: 'confiscate_goods', description: '没收超过保质期的食品12袋' },
          { type: 'confiscate_gains', amountFen: 3000, description: '没收违法所得30元' },
          { type: 'fine', amountFen: 7_000_000, description: '罚款人民币柒万元' },
        ],
        violatedProvisions: [{ law: '中华人民共和国食品安全法', article: '第三十四条', clause: '第（十）项' }],
        legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十四条', clause: '第一款第（五）项' }],
        discretion: { level: '一般', factors: ['违法行为持续时间较短'] },
        goodsValueFen: 152_000,
        salesFen: 38_400,
        illegalGainsFen: 3000,
      },
      caseOfficerIds: ['o1', 'o2'],
      partyIds: ['p1'],
    },
    parties: [{ id: 'p1', kind: 'natural', name: '王某某（花山区建国副食店）', idNumber: '340503198001011234', address: '安徽省马鞍山市花山区湖东路1号' }],
    officers: [officer('o1', '李明'), officer('o2', '张强')],
    documents: [
      doc('案件来源登记表', '2026-05-11', { id: 'd-lead' }),
      doc('现场笔录', '2026-05-11', { id: 'd-scene' }),
      doc('立案审批表', '2026-05-15', { id: 'd-filing' }),
      doc('询问笔录', '2026-05-18', { id: 'd-inquiry' }),
      doc('案件调查终结报告', '2026-07-10', { id: 'd-report' }),
      doc('行政处罚告知书', '2026-07-13', { id: 'd-notice', docNumber: '马市监罚告〔2026〕101号' }),
      doc('送达回证', '2026-07-13', { id: 'd-receipt', title: '行政处罚告知书送达回证' }),
      doc('陈述申辩笔录', '2026-07-15', { id: 'd-statement' }),
    ],
    evidence: [
      ev('营业执照复印件', '当事人的主体资格', '2026-05-11', { id: 'e1' }),
      ev('现场照片', '货架上摆放超过保质期的食品', '2026-05-11', { id: 'e2', kind: '视听资料' }),
      ev('收银系统销售记录', '涉案食品的销售数量、销售金额和货值', '2026-05-18', { id: 'e3', kind: '电子数据' }),
    ],
  });
}

export type Mutate = (pkg: CasePackage) => void;

export function input(mutate?: Mutate, extra: Partial<CheckInput> = {}): CheckInput {
  const pkg = baseCase();
  mutate?.(pkg);
  return { pkg, rules, calendar, today: TODAY, ...extra };
}

/** Findings of one check (by id or id prefix). */
export function run(check: string, mutate?: Mutate, extra: Partial<CheckInput> = {}): Finding[] {
  return runChecks(input(mutate, extra)).filter((f) => f.check === check || f.check.startsWith(`${check}.`));
}

/** The worst severity of a check's findings. */
export function worst(check: string, mutate?: Mutate, extra: Partial<CheckInput> = {}): Severity | 'none' {
  const rank: Record<Severity, number> = { ok: 0, info: 1, warn: 2, fail: 3 };
  const fs = run(check, mutate, extra);
  return fs.length ? fs.reduce<Severity>((w, f) => (rank[f.severity] > rank[w] ? f.severity : w), 'ok') : 'none';
}

/** Replace the fine amount (fen). */
export const setFine = (fen: number): Mutate => (pkg) => {
  const p = pkg.case.proposedDecision.penalties.find((x) => x.type === 'fine');
  if (p) p.amountFen = fen;
};
