// P3 — the hearing right (处罚法 Art. 63; thresholds per 听证办法, by party kind): required for
// this penalty? offered? request window, 7 days' notice of the hearing, delivery within 7 days.
import type { CasePackage } from '../../casefile/schema';
import { caseParties, docsOfKind, fines, finesWithoutAmount, hearingDates, PARTY_KIND_LABEL, PENALTY_LABEL, receiptsFrom, type HearingDate } from '../context';
import type { RuleSet } from '../rule-data';
import type { Check, FindingDraft } from '../types';
import { basisOf, finding, periodEnd, UNIT_CN, yuan } from '../util';
import { noticeDate } from './p3-notice';

export interface HearingNeed {
  required: boolean;
  reasons: string[];
  /**
   * Why it cannot be told from the case file: `warn` for a fine without its amount or goods whose
   * 货值金额 reaches the threshold; `info` for goods with nothing to value them by (usually a tool
   * or a few items — the reviewer is asked, not alarmed).
   */
  unknown: { text: string; severity: 'warn' | 'info' }[];
  computation: string;
}

/**
 * The value a confiscation counts with (听证办法: 没收违法所得和非法财物价值总额): its stated amount;
 * else, for 违法所得, the case file's 违法所得; for goods, the 货值金额 of all goods involved is an
 * upper bound (the confiscated goods are among them). Nothing to go by: unknown.
 */
function confiscationValue(p: CasePackage['case']['proposedDecision']['penalties'][number], pd: CasePackage['case']['proposedDecision']): { fen: number; exact: boolean; note?: string } | null {
  if (p.amountFen !== undefined) return { fen: p.amountFen, exact: true };
  if (p.type === 'confiscate_gains' && pd.illegalGainsFen !== undefined) return { fen: pd.illegalGainsFen, exact: true, note: `“${p.description}”按违法所得 ${yuan(pd.illegalGainsFen)} 计` };
  if (p.type === 'confiscate_goods' && pd.goodsValueFen !== undefined) return { fen: pd.goodsValueFen, exact: false, note: `“${p.description}”未载明价值，以货值金额 ${yuan(pd.goodsValueFen)} 为上限` };
  return null;
}

/** Is a hearing right required for the proposed penalties? */
export function hearingNeed(pkg: CasePackage, rules: RuleSet): HearingNeed {
  const h = rules.hearing;
  const pd = pkg.case.proposedDecision;
  const reasons: string[] = [];
  const unknown: HearingNeed['unknown'] = [];
  const steps: string[] = [];
  const penalties = pd.penalties;
  for (const p of penalties) {
    if (h.penaltyTypes.includes(p.type)) reasons.push(PENALTY_LABEL[p.type] ?? p.type);
    const kw = h.keywords.find((k) => p.description.includes(k));
    if (kw && !h.penaltyTypes.includes(p.type)) reasons.push(kw);
  }
  const fineTotal = fines(pkg).reduce((s, f) => s + f.amountFen, 0);
  const unpriced = finesWithoutAmount(pkg);
  const confiscated = penalties.filter((p) => p.type === 'confiscate_gains' || p.type === 'confiscate_goods');
  const values = confiscated.map((p) => ({ p, v: confiscationValue(p, pd) }));
  const confExact = values.reduce((s, x) => s + (x.v?.exact ? x.v.fen : 0), 0);
  const confUpper = values.reduce((s, x) => s + (x.v?.fen ?? 0), 0);
  const unvalued = values.filter((x) => !x.v).map((x) => `“${x.p.description}”`);
  const bounded = values.some((x) => x.v && !x.v.exact);
  const notes = values.flatMap((x) => (x.v?.note ? [x.v.note] : []));
  for (const party of caseParties(pkg)) {
    const t = h.thresholds[party.kind];
    const kind = PARTY_KIND_LABEL[party.kind];
    steps.push(`当事人${party.name}为${kind}，较大数额标准 ${yuan(t.amountFen)}（《${t.source.law}》${t.source.article ?? ''}）`);
    if (fineTotal > 0 || unpriced.length) {
      const hit = fineTotal >= t.amountFen;
      steps.push(fineTotal > 0 ? `罚款 ${yuan(fineTotal)}${unpriced.length ? `（另有 ${unpriced.length} 项未载明数额）` : ''} ${hit ? '≥' : '<'} ${yuan(t.amountFen)}` : '罚款未载明数额');
      if (hit) reasons.push(`对${kind}罚款 ${yuan(fineTotal)}（${yuan(t.amountFen)}以上）`);
      else if (unpriced.length) unknown.push({ severity: 'warn', text: `拟处罚“${unpriced.map((u) => u.description).join('”“')}”未载明罚款数额，无法判断是否达到对${kind}罚款${yuan(t.amountFen)}以上的标准` });
    }
    if (h.confiscationCounts && confiscated.length) {
      const hit = confExact >= t.amountFen;
      const parts = [...notes, ...(unvalued.length ? [`${unvalued.join('、')}未载明价值`] : [])];
      const upper = bounded && !unvalued.length ? `，合计至多 ${yuan(confUpper)}` : '';
      steps.push(`没收违法所得和非法财物价值合计 ${yuan(confExact)}${parts.length ? `（${parts.join('；')}${upper}）` : ''} ${hit ? '≥' : '<'} ${yuan(t.amountFen)}`);
      if (hit) reasons.push(`没收违法所得、非法财物价值 ${yuan(confExact)}（${yuan(t.amountFen)}以上）`);
      else if (unvalued.length) unknown.push({ severity: 'info', text: `${unvalued.join('、')}未载明价值；没收违法所得和非法财物价值总额达到${yuan(t.amountFen)}（${kind}）的，应当告知听证权利` });
      else if (confUpper >= t.amountFen) unknown.push({ severity: 'warn', text: `没收的非法财物未载明价值，按货值金额计没收价值总额可能达到${yuan(t.amountFen)}（${kind}；至多 ${yuan(confUpper)}）` });
    }
  }
  return { required: reasons.length > 0, reasons: [...new Set(reasons)], unknown: unknown.filter((u, i) => unknown.findIndex((x) => x.text === u.text) === i), computation: steps.join('；') };
}

/** "（据听证申请书；案卷未记录申请听证日期）" for a date read from a document. */
function fromDocNote(d: HearingDate, field: string): string {
  return d.fromDocument ? `（据${d.fromDocument}；案卷未记录${field}）` : '';
}

export const checkHearingRight: Check = ({ pkg, rules }) => {
  const h = rules.hearing;
  const need = hearingNeed(pkg, rules);
  const party = caseParties(pkg)[0];
  const basis = [basisOf(h.source, h.status)];
  if (party) basis.push(basisOf(h.thresholds[party.kind].source, h.thresholds[party.kind].status));
  const out: FindingDraft[] = [];
  if (!need.required) {
    out.push(
      need.unknown.length
        ? finding('P3', 'P3.hearing-required', need.unknown.some((u) => u.severity === 'warn') ? 'warn' : 'info', `无法判断是否应当告知听证权利：${need.unknown.map((u) => u.text).join('；')}，请核对`, {
            computation: need.computation,
            basis,
            refs: [{ kind: 'field', id: 'case.proposedDecision.penalties' }],
          })
        : finding('P3', 'P3.hearing-required', 'ok', '拟作出的处罚不属于应当告知听证权利的情形', { computation: need.computation, basis }),
    );
    return out;
  }
  out.push(finding('P3', 'P3.hearing-required', 'info', `拟作出的处罚应当告知当事人有要求听证的权利：${need.reasons.join('；')}`, { computation: need.computation, basis }));
  const notice = noticeDate(pkg, rules);
  const hearingDoc = docsOfKind(pkg, ['听证告知']);
  const { requested, held } = hearingDates(pkg, rules);
  if (held || requested)
    out.push(
      finding('P3', 'P3.hearing-offered', 'ok', held ? `已于 ${held.date} 举行听证${fromDocNote(held, '听证日期')}` : `当事人已于 ${requested!.date} 申请听证${fromDocNote(requested!, '申请听证日期')}`, {
        basis,
        refs: [(held ?? requested)!.ref],
      }),
    );
  else if (hearingDoc.length)
    out.push(finding('P3', 'P3.hearing-offered', 'ok', `已送达${hearingDoc[0]!.kind}，当事人未申请听证`, { basis, refs: [{ kind: 'document', id: hearingDoc[0]!.id, label: hearingDoc[0]!.title }] }));
  else if (notice.date)
    out.push(
      finding('P3', 'P3.hearing-offered', 'info', `已于 ${notice.date} 告知，当事人未申请听证；请核对告知书是否载明要求听证的权利及期限`, { basis, refs: notice.ref ? [notice.ref] : [] }),
    );
  else out.push(finding('P3', 'P3.hearing-offered', 'fail', '应当告知听证权利，但案卷中没有告知记录', { basis }));
  return out;
};

export const checkHearingProcedure: Check = ({ pkg, rules, calendar }) => {
  const pr = pkg.case.procedure;
  const out: FindingDraft[] = [];
  const { requested, held } = hearingDates(pkg, rules);
  const notice = noticeDate(pkg, rules);
  const win = rules.periods.statementWindow;
  if (requested && notice.date) {
    const warnings = new Set<string>();
    const end = periodEnd(calendar, notice.date, win.length, win.unit, warnings, '告知 ');
    const late = requested.date > end.end;
    out.push(
      finding('P3', 'P3.hearing-request-window', late ? 'info' : 'ok', late ? `听证申请（${requested.date}）晚于申请期限（${end.end}）；逾期申请可不组织听证，已组织的不影响程序` : `听证申请在期限内（至 ${end.end}）`, {
        computation: `${notice.note ? `${notice.note}；` : ''}${end.text}；申请 ${requested.date}${fromDocNote(requested, '申请听证日期')}`,
        basis: [basisOf(win.source, win.status)],
        refs: [requested.ref],
        warnings,
      }),
    );
  }
  if (requested && !held) {
    const withdrawn = docsOfKind(pkg, ['撤回听证', '放弃听证']);
    out.push(
      withdrawn.length
        ? finding('P3', 'P3.hearing-held', 'ok', `当事人申请听证后撤回（${withdrawn[0]!.title}）`, { basis: [{ law: '中华人民共和国行政处罚法', article: '第六十四条' }], refs: [{ kind: 'document', id: withdrawn[0]!.id }] })
        : finding('P3', 'P3.hearing-held', 'fail', `当事人已于 ${requested.date} 申请听证${fromDocNote(requested, '申请听证日期')}，案卷未记录举行听证或当事人撤回申请`, {
            basis: [{ law: '中华人民共和国行政处罚法', article: '第六十四条', note: '当事人要求听证的，行政机关应当组织听证' }],
            refs: [requested.ref],
          }),
    );
  }
  if (held) {
    const hn = rules.periods.hearingNotice;
    const doc = docsOfKind(pkg, ['听证通知书']).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
    const basis = [basisOf(hn.source, hn.status)];
    if (!doc) out.push(finding('P3', 'P3.hearing-notice-7-days', 'warn', '已举行听证，但案卷中没有听证通知书，无法核对是否提前七日通知', { basis }));
    else {
      // "在举行听证的七日前通知": the hearing may be held, at the earliest, on the day the period
      // ends (calendar days are not rolled here: the hearing may be any day after).
      // The party is notified when the notice is served: its 送达回证 when the file has one.
      const receipt = receiptsFrom(pkg, rules, doc.date).find((d) => /听证通知/.test(d.kind + d.title));
      const served = receipt?.date ?? doc.date;
      const warnings = new Set<string>();
      const earliest = (unit: typeof hn.unit) => {
        const e = periodEnd(calendar, served, hn.length, unit, warnings, '听证通知 ');
        return { date: unit === 'working_days' ? e.end : e.nominal, text: unit === 'working_days' ? e.text : `听证通知 ${served} + ${hn.length}日 = ${e.nominal}` };
      };
      const gov = earliest(hn.unit);
      const alt = hn.alsoShow && hn.alsoShow !== hn.unit ? earliest(hn.alsoShow) : undefined;
      const steps = [
        ...(receipt && receipt.date !== doc.date ? [`听证通知书 ${doc.date} 制作，${receipt.date} 送达（${receipt.title}）`] : []),
        `${gov.text}（适用）`,
        ...(alt ? [`按${hn.length}${UNIT_CN[hn.alsoShow!]}：${alt.text}（参考）`] : []),
        `听证 ${held.date}${fromDocNote(held, '听证日期')}`,
      ];
      const refs = [{ kind: 'document' as const, id: doc.id, label: doc.title }, ...(receipt ? [{ kind: 'document' as const, id: receipt.id, label: receipt.title }] : []), held.ref];
      if (held.date < gov.date)
        out.push(finding('P3', 'P3.hearing-notice-7-days', 'fail', `听证通知书（${served === doc.date ? doc.date : `${served} 送达`}）距听证（${held.date}）不足${hn.length}${UNIT_CN[hn.unit]}`, { computation: steps.join('；'), basis, refs, warnings }));
      else if (alt && held.date < alt.date)
        out.push(
          finding('P3', 'P3.hearing-notice-7-days', 'warn', `听证前已满${hn.length}${UNIT_CN[hn.unit]}，但按${hn.length}${UNIT_CN[hn.alsoShow!]}计算不足（听证最早应在 ${alt.date}）`, { computation: steps.join('；'), basis, refs, warnings }),
        );
      else out.push(finding('P3', 'P3.hearing-notice-7-days', 'ok', `听证通知书于 ${served} 送达，听证前已满${hn.length}${UNIT_CN[hn.unit]}`, { computation: steps.join('；'), basis, refs, warnings }));
    }
    const covered = pr.excludedPeriods.some((r) => r.start <= held.date && held.date <= r.end);
    if (!covered)
      out.push(
        finding('P3', 'P3.hearing-excluded', 'info', '听证期间可不计入办案期限，案卷未记录听证期间的扣除（如需扣除应在“不计入期间”中记录）', {
          basis: [{ law: '市场监督管理行政处罚程序规定', article: '第八十六条', note: '待核实条文' }],
          refs: [{ kind: 'field', id: 'case.procedure.excludedPeriods' }],
        }),
      );
  }
  return out;
};

export const checkDelivery: Check = ({ pkg, rules, calendar }) => {
  const decision = docsOfKind(pkg, ['行政处罚决定书']).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  if (!decision) return [];
  const p = rules.periods.delivery;
  const basis = [basisOf(p.source, p.status)];
  // The decision's own 送达回证: one naming the decision; else one naming no other document.
  const after = receiptsFrom(pkg, rules, decision.date);
  const receipt = after.find((d) => /决定/.test(d.kind + d.title)) ?? after.find((d) => !/告知|通知|责令/.test(d.kind + d.title));
  if (!receipt) return [finding('P3', 'P3.delivery-within-7-days', 'warn', `已有行政处罚决定书（${decision.date}），未见其后的送达回证`, { basis, refs: [{ kind: 'document', id: decision.id, label: decision.title }] })];
  const warnings = new Set<string>();
  const gov = periodEnd(calendar, decision.date, p.length, p.unit, warnings, '决定 ');
  const steps = [`${gov.text}（适用）`];
  let altEnd: string | undefined;
  if (p.alsoShow && p.alsoShow !== p.unit) {
    const alt = periodEnd(calendar, decision.date, p.length, p.alsoShow, warnings);
    altEnd = alt.end;
    steps.push(`按${p.length}${UNIT_CN[p.alsoShow]}：${alt.text}（参考）`);
  }
  steps.push(`送达 ${receipt.date}`);
  const refs = [
    { kind: 'document' as const, id: decision.id, label: decision.title },
    { kind: 'document' as const, id: receipt.id, label: receipt.title },
  ];
  if (receipt.date > gov.end) return [finding('P3', 'P3.delivery-within-7-days', 'fail', `决定书送达（${receipt.date}）超过${p.length}${UNIT_CN[p.unit]}（至 ${gov.end}）`, { computation: steps.join('；'), basis, refs, warnings })];
  // In time by the period that applies; the other reading is told, not held against the case.
  if (altEnd && receipt.date > altEnd)
    return [finding('P3', 'P3.delivery-within-7-days', 'info', `决定书于 ${receipt.date} 送达，在${p.length}${UNIT_CN[p.unit]}内；按${p.length}${UNIT_CN[p.alsoShow!]}计算则已超过（至 ${altEnd}）`, { computation: steps.join('；'), basis, refs, warnings })];
  return [finding('P3', 'P3.delivery-within-7-days', 'ok', `决定书于 ${receipt.date} 送达，在期限内`, { computation: steps.join('；'), basis, refs, warnings })];
};
