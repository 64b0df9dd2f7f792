// P2 执法人员是否具备执法资格: two officers on every investigative act, credentials valid on
// the act's date, the reviewer independent of the case and qualified.
import type { Officer } from '../../casefile/schema';
import { officerMap } from '../context';
import type { Check, FindingDraft, FindingRef } from '../types';
import { basisOf, finding } from '../util';

interface Act {
  label: string;
  date: string;
  officerIds: string[];
  /** false: the document does not name its officers; the case officers are assumed. */
  named: boolean;
  ref: FindingRef;
}

function acts(pkg: Parameters<Check>[0]['pkg'], kinds: readonly string[]): Act[] {
  const out: Act[] = [];
  for (const e of pkg.evidence) {
    out.push({ label: `证据“${e.title}”的收集（${e.collectedOn}）`, date: e.collectedOn, officerIds: e.collectedBy, named: true, ref: { kind: 'evidence', id: e.id, label: e.title } });
  }
  for (const d of pkg.documents) {
    if (!kinds.some((k) => d.kind.includes(k))) continue;
    out.push({ label: `${d.kind}“${d.title}”（${d.date}）`, date: d.date, officerIds: pkg.case.caseOfficerIds, named: false, ref: { kind: 'document', id: d.id, label: d.title } });
  }
  return out;
}

const NO_NUMBER = ['', '无', '暂无', '没有', '未办理', '无证', '/', '-', '—', '－', 'none', 'n/a', 'null'];
const hasCredentialNo = (o: Officer) => !NO_NUMBER.includes(o.credentialNo.trim().toLowerCase());

const credentialText = (o: Officer) => `${o.name}（执法证号 ${o.credentialNo}，有效期 ${o.credentialValidFrom} 至 ${o.credentialValidTo}）`;

export const checkTwoOfficers: Check = ({ pkg, rules }) => {
  const ia = rules.investigativeActs;
  const basis = [basisOf(ia.source, ia.status)];
  const officers = officerMap(pkg);
  const out: FindingDraft[] = [];
  const all = acts(pkg, ia.documentKinds);
  // Acts short of officers, grouped by who did them: a case with one officer is one finding, not
  // one per piece of evidence.
  const groups = new Map<string, { ids: string[]; named: boolean; acts: Act[] }>();
  for (const act of all) {
    const ids = [...new Set(act.officerIds)].sort();
    if (ids.length >= ia.minOfficers) continue;
    const key = `${act.named}|${ids.join(',')}`;
    const g = groups.get(key) ?? { ids, named: act.named, acts: [] };
    g.acts.push(act);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const names = g.ids.map((id) => officers.get(id)?.name ?? id).join('、') || '未记录';
    const what = g.acts.length === 1 ? g.acts[0]!.label : `${g.acts.length} 项调查取证活动`;
    const listed = g.acts.length === 1 ? '' : `：${g.acts.map((a) => a.label).join('；')}`;
    out.push(
      finding('P2', 'P2.two-officers', g.named ? 'fail' : 'warn', `${what}的执法人员不足${ia.minOfficers}人（${names}）${g.named ? '' : '（文书未载明执法人员，按案件承办人员核对）'}`, {
        computation: `记录的执法人员 ${g.ids.length} 人，法定不少于 ${ia.minOfficers} 人${listed}`,
        basis,
        refs: [...g.acts.map((a) => a.ref), ...g.ids.map((id) => ({ kind: 'officer' as const, id, label: officers.get(id)?.name }))],
      }),
    );
  }
  if (out.length === 0)
    out.push(finding('P2', 'P2.two-officers', 'ok', `${all.length} 项调查取证活动均由${ia.minOfficers}名以上执法人员实施`, { basis }));
  return out;
};

export const checkCredentials: Check = ({ pkg, rules }) => {
  const ia = rules.investigativeActs;
  const basis = [basisOf(ia.source, ia.status, '行政处罚应当由具有行政执法资格的执法人员实施')];
  const officers = officerMap(pkg);
  const out: FindingDraft[] = [];
  let checked = 0;
  const all = acts(pkg, ia.documentKinds);
  // A credential without its number cannot be checked against the register: said once per officer.
  const involved = new Set([...pkg.case.caseOfficerIds, ...all.flatMap((a) => a.officerIds)]);
  for (const id of involved) {
    const o = officers.get(id);
    if (o && !hasCredentialNo(o))
      out.push(finding('P2', 'P2.credential-valid', 'fail', `执法人员${o.name}未载明执法证号${o.credentialNo.trim() ? `（记为“${o.credentialNo.trim()}”）` : ''}`, { basis, refs: [{ kind: 'officer', id: o.id, label: o.name }] }));
    // An end before the start is a recording error: said as such, not as "expired" on every act.
    if (o && o.credentialValidTo < o.credentialValidFrom)
      out.push(finding('P2', 'P2.credential-valid', 'fail', `执法人员${o.name}的执法证有效期记载有误（${o.credentialValidFrom} 至 ${o.credentialValidTo}，截止早于起始），无法核对其执法资格`, { basis, refs: [{ kind: 'officer', id: o.id, label: o.name }] }));
  }
  // Acts outside an officer's validity, grouped by officer, side of the validity and whether the act
  // names its officers: an expired credential is one finding listing its acts, not one per item.
  const groups = new Map<string, { o: Officer; late: boolean; named: boolean; acts: Act[] }>();
  for (const act of all) {
    for (const id of new Set(act.officerIds)) {
      const o = officers.get(id);
      if (!o || o.credentialValidTo < o.credentialValidFrom) continue;
      checked++;
      if (o.credentialValidFrom <= act.date && act.date <= o.credentialValidTo) continue;
      const late = act.date > o.credentialValidTo;
      const key = `${id}|${late}|${act.named}`;
      const g = groups.get(key) ?? { o, late, named: act.named, acts: [] };
      g.acts.push(act);
      groups.set(key, g);
    }
  }
  for (const { o, late, named, acts: gActs } of groups.values()) {
    const why = late ? `执法证已于 ${o.credentialValidTo} 到期` : `执法证自 ${o.credentialValidFrom} 起方有效`;
    // Documents don't name their officers: the case officers are assumed, so only a warning.
    const assumed = named ? '' : '（文书未载明执法人员，按案件承办人员核对）';
    const one = gActs.length === 1 ? gActs[0]! : null;
    const dates = [...new Set(gActs.map((a) => a.date))].sort();
    out.push(
      finding(
        'P2',
        'P2.credential-valid',
        named ? 'fail' : 'warn',
        one ? `执法人员${o.name}在${one.label}时${why}${assumed}` : `执法人员${o.name}的${why}，${late ? '其后' : '此前'}仍实施 ${gActs.length} 项调查取证活动（${dates.join('、')}）${assumed}`,
        {
          computation: `${credentialText(o)}；${one ? `行为日期 ${one.date}：${late ? '晚于' : '早于'}有效期` : `${late ? '晚于' : '早于'}有效期的行为：${gActs.map((a) => a.label).join('；')}`}`,
          basis,
          refs: [{ kind: 'officer', id: o.id, label: o.name }, ...gActs.map((a) => a.ref)],
        },
      ),
    );
  }
  if (out.length === 0) out.push(finding('P2', 'P2.credential-valid', 'ok', `执法人员的执法证在各调查取证行为日期均在有效期内（核对 ${checked} 人次）`, { basis }));
  return out;
};

const REVIEW_BASIS = { law: '中华人民共和国行政处罚法', article: '第五十八条' };

export const checkReviewer: Check = ({ pkg, reviewer }) => {
  if (!reviewer) return [finding('P2', 'P2.reviewer-independent', 'info', '未指定法制审核人员，无法核对审核人员回避与资格', { basis: [REVIEW_BASIS] })];
  const out: FindingDraft[] = [];
  const officers = officerMap(pkg);
  const caseOfficers = pkg.case.caseOfficerIds.map((id) => officers.get(id)).filter((o): o is Officer => !!o);
  const collectors = new Set(pkg.evidence.flatMap((e) => e.collectedBy));
  const indepBasis = [{ law: '市场监督管理行政处罚程序规定', article: '', note: '办案人员不得作为审核人员（条次待核）' }];
  const sameId = reviewer.officerId && (pkg.case.caseOfficerIds.includes(reviewer.officerId) || collectors.has(reviewer.officerId));
  const sameName = caseOfficers.find((o) => o.name === reviewer.name);
  if (sameId) {
    const o = officers.get(reviewer.officerId!);
    out.push(
      finding('P2', 'P2.reviewer-independent', 'fail', `审核人员${reviewer.name}是本案办案人员，应当回避`, {
        basis: indepBasis,
        refs: [{ kind: 'officer', id: reviewer.officerId!, label: o?.name ?? reviewer.name }],
      }),
    );
  } else if (sameName) {
    out.push(
      finding('P2', 'P2.reviewer-independent', 'warn', `审核人员与本案办案人员${sameName.name}同名，请确认是否同一人`, {
        basis: indepBasis,
        refs: [{ kind: 'officer', id: sameName.id, label: sameName.name }],
      }),
    );
  } else out.push(finding('P2', 'P2.reviewer-independent', 'ok', `审核人员${reviewer.name}不是本案办案人员`, { basis: indepBasis }));

  const qualBasis = [{ ...REVIEW_BASIS, article: '第五十八条第二款', note: '初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格' }];
  if (reviewer.legalQualification) out.push(finding('P2', 'P2.reviewer-qualification', 'ok', `审核人员${reviewer.name}已取得法律职业资格`, { basis: qualBasis }));
  else if (reviewer.firstTimeReviewer === true)
    out.push(finding('P2', 'P2.reviewer-qualification', 'fail', `审核人员${reviewer.name}系初次从事法制审核，但未取得法律职业资格`, { basis: qualBasis }));
  else if (reviewer.firstTimeReviewer === false)
    out.push(finding('P2', 'P2.reviewer-qualification', 'ok', `审核人员${reviewer.name}非初次从事法制审核（未登记法律职业资格）`, { basis: qualBasis }));
  else out.push(finding('P2', 'P2.reviewer-qualification', 'warn', `审核人员${reviewer.name}未登记法律职业资格，请确认其是否初次从事法制审核`, { basis: qualBasis }));
  return out;
};
