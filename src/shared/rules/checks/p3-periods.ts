// P3 执法程序是否合法 — the two long periods: lead → 立案 (15 working days, +15) and
// 立案 → decision (90 days net of excluded periods and approved extensions).
import { addDays, daysBetween } from '../../format/date';
import { decisionDate } from '../context';
import type { Check, FindingDraft } from '../types';
import { basisOf, dayDiffText, finding, mergeRanges, periodEnd, rangeDays, UNIT_CN } from '../util';

export const checkFilingPeriod: Check = ({ pkg, rules, calendar }) => {
  const pr = pkg.case.procedure;
  const p = rules.periods.leadToFiling;
  const warnings = new Set<string>();
  const basis = [basisOf(p.source, p.status)];
  const refs = [
    { kind: 'field' as const, id: 'case.procedure.leadReceivedOn', label: `线索 ${pr.leadReceivedOn}` },
    { kind: 'field' as const, id: 'case.procedure.filedOn', label: `立案 ${pr.filedOn}` },
  ];
  if (pr.filedOn < pr.leadReceivedOn)
    return [finding('P3', 'P3.filing-within-15-working-days', 'fail', `立案日期 ${pr.filedOn} 早于线索登记日期 ${pr.leadReceivedOn}`, { basis, refs })];
  const base = periodEnd(calendar, pr.leadReceivedOn, p.length, p.unit, warnings, '线索 ');
  // An extension approved on or before 立案 can only be the extension of the 核查 period.
  const ext = p.extension ? pr.extensions.find((e) => e.approvedOn <= pr.filedOn) : undefined;
  const steps = [base.text];
  let end = base.end;
  if (ext && p.extension) {
    // As approved, up to what the rules allow: a 5-day approval extends by 5, a 30-day one by 15.
    const days = Math.min(ext.days, p.extension.length);
    const ex = periodEnd(calendar, pr.leadReceivedOn, p.length + days, p.extension.unit, warnings);
    end = ex.end;
    const capped = ext.days > p.extension.length ? `（批准 ${ext.days} 个，最多可延长 ${p.extension.length}${UNIT_CN[p.extension.unit]}）` : '';
    steps.push(`经 ${ext.approvedBy} 于 ${ext.approvedOn} 批准延长 ${days}${UNIT_CN[p.extension.unit]}${capped} → ${end}`);
    basis.push(basisOf(p.extension.source, p.extension.status));
  }
  const used = calendar.workingDaysBetween(pr.leadReceivedOn, pr.filedOn);
  used.warnings.forEach((w) => warnings.add(w));
  steps.push(`立案 ${pr.filedOn}（第 ${used.value} 个工作日）`);
  const ok = pr.filedOn <= end;
  // An extension approved once the 15 working days had run out extends nothing (程序规定第十八条:
  // the head approves the extension within the period) — only asked when it is needed.
  const lateExt = ok && ext && pr.filedOn > base.end && ext.approvedOn > base.end;
  if (lateExt) steps.push(`延长审批 ${ext.approvedOn} 晚于原期限届满日 ${base.end}`);
  return [
    finding(
      'P3',
      'P3.filing-within-15-working-days',
      ok ? (lateExt ? 'warn' : 'ok') : 'fail',
      lateExt
        ? `立案在线索登记后第 ${used.value} 个工作日，超过原核查期限（至 ${base.end}）；延长核查期限的批准（${ext.approvedOn}）晚于原期限届满日，延期应在期限届满前批准，请核对`
        : ok
          ? `立案在线索登记后 ${used.value} 个工作日内，未超过${ext ? '延长后的' : ''}核查期限`
          : `立案超过核查期限：线索登记后第 ${used.value} 个工作日才立案，期限至 ${end}${ext ? '' : '，且未见延长审批'}`,
      { computation: steps.join('；'), basis, refs, warnings },
    ),
  ];
};

export const checkDecisionPeriod: Check = (input) => {
  const { pkg, rules, calendar } = input;
  const pr = pkg.case.procedure;
  const p = rules.periods.filingToDecision;
  const dec = decisionDate(input);
  const warnings = new Set<string>();
  const basis = [basisOf(p.source, p.status)];
  const refs = [
    { kind: 'field' as const, id: 'case.procedure.filedOn', label: `立案 ${pr.filedOn}` },
    { kind: 'field' as const, id: dec.assumed ? 'today' : 'case.procedure.proposedDecisionOn', label: dec.label },
  ];
  const nominal = addDays(pr.filedOn, p.length);
  const steps = [`立案 ${pr.filedOn} + ${p.length}日 = ${nominal}`];
  let deadline = nominal;

  // Excluded periods (听证、检测、检验、鉴定…): the days after 立案 and up to the decision date.
  const clipped = mergeRanges(
    pr.excludedPeriods
      .map((r) => ({ start: r.start > pr.filedOn ? r.start : addDays(pr.filedOn, 1), end: r.end < dec.date ? r.end : dec.date }))
      .filter((r) => r.start <= r.end),
  );
  const excludedDays = clipped.reduce((n, r) => n + rangeDays(r.start, r.end), 0);
  if (pr.excludedPeriods.length) {
    const parts = pr.excludedPeriods.map((r) => `${r.reason} ${r.start} 至 ${r.end}（${rangeDays(r.start, r.end)} 日）`);
    deadline = addDays(deadline, excludedDays);
    steps.push(`扣除不计入期间：${parts.join('、')}，计入扣除 ${excludedDays} 日 → ${deadline}`);
    basis.push({ law: '市场监督管理行政处罚程序规定', article: '第八十六条', note: '中止、听证、公告和检测、检验、检疫、鉴定等时间不计入办案期限（待核实条文）' });
  }

  // Only the time the rules name (中止、听证、公告、检测…) is not counted: any other reason would
  // lengthen the period unlawfully, so it is asked about (and the computation still shows it).
  const out: FindingDraft[] = [];
  const ex = p.excludable;
  if (ex)
    for (const [i, r] of pr.excludedPeriods.entries())
      if (!ex.keywords.some((k) => r.reason.includes(k)))
        out.push(
          finding('P3', 'P3.excluded-period', 'warn', `不计入办案期限的“${r.reason}”（${r.start} 至 ${r.end}）不属于规定可不计入的情形，请核对扣除的依据`, {
            computation: `可不计入办案期限的情形：${ex.keywords.join('、')}`,
            basis: [basisOf(ex.source, ex.status)],
            refs: [{ kind: 'field', id: `case.procedure.excludedPeriods.${i}`, label: r.reason }],
          }),
        );

  // Approved extensions (approved after 立案; one approved before 立案 extends the 核查 period).
  const exts = pr.extensions.filter((e) => e.approvedOn > pr.filedOn).sort((a, b) => (a.approvedOn < b.approvedOn ? -1 : 1));
  let extended = 0;
  for (const e of exts) {
    // The period being extended ends on a working day, as the decision's does (a Saturday's end rolls to Monday).
    const lastDay = e.approvedOn > deadline ? calendar.nextWorkingDayOnOrAfter(deadline) : { value: deadline, warnings: [] };
    lastDay.warnings.forEach((w) => warnings.add(w));
    const late = e.approvedOn > lastDay.value;
    const beyond = p.extension && extended + e.days > p.extension.length;
    deadline = addDays(deadline, e.days);
    extended += e.days;
    steps.push(`${e.approvedOn} 经 ${e.approvedBy} 批准延长 ${e.days} 日 → ${deadline}`);
    if (late)
      out.push(
        finding('P3', 'P3.extension-approval', 'warn', `延长办案期限的批准（${e.approvedOn}）晚于原期限届满日（${lastDay.value}），延期应在期限届满前批准`, {
          basis: p.extension ? [basisOf(p.extension.source, p.extension.status)] : basis,
          refs: [{ kind: 'field', id: 'case.procedure.extensions', label: `${e.approvedBy} ${e.approvedOn}` }],
        }),
      );
    if (beyond && !/集体讨论/.test(e.approvedBy))
      out.push(
        finding('P3', 'P3.extension-approval', 'warn', `延长期限累计 ${extended} 日，超过负责人可批准的 ${p.extension!.length} 日，应由负责人集体讨论决定（批准人：${e.approvedBy}）`, {
          basis: [basisOf(p.extension!.source, p.extension!.status)],
          refs: [{ kind: 'field', id: 'case.procedure.extensions', label: `${e.approvedBy} ${e.approvedOn}` }],
        }),
      );
  }
  if (exts.length) basis.push(basisOf(p.extension?.source ?? p.source, p.extension?.status ?? p.status));

  // A period ending on a rest day ends on the next working day; that only matters (and the
  // calendar is only asked) when the decision falls after the nominal last day.
  if (dec.date > deadline) {
    const rolled = calendar.nextWorkingDayOnOrAfter(deadline);
    rolled.warnings.forEach((w) => warnings.add(w));
    if (rolled.value !== deadline) {
      steps.push(`${deadline} 为休息日，顺延至 ${rolled.value}`);
      deadline = rolled.value;
    }
  }
  const late = dec.date > deadline;
  steps.push(`${dec.label}，${dayDiffText(deadline, dec.date)}`);
  const elapsed = daysBetween(pr.filedOn, dec.date) - excludedDays;
  let message: string;
  if (late) message = dec.assumed ? `尚未作出决定，已超过办案期限（期限至 ${deadline}）` : `拟作出决定日期超过办案期限（期限至 ${deadline}，超期 ${daysBetween(deadline, dec.date)} 日）`;
  else message = `${dec.assumed ? '尚未拟定决定日期，截至今日' : '拟作出决定日期'}在办案期限内（期限至 ${deadline}，已用 ${elapsed} 日）`;
  out.unshift(finding('P3', 'P3.decision-within-90-days', late ? 'fail' : 'ok', message, { computation: steps.join('；'), basis, refs, warnings }));
  return out;
};
