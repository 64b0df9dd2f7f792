// P9 是否涉嫌犯罪、需移送司法机关: amounts against criminal-transfer thresholds. A match is a
// prompt for the reviewer (warn), never a conclusion.
import type { ProposedDecision } from '../../casefile/schema';
import { resolvedBasis, resolvedViolated } from '../context';
import { baseAmount } from '../fine-range';
import type { MetricField } from '../rule-data';
import type { Check, FindingDraft } from '../types';
import { basisOf, finding, yuan } from '../util';

const METRIC_LABEL: Record<MetricField, string> = { sales: '销售金额', goods_value: '货值金额', unsold: '未销售货值', illegal_gains: '违法所得', business_volume: '非法经营数额' };

function metric(pd: ProposedDecision, f: MetricField): number | undefined {
  switch (f) {
    case 'sales':
      return pd.salesFen;
    case 'goods_value':
      return pd.goodsValueFen;
    case 'illegal_gains':
      return pd.illegalGainsFen;
    case 'business_volume':
      return baseAmount(pd, 'business_volume');
    case 'unsold':
      // 货值金额 counts sold and unsold goods (产品质量法 Art. 49).
      return pd.goodsValueFen !== undefined ? Math.max(0, pd.goodsValueFen - (pd.salesFen ?? 0)) : undefined;
  }
}

const TRANSFER = { law: '行政执法机关移送涉嫌犯罪案件的规定', article: '第三条、第十一条', note: '涉嫌犯罪的应当移送；不得以行政处罚代替移送' };

export const checkCriminalThresholds: Check = (input) => {
  const pd = input.pkg.case.proposedDecision;
  const laws = new Set([...resolvedBasis(input), ...resolvedViolated(input)].map((rc) => rc.statute?.short).filter((s): s is string => !!s));
  const out: FindingDraft[] = [];
  for (const t of input.rules.criminal) {
    if (!t.laws.some((l) => laws.has(l))) continue;
    const basis = [basisOf(t.source, t.status), TRANSFER];
    if (t.anyOf.length === 0) {
      if (t.prompt) out.push(finding('P9', `P9.${t.id}`, 'info', `${t.offence}（${t.crimeArticle}）：${t.prompt}`, { basis }));
      continue;
    }
    const steps: string[] = [];
    const hits: string[] = [];
    let known = false;
    for (const c of t.anyOf) {
      const vals = c.terms.map((term) => ({ term, v: metric(pd, term.field) }));
      if (vals.some((x) => x.v === undefined)) {
        steps.push(`${c.label}：${vals.filter((x) => x.v === undefined).map((x) => METRIC_LABEL[x.term.field]).join('、')}未载明`);
        continue;
      }
      known = true;
      const total = vals.reduce((s, x) => s + x.v! * x.term.times, 0);
      const expr = vals.map((x) => `${METRIC_LABEL[x.term.field]} ${yuan(x.v!)}${x.term.times > 1 ? ` × ${x.term.times}` : ''}`).join(' + ');
      const hit = total >= c.atLeastFen;
      steps.push(`${c.label}：${expr}${vals.length > 1 || vals[0]!.term.times > 1 ? ` = ${yuan(total)}` : ''} ${hit ? '≥' : '<'} ${yuan(c.atLeastFen)}`);
      if (hit) hits.push(c.label);
    }
    const computation = steps.join('；');
    if (hits.length)
      out.push(
        finding('P9', `P9.${t.id}`, 'warn', `涉案数额达到${t.offence}（${t.crimeArticle}）的追诉标准（${hits.join('；')}），请审核是否应当移送公安机关${t.prompt ? `；${t.prompt}` : ''}`, {
          computation,
          basis,
          refs: [{ kind: 'field', id: 'case.proposedDecision' }],
        }),
      );
    else if (known) out.push(finding('P9', `P9.${t.id}`, 'ok', `涉案数额未达到${t.offence}（${t.crimeArticle}）的追诉标准`, { computation, basis }));
    else out.push(finding('P9', `P9.${t.id}`, 'info', `案卷未载明核对${t.offence}追诉标准所需的数额`, { computation, basis }));
  }
  if (out.length === 0) out.push(finding('P9', 'P9.none', 'info', '规则数据中没有与本案法律对应的刑事追诉标准，请人工判断是否涉嫌犯罪', { basis: [TRANSFER] }));
  return out;
};
