// P3 — 告知 before the decision (处罚法 Art. 44), the statement/hearing-request window
// (Arts. 45, 64; 5 days in the law, 5 working days in SAMR practice — both shown), and the order
// of the procedure dates.
import { docsOfKind, decisionDate, hearingDates, receiptsFrom, requiredAliases } from '../context';
import type { RuleSet } from '../rule-data';
import type { Check, FindingDraft, FindingRef } from '../types';
import { basisOf, finding, periodEnd, UNIT_CN } from '../util';

const ART44 = { law: '中华人民共和国行政处罚法', article: '第四十四条', note: '作出处罚决定前告知拟作出的处罚内容及事实、理由、依据和陈述、申辩、要求听证等权利' };
const ART45 = { law: '中华人民共和国行政处罚法', article: '第四十五条' };
const ART64 = { law: '中华人民共和国行政处罚法', article: '第六十四条', note: '听证时当事人进行申辩和质证' };

/**
 * When the party was notified: the procedure's 告知送达 date; else the 送达回证 of the earliest 告知书
 * (the periods run from service, not from the day the notice was written); else the 告知书's own date,
 * with a note saying so.
 */
export function noticeDate(pkg: Parameters<Check>[0]['pkg'], rules: RuleSet): { date?: string; ref?: FindingRef; note?: string } {
  if (pkg.case.procedure.noticeServedOn) return { date: pkg.case.procedure.noticeServedOn, ref: { kind: 'field', id: 'case.procedure.noticeServedOn', label: `告知 ${pkg.case.procedure.noticeServedOn}` } };
  const doc = docsOfKind(pkg, noticeAliases(rules)).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  if (!doc) return {};
  const receipt = receiptsFrom(pkg, rules, doc.date).find((d) => /告知/.test(d.kind + d.title));
  if (receipt) return { date: receipt.date, ref: { kind: 'document', id: receipt.id, label: receipt.title }, note: `案卷未记录告知送达日期，按${receipt.title}的日期 ${receipt.date} 计` };
  return { date: doc.date, ref: { kind: 'document', id: doc.id, label: doc.title }, note: `案卷未记录告知送达日期，亦未见告知书的送达回证，按${doc.title}的日期 ${doc.date} 计` };
}

function noticeAliases(rules: RuleSet): readonly string[] {
  return requiredAliases(rules, 'notice', ['行政处罚告知书']);
}

export const checkNoticeBeforeDecision: Check = (input) => {
  const { pkg, rules } = input;
  const pr = pkg.case.procedure;
  const dec = decisionDate(input);
  const n = noticeDate(pkg, rules);
  const refs = n.ref ? [n.ref] : [];
  if (!n.date)
    return [finding('P3', 'P3.notice-before-decision', 'fail', '未记录行政处罚告知（无告知日期，亦无行政处罚告知书），不得作出处罚决定', { basis: [ART44], refs: [{ kind: 'field', id: 'case.procedure.noticeServedOn' }] })];
  const out: FindingDraft[] = [];
  if (n.date >= dec.date)
    out.push(finding('P3', 'P3.notice-before-decision', 'fail', `告知日期 ${n.date} 不早于${dec.label}，告知应在决定之前`, { computation: `告知 ${n.date} ≥ ${dec.date}`, basis: [ART44], refs }));
  else if (n.date < pr.filedOn) out.push(finding('P3', 'P3.notice-before-decision', 'fail', `告知日期 ${n.date} 早于立案日期 ${pr.filedOn}`, { basis: [ART44], refs }));
  else out.push(finding('P3', 'P3.notice-before-decision', 'ok', `已于 ${n.date} 告知，在${dec.label}之前`, { computation: `告知 ${n.date} < ${dec.date}`, basis: [ART44], refs }));
  if (pr.noticeServedOn && docsOfKind(pkg, noticeAliases(rules)).length === 0)
    out.push(
      finding('P3', 'P3.notice-before-decision', 'warn', `案卷记录了告知日期 ${pr.noticeServedOn}，但没有行政处罚告知书，告知无文书佐证`, {
        basis: [ART44],
        refs,
      }),
    );
  if (pr.investigationConcludedOn && n.date < pr.investigationConcludedOn)
    out.push(
      finding('P3', 'P3.notice-before-decision', 'warn', `告知日期 ${n.date} 早于调查终结日期 ${pr.investigationConcludedOn}`, {
        basis: [ART44],
        refs: [...refs, { kind: 'field', id: 'case.procedure.investigationConcludedOn' }],
      }),
    );
  return out;
};

export const checkStatementWindow: Check = (input) => {
  const { pkg, rules, calendar } = input;
  const pr = pkg.case.procedure;
  const p = rules.periods.statementWindow;
  const n = noticeDate(pkg, rules);
  if (!n.date) return [];
  const dec = decisionDate(input);
  const warnings = new Set<string>();
  const gov = periodEnd(calendar, n.date, p.length, p.unit, warnings, '告知 ');
  const steps = [...(n.note ? [n.note] : []), `${gov.text}（${p.length}${UNIT_CN[p.unit]}，适用）`];
  if (p.alsoShow && p.alsoShow !== p.unit) {
    const alt = periodEnd(calendar, n.date, p.length, p.alsoShow, warnings, '按');
    steps.push(`${alt.text.replace(/^按/, `按${p.length}${UNIT_CN[p.alsoShow]}：`)}（参考）`);
  }
  steps.push(`${dec.label}`);
  const basis = [basisOf(p.source, p.status), ART45];
  const refs = [...(n.ref ? [n.ref] : []), { kind: 'field' as const, id: dec.assumed ? 'today' : 'case.procedure.proposedDecisionOn', label: dec.label }];
  const out: FindingDraft[] = [];
  const hearing = hearingDates(pkg, rules);
  if (dec.date <= gov.end) {
    const waived = pr.statementHeardOn && !hearing.requested;
    out.push(
      finding(
        'P3',
        'P3.statement-window',
        waived ? 'warn' : 'fail',
        waived
          ? `决定日期在陈述申辩、要求听证期限（至 ${gov.end}）届满之前；当事人已陈述申辩，如未书面放弃听证权利，应待期满后作出决定`
          : `决定日期在陈述申辩、要求听证期限（至 ${gov.end}）届满之前`,
        { computation: steps.join('；'), basis, refs, warnings },
      ),
    );
  } else out.push(finding('P3', 'P3.statement-window', 'ok', `陈述申辩、要求听证期限于 ${gov.end} 届满，决定日期在其后`, { computation: steps.join('；'), basis, refs, warnings }));

  if (pr.statementHeardOn) {
    const sref = [{ kind: 'field' as const, id: 'case.procedure.statementHeardOn', label: `陈述申辩 ${pr.statementHeardOn}` }];
    if (pr.statementHeardOn < n.date) out.push(finding('P3', 'P3.statement-heard', 'fail', `陈述申辩日期 ${pr.statementHeardOn} 早于告知日期 ${n.date}`, { basis: [ART45], refs: sref }));
    else if (pr.statementHeardOn > dec.date) out.push(finding('P3', 'P3.statement-heard', 'fail', `陈述申辩日期 ${pr.statementHeardOn} 晚于${dec.label}`, { basis: [ART45], refs: sref }));
    else
      out.push(
        finding('P3', 'P3.statement-heard', 'ok', `已于 ${pr.statementHeardOn} 听取当事人陈述申辩；请核对拟处罚未因陈述申辩而加重`, {
          basis: [{ ...ART45, note: '不得因当事人陈述、申辩而给予更重的处罚' }],
          refs: sref,
        }),
      );
  } else if (hearing.held)
    // At a hearing the party states and defends its case (第六十四条): that is the statement.
    out.push(
      finding('P3', 'P3.statement-heard', 'ok', `当事人在 ${hearing.held.date} 的听证中陈述申辩、质证；请以听证笔录核对拟处罚未因陈述申辩而加重`, {
        basis: [{ ...ART45, note: '不得因当事人陈述、申辩而给予更重的处罚' }, ART64],
        refs: [hearing.held.fromDocument ? hearing.held.ref : { kind: 'field', id: 'case.procedure.hearingHeldOn', label: `听证 ${hearing.held.date}` }],
      }),
    );
  else if (hearing.requested)
    out.push(finding('P3', 'P3.statement-heard', 'info', `当事人于 ${hearing.requested.date} 要求听证，案卷未另行记录陈述申辩；听证是否举行见本要点的听证检查`, { basis: [ART45, ART64] }));
  else out.push(finding('P3', 'P3.statement-heard', 'info', '案卷未记录当事人陈述申辩（当事人可能放弃），请核对送达后是否逾期未陈述申辩', { basis: [ART45] }));
  return out;
};

/** Dates of the procedure in their logical order. */
export const checkDateOrder: Check = (input) => {
  const pr = input.pkg.case.procedure;
  const dec = decisionDate(input);
  // The hearing's dates from the file's documents too, when the procedure fields are empty.
  const hearing = hearingDates(input.pkg, input.rules);
  /** A dated step of the procedure (none when undated), with the chip the finding points at. */
  type Point = { label: string; date: string; ref: FindingRef } | undefined;
  const field = (label: string, f: keyof typeof pr): Point => {
    const date = pr[f] as string | undefined;
    return date ? { label, date, ref: { kind: 'field', id: `case.procedure.${f}`, label: `${label} ${date}` } } : undefined;
  };
  const fromHearing = (label: string, d: typeof hearing.requested): Point => (d ? { label, date: d.date, ref: d.ref } : undefined);
  const requested = fromHearing('听证申请', hearing.requested);
  const held = fromHearing('听证', hearing.held);
  const pairs: [Point, Point][] = [
    [field('线索登记', 'leadReceivedOn'), field('立案', 'filedOn')],
    [field('立案', 'filedOn'), field('调查终结', 'investigationConcludedOn')],
    [field('告知', 'noticeServedOn'), requested],
    [requested, held],
    [field('告知', 'noticeServedOn'), held],
    [field('立案', 'filedOn'), field('送审', 'submittedForReviewOn')],
    [field('送审（法制审核）', 'submittedForReviewOn'), field('拟作出决定', 'proposedDecisionOn')],
    [held, field('拟作出决定', 'proposedDecisionOn')],
  ];
  const out: FindingDraft[] = [];
  const basis = [{ law: '中华人民共和国行政处罚法', article: '第五十四条至第六十五条', note: '立案、调查、告知、听证、法制审核、决定的先后顺序' }];
  for (const [a, b] of pairs) {
    if (!a || !b || a.date <= b.date) continue;
    out.push(finding('P3', 'P3.date-order', 'fail', `${b.label}日期 ${b.date} 早于${a.label}日期 ${a.date}`, { basis, refs: [a.ref, b.ref] }));
  }
  // A decision already issued (决定书 in the file) must come after the review and the hearing too.
  const issued = docsOfKind(input.pkg, ['行政处罚决定书']).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  if (issued) {
    const before: [string, string | undefined, string, { law: string; article: string; note: string }][] = [
      ['送审（法制审核）', pr.submittedForReviewOn, 'submittedForReviewOn', { law: '中华人民共和国行政处罚法', article: '第五十八条', note: '法制审核应在作出决定之前；未经法制审核或者审核未通过的，不得作出决定' }],
      ['听证', hearing.held?.date, 'hearingHeldOn', { law: '中华人民共和国行政处罚法', article: '第六十五条', note: '听证结束后，依据听证笔录作出决定' }],
      ['告知', pr.noticeServedOn, 'noticeServedOn', { law: '中华人民共和国行政处罚法', article: '第四十四条', note: '作出处罚决定之前告知' }],
    ];
    for (const [label, d, f, law] of before)
      if (d && issued.date < d)
        out.push(
          finding('P3', 'P3.date-order', 'fail', `${issued.title}日期 ${issued.date} 早于${label}日期 ${d}`, {
            basis: [law],
            refs: [{ kind: 'document', id: issued.id, label: issued.title }, f === 'hearingHeldOn' && hearing.held?.fromDocument ? hearing.held.ref : { kind: 'field', id: `case.procedure.${f}`, label: `${label} ${d}` }],
          }),
        );
  }
  const past: [string, string | undefined, string][] = [
    ['线索登记', pr.leadReceivedOn, 'leadReceivedOn'],
    ['立案', pr.filedOn, 'filedOn'],
    ['调查终结', pr.investigationConcludedOn, 'investigationConcludedOn'],
    ['告知', pr.noticeServedOn, 'noticeServedOn'],
    ['陈述申辩', pr.statementHeardOn, 'statementHeardOn'],
    ['听证', pr.hearingHeldOn, 'hearingHeldOn'],
    ['送审', pr.submittedForReviewOn, 'submittedForReviewOn'],
  ];
  for (const [label, d, f] of past)
    if (d && d > input.today) out.push(finding('P3', 'P3.date-order', 'fail', `${label}日期 ${d} 晚于今日 ${input.today}`, { basis, refs: [{ kind: 'field', id: `case.procedure.${f}`, label: `${label} ${d}` }] }));
  if (out.length === 0) out.push(finding('P3', 'P3.date-order', 'ok', `程序日期顺序一致（线索→立案→调查终结→告知→送审→${dec.assumed ? '决定' : '拟决定'}）`, { basis }));
  return out;
};
