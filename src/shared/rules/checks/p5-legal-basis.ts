// P5 适用法律依据是否准确: cited articles exist and were in force on the violation date
// (从旧兼从轻, 处罚法 Art. 37); the basis punishes the violated provision; one act, one fine (Art. 29).
import { decisionDate, fines, resolvedBasis, resolvedViolated } from '../context';
import { selectRange } from '../fine-range';
import { articleNumber, citationText, findStatute, toCnNumber, violationDate, type ResolvedCitation } from '../law';
import type { ArticleRule } from '../rule-data';
import type { Check, CheckInput, FindingDraft } from '../types';
import { finding } from '../util';

const ART37 = { law: '中华人民共和国行政处罚法', article: '第三十七条', note: '适用违法行为发生时的规定；新的规定处罚较轻或者不认为是违法的，适用新的规定' };

function citationFindings(input: CheckInput, rc: ResolvedCitation, field: string): FindingDraft[] {
  const on = violationDate(input.pkg);
  const label = citationText(rc.citation);
  const ref = { kind: 'field' as const, id: field, label };
  const out: FindingDraft[] = [];
  if (!rc.statute) return [finding('P5', 'P5.article-exists', 'warn', `规则数据未收录《${rc.citation.law.replace(/[《》]/g, '')}》，无法核对${label}`, { refs: [ref] })];
  const lawBasis = { law: rc.statute.law, article: rc.citation.article, note: `${rc.statute.version}，${rc.statute.effectiveFrom}施行` };
  if (rc.articleNo === null) return [finding('P5', 'P5.article-exists', 'fail', `无法识别条文序号“${rc.citation.article}”`, { basis: [lawBasis], refs: [ref] })];
  if (rc.statute.articleCount && rc.articleNo > rc.statute.articleCount)
    return [
      finding('P5', 'P5.article-exists', 'fail', `${label}不存在：《${rc.statute.short}》（${rc.statute.version}）共 ${rc.statute.articleCount} 条`, {
        computation: `第 ${rc.articleNo} 条 > 共 ${rc.statute.articleCount} 条`,
        basis: [lawBasis],
        refs: [ref],
      }),
    ];
  if (rc.versions.length === 0) return [finding('P5', 'P5.article-exists', 'info', `规则数据未收录${label}的条文内容，请人工核对`, { basis: [lawBasis], refs: [ref] })];
  out.push(finding('P5', 'P5.article-exists', 'ok', `${label}：${(rc.inForce ?? rc.versions[rc.versions.length - 1]!).summary}`, { basis: [lawBasis], refs: [ref] }));

  if (!rc.inForce) {
    const first = rc.versions[0]!;
    const last = rc.versions[rc.versions.length - 1]!;
    const why = on < first.effectiveFrom ? `违法行为终了日 ${on} 时该条尚未施行（${first.effectiveFrom} 起施行）` : `该条已于 ${last.effectiveTo} 失效`;
    out.push(finding('P5', 'P5.in-force', 'fail', `${label}在违法行为发生时不在有效期内：${why}`, { computation: `违法行为期间 ${input.pkg.case.violationPeriod.start} 至 ${on}`, basis: [lawBasis, ART37], refs: [ref] }));
  } else {
    const a = rc.inForce;
    out.push(
      finding('P5', 'P5.in-force', 'ok', `${label}在违法行为发生时有效（${a.effectiveFrom} 起施行${a.effectiveTo ? `，至 ${a.effectiveTo}` : ''}）`, {
        computation: `违法行为终了日 ${on}`,
        basis: [lawBasis],
        refs: [ref],
      }),
    );
    const lighter = lighterNewVersion(input, rc, a);
    if (lighter) out.push(lighter);
    const all = [...input.pkg.case.proposedDecision.legalBasis, ...input.pkg.case.proposedDecision.violatedProvisions];
    const excused = a.caution?.unlessCited?.some((r) => {
      const law = findStatute(input.rules, r.law ?? rc.statute!.law);
      return all.some((c) => findStatute(input.rules, c.law)?.law === law?.law && articleNumber(c.article) === articleNumber(r.article));
    });
    if (a.caution && !excused && (!a.caution.from || on >= a.caution.from))
      out.push(finding('P5', 'P5.caution', a.caution.severity, `${label}：${a.caution.text}`, { basis: [lawBasis], refs: [ref] }));
  }
  return out;
}

/** 从旧兼从轻: a later version in force on the decision date whose maximum fine is lower. */
function lighterNewVersion(input: CheckInput, rc: ResolvedCitation, old: ArticleRule): FindingDraft | null {
  const dec = decisionDate(input).date;
  const newer = rc.versions.find((v) => v !== old && v.effectiveFrom > old.effectiveFrom && v.effectiveFrom <= dec);
  if (!newer) return null;
  const pd = input.pkg.case.proposedDecision;
  const oldR = old.fine ? selectRange(old.fine.branches, pd) : null;
  const newR = newer.fine ? selectRange(newer.fine.branches, pd) : null;
  const label = citationText(rc.citation);
  if (oldR?.ok && newR?.ok) {
    const lighter = newR.range.maxFen < oldR.range.maxFen || (newR.range.maxFen === oldR.range.maxFen && newR.range.minFen < oldR.range.minFen);
    const computation = `违法时规定：${oldR.range.text}；${newer.effectiveFrom} 起施行的规定：${newR.range.text}`;
    return lighter
      ? finding('P5', 'P5.lighter-new-law', 'warn', `${label}在违法行为后修改，新规定处罚较轻，应适用新规定（从旧兼从轻）`, { computation, basis: [ART37] })
      : finding('P5', 'P5.lighter-new-law', 'info', `${label}在违法行为后修改，新规定不轻于旧规定，适用违法行为发生时的规定`, { computation, basis: [ART37] });
  }
  return finding('P5', 'P5.lighter-new-law', 'info', `${label}在违法行为后（${newer.effectiveFrom}）修改，请比较新旧规定的轻重（从旧兼从轻）`, { basis: [ART37] });
}

export const checkCitations: Check = (input) => {
  const out: FindingDraft[] = [];
  resolvedViolated(input).forEach((rc, i) => out.push(...citationFindings(input, rc, `case.proposedDecision.violatedProvisions.${i}`)));
  resolvedBasis(input).forEach((rc, i) => out.push(...citationFindings(input, rc, `case.proposedDecision.legalBasis.${i}`)));
  return out;
};

/** The penalty provision punishes the violated provision (data: `punishes`). */
export const checkBasisMatchesViolation: Check = (input) => {
  const violated = resolvedViolated(input);
  const out: FindingDraft[] = [];
  for (const rc of resolvedBasis(input)) {
    const a = rc.inForce;
    if (!a || !rc.statute) continue;
    const refs = (rc.item !== null ? a.items?.[String(rc.item)]?.punishes : undefined) ?? a.punishes;
    if (!refs?.length) continue;
    const label = citationText(rc.citation);
    const matched = violated.some((v) =>
      refs.some((r) => {
        const law = findStatute(input.rules, r.law ?? rc.statute!.law);
        return !!law && v.statute?.law === law.law && v.articleNo === articleNumber(r.article) && (r.item === undefined || v.item === null || v.item === r.item);
      }),
    );
    const expected = refs.map((r) => `${r.law ? `《${r.law}》` : ''}${r.article}${r.item ? `第（${toCnNumber(r.item)}）项` : ''}`).join('、');
    out.push(
      matched
        ? finding('P5', 'P5.basis-matches-violation', 'ok', `处罚依据${label}与违反的条款相对应`, { computation: `该依据对应的违法条款：${expected}`, basis: [{ law: rc.statute.law, article: rc.citation.article }] })
        : finding('P5', 'P5.basis-matches-violation', 'warn', `处罚依据${label}所对应的违法条款（${expected}）与认定违反的条款（${violated.map((v) => citationText(v.citation)).join('、')}）不一致，请核对定性与适用`, {
            basis: [{ law: rc.statute.law, article: rc.citation.article }],
            refs: [{ kind: 'field', id: 'case.proposedDecision.legalBasis' }, { kind: 'field', id: 'case.proposedDecision.violatedProvisions' }],
          }),
    );
  }
  return out;
};

/** 处罚法 Art. 29: one act, one fine; several provisions → the higher fine. */
export const checkOneFine: Check = (input) => {
  const out: FindingDraft[] = [];
  const f = fines(input.pkg);
  const art29 = { law: '中华人民共和国行政处罚法', article: '第二十九条', note: '同一个违法行为不得给予两次以上罚款；违反多个法律规范的，按照罚款数额高的规定处罚' };
  if (f.length > 1)
    out.push(
      finding('P5', 'P5.one-fine', 'warn', `拟处罚包含 ${f.length} 项罚款，请核对是否为同一违法行为（一事不再罚）`, {
        computation: f.map((x) => x.description).join('；'),
        basis: [art29],
        refs: [{ kind: 'field', id: 'case.proposedDecision.penalties' }],
      }),
    );
  const withFine = resolvedBasis(input).filter((rc) => rc.inForce?.fine);
  if (withFine.length > 1) {
    const pd = input.pkg.case.proposedDecision;
    const parts = withFine.map((rc) => {
      const r = selectRange(rc.inForce!.fine!.branches, pd);
      return `${citationText(rc.citation)}：${r.ok ? r.range.text : r.reason}`;
    });
    out.push(finding('P5', 'P5.one-fine', 'info', '处罚依据中有多个罚则条款，同一违法行为应按照罚款数额高的规定处罚', { computation: parts.join('；'), basis: [art29] }));
  }
  return out;
};
