// P7 是否超越法定权限: each penalty type within the agency's powers and provided by the cited
// basis; no detention; licence revocation only by the issuing/registering authority.
import { PENALTY_LABEL, resolvedBasis } from '../context';
import { citationText } from '../law';
import type { Check, FindingDraft } from '../types';
import { basisOf, finding } from '../util';

export const checkPenaltyTypes: Check = (input) => {
  const { pkg, rules } = input;
  const powers = rules.powers;
  const out: FindingDraft[] = [];
  const basisArts = resolvedBasis(input).filter((rc) => rc.inForce);
  const withTypes = basisArts.filter((rc) => rc.inForce!.penaltyTypes?.length);
  const citesArt28 = basisArts.some((rc) => rc.statute?.short === '行政处罚法' && rc.articleNo === 28);
  pkg.case.proposedDecision.penalties.forEach((p, i) => {
    const ref = { kind: 'field' as const, id: `case.proposedDecision.penalties.${i}`, label: p.description };
    const label = PENALTY_LABEL[p.type] ?? p.type;
    const forbidden = powers.forbiddenKeywords.find((f) => p.description.includes(f.keyword));
    if (forbidden) {
      out.push(finding('P7', 'P7.penalty-type', 'fail', `“${p.description}”超越${powers.agencyKind}的法定权限：${forbidden.note}`, { basis: [basisOf(forbidden.source, forbidden.status)], refs: [ref] }));
      return;
    }
    if (!powers.penaltyTypes.includes(p.type)) {
      out.push(finding('P7', 'P7.penalty-type', 'fail', `${label}不在${powers.agencyKind}可实施的处罚种类内`, { basis: [basisOf(powers.source, powers.status)], refs: [ref] }));
      return;
    }
    if (withTypes.length) {
      const provides = withTypes.filter((rc) => rc.inForce!.penaltyTypes!.includes(p.type));
      if (provides.length)
        out.push(
          finding('P7', 'P7.penalty-type', 'ok', `${label}：${provides.map((rc) => citationText(rc.citation)).join('、')}有规定`, {
            basis: provides.map((rc) => ({ law: rc.statute!.law, article: rc.citation.article })),
            refs: [ref],
          }),
        );
      else if (p.type === 'confiscate_gains')
        out.push(
          finding(
            'P7',
            'P7.penalty-type',
            citesArt28 ? 'ok' : 'warn',
            citesArt28 ? '没收违法所得：依据行政处罚法第二十八条第二款' : '处罚依据条款未规定没收违法所得；可依行政处罚法第二十八条第二款没收，建议在处罚依据中列明',
            { basis: [{ law: '中华人民共和国行政处罚法', article: '第二十八条第二款' }], refs: [ref] },
          ),
        );
      else
        out.push(
          finding('P7', 'P7.penalty-type', 'fail', `处罚依据（${withTypes.map((rc) => citationText(rc.citation)).join('、')}）未规定${label}`, {
            computation: withTypes.map((rc) => `${citationText(rc.citation)}：${rc.inForce!.penaltyTypes!.map((t) => PENALTY_LABEL[t] ?? t).join('、')}`).join('；'),
            basis: withTypes.map((rc) => ({ law: rc.statute!.law, article: rc.citation.article })),
            refs: [ref],
          }),
        );
    } else out.push(finding('P7', 'P7.penalty-type', 'info', `${label}：规则数据未收录处罚依据规定的处罚种类，请人工核对`, { refs: [ref] }));

    const only = powers.issuingAuthorityOnly.find((x) => x.type === p.type);
    if (only)
      out.push(
        finding('P7', 'P7.issuing-authority', 'warn', `${label}：${only.note}，请核对${pkg.case.agency.name}是否为原发证（登记）机关`, { basis: [basisOf(only.source, only.status)], refs: [ref] }),
      );
  });
  return out;
};
