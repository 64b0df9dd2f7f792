// P6 裁量基准运用是否适当: the fine inside the statutory range (fixed and multiples, with the
// statute's fallback range), its position against the stated discretion level, 减轻 with a reason.
import { docsOfKind, fines, finesWithoutAmount, resolvedBasis } from '../context';
import { discretionZones, positionPct, zoneOf, type ModelView, type Zone } from '../discretion';
import { selectRange } from '../fine-range';
import { citationText } from '../law';
import type { Check, FindingDraft } from '../types';
import { basisOf, finding, yuan } from '../util';

const ART59 = { law: '中华人民共和国行政处罚法', article: '第五十九条', note: '行政处罚决定书应当载明行政处罚的种类和依据、履行方式和期限' };

export const checkFineRange: Check = (input) => {
  const { pkg } = input;
  const level = pkg.case.proposedDecision.discretion.level;
  const out: FindingDraft[] = [];
  const fs = fines(pkg);
  const withFine = resolvedBasis(input).filter((rc) => rc.inForce?.fine);
  // A fine without its amount is a fine all the same: it cannot be checked against the range, and
  // the decision could not be carried out (处罚法第五十九条: 行政处罚的种类、履行方式和期限).
  for (const u of finesWithoutAmount(pkg))
    out.push(
      finding('P6', 'P6.fine-in-range', 'fail', `拟处罚“${u.description}”未载明罚款数额，无法核对是否在法定幅度内`, {
        computation: withFine.length ? withFine.map((rc) => `${citationText(rc.citation)}：${rc.inForce!.fine!.text}`).join('；') : '规则数据未收录处罚依据的罚款幅度',
        basis: [ART59, ...withFine.map((rc) => ({ law: rc.statute!.law, article: rc.citation.article + (rc.citation.clause ?? ''), note: rc.inForce!.fine!.text }))],
        refs: [{ kind: 'field', id: `case.proposedDecision.penalties.${u.index}`, label: u.description }],
      }),
    );
  if (fs.length === 0) {
    if (out.length) return out;
    if (level !== '不予处罚' && withFine.some((rc) => !rc.inForce!.fine!.optional))
      out.push(finding('P6', 'P6.fine-in-range', 'warn', '处罚依据规定“并处罚款”，拟处罚未包含罚款', { basis: withFine.map((rc) => ({ law: rc.statute!.law, article: rc.citation.article, note: rc.inForce!.fine!.text })) }));
    return out;
  }
  if (withFine.length === 0) {
    out.push(finding('P6', 'P6.fine-in-range', 'info', '规则数据未收录处罚依据的罚款幅度，无法核对罚款是否在法定幅度内', { refs: [{ kind: 'field', id: 'case.proposedDecision.legalBasis' }] }));
    return out;
  }
  for (const fine of fs) {
    // With several fine provisions (处罚法 Art. 29: the higher one applies), the fine must fit one.
    const evals = withFine.map((rc) => evaluate(input, fine, rc));
    const rank = { in: 0, below_mitigated: 1, serious: 2, unknown: 3, out: 4 } as const;
    const best = evals.reduce((a, b) => (rank[b.kind] < rank[a.kind] || (rank[b.kind] === rank[a.kind] && (b.maxFen ?? 0) > (a.maxFen ?? 0)) ? b : a));
    if (evals.length > 1 && best.kind !== 'out') best.findings.forEach((f) => (f.computation = `${f.computation ?? ''}${f.computation ? '；' : ''}另有罚则：${evals.filter((e) => e !== best).map((e) => e.summary).join('；')}`));
    out.push(...best.findings);
  }
  return out;
};

interface Evaluation {
  kind: 'in' | 'below_mitigated' | 'serious' | 'unknown' | 'out';
  maxFen?: number;
  summary: string;
  findings: FindingDraft[];
}

function evaluate(input: Parameters<Check>[0], fine: { amountFen: number; description: string }, rc: ReturnType<typeof resolvedBasis>[number]): Evaluation {
  const { pkg, rules } = input;
  const pd = pkg.case.proposedDecision;
  const level = pd.discretion.level;
  const art = rc.inForce!;
  const rule = art.fine!;
  const label = citationText(rc.citation);
  const basis = [{ law: rc.statute!.law, article: rc.citation.article + (rc.citation.clause ?? ''), note: rule.text }];
  const refs = [{ kind: 'field' as const, id: 'case.proposedDecision.penalties', label: fine.description }];
  const sel = selectRange(rule.branches, pd);
  if (!sel.ok)
    return {
      kind: 'unknown',
      summary: `${label}：${sel.reason}`,
      findings: [finding('P6', 'P6.fine-in-range', 'warn', `${sel.reason}（${label}）`, { computation: `罚款 ${yuan(fine.amountFen)}；${rule.text}`, basis, refs })],
    };
  const { minFen, maxFen } = sel.range;
  const summary = `${label}：${sel.range.text}`;
  const steps = [summary, `拟罚款 ${yuan(fine.amountFen)}`];
  if (fine.amountFen > maxFen) {
    const serious = rule.serious ? selectRange(rule.serious, pd) : null;
    if (serious?.ok && fine.amountFen >= serious.range.minFen && fine.amountFen <= serious.range.maxFen) {
      steps.push(`情节严重档：${serious.range.text}`);
      return {
        kind: 'serious',
        maxFen: serious.range.maxFen,
        summary,
        findings: [finding('P6', 'P6.fine-in-range', 'warn', `罚款高于一般幅度上限 ${yuan(maxFen)}，落在“情节严重”档内，须有情节严重的事实认定`, { computation: steps.join('；'), basis, refs })],
      };
    }
    steps.push(`超出最高限 ${yuan(fine.amountFen - maxFen)}`);
    return { kind: 'out', maxFen, summary, findings: [finding('P6', 'P6.fine-in-range', 'fail', `罚款 ${yuan(fine.amountFen)} 高于法定最高限 ${yuan(maxFen)}`, { computation: steps.join('；'), basis, refs })] };
  }
  if (fine.amountFen < minFen) {
    steps.push(`比最低限少 ${yuan(minFen - fine.amountFen)}`);
    if (level === '减轻')
      return { kind: 'below_mitigated', maxFen, summary, findings: [finding('P6', 'P6.fine-in-range', 'info', `罚款低于法定最低限 ${yuan(minFen)}，适用减轻处罚`, { computation: steps.join('；'), basis, refs })] };
    return { kind: 'out', maxFen, summary, findings: [finding('P6', 'P6.fine-in-range', 'fail', `罚款 ${yuan(fine.amountFen)} 低于法定最低限 ${yuan(minFen)}，且未认定减轻处罚`, { computation: steps.join('；'), basis, refs })] };
  }
  const findings = [finding('P6', 'P6.fine-in-range', 'ok', `罚款 ${yuan(fine.amountFen)} 在法定幅度 ${yuan(minFen)}–${yuan(maxFen)} 内`, { computation: steps.join('；'), basis, refs })];

  // Position in the range against the stated level.
  const model = art.discretionModel ?? (minFen === 0 ? 'max_only' : rules.discretion.defaultModel);
  const mrule = model === 'band' ? rules.discretion.band : model === 'tier' ? rules.discretion.tier : rules.discretion.maxOnly;
  const view = discretionZones(rules, model, minFen, maxFen);
  const dsteps = [view.label, `幅度 ${yuan(minFen)}–${yuan(maxFen)}`, view.text, `拟罚款 ${yuan(fine.amountFen)} 位于幅度的 ${positionPct(fine.amountFen, minFen, maxFen)}`];
  const dbasis = [basisOf(mrule.source, mrule.status)];
  if (level === '不予处罚') findings.push(finding('P6', 'P6.discretion-position', 'fail', '裁量情节为“不予处罚”，却拟处罚款', { computation: dsteps.join('；'), basis: dbasis, refs }));
  else if (level === '减轻') findings.push(finding('P6', 'P6.discretion-position', 'warn', `裁量情节为“减轻”，但罚款未低于法定最低限 ${yuan(minFen)}`, { computation: dsteps.join('；'), basis: dbasis, refs }));
  else {
    const z = zoneOf(view.zones, level as Zone);
    const inZone = fine.amountFen >= z.lo && fine.amountFen <= z.hi;
    findings.push(
      finding(
        'P6',
        'P6.discretion-position',
        inZone ? 'ok' : 'warn',
        inZone ? `罚款位于“${level}”档（${yuan(z.lo)}–${yuan(z.hi)}）内` : `裁量情节为“${level}”，但罚款 ${yuan(fine.amountFen)} 不在该档（${yuan(z.lo)}–${yuan(z.hi)}）内，${whereIn(view, fine.amountFen)}；请核对裁量理由`,
        { computation: dsteps.join('；'), basis: dbasis, refs },
      ),
    );
  }
  return { kind: 'in', maxFen, summary, findings };
}

const REFUSED_WORDS = ['拒不改正', '逾期不改正', '逾期未改正', '仍未改正', '拒不整改'];

/** Which band an amount falls in, or the two it falls between (the max-only model leaves gaps). */
function whereIn(view: ModelView, fen: number): string {
  const zones = view.zones;
  const inside = zones.find((z) => fen >= z.lo && fen <= z.hi);
  if (inside) return `位于“${inside.level}”档`;
  // A part of the range the benchmark itself assigns to no band: say so rather than guess one.
  const gap = view.gaps.find((g) => fen > g.lo && fen < g.hi);
  if (gap) return `位于最高限的${gap.loPct}%–${gap.hiPct}%（${yuan(gap.lo)}–${yuan(gap.hi)}），所用裁量基准对这一区间未规定档次（不属任何一档）`;
  const below = [...zones].filter((z) => z.hi < fen).sort((a, b) => b.hi - a.hi)[0];
  const above = [...zones].filter((z) => z.lo > fen).sort((a, b) => a.lo - b.lo)[0];
  if (below && above) return `位于“${below.level}”档与“${above.level}”档之间，不属任何一档`;
  return '不属任何一档';
}

export const checkMitigation: Check = (input) => {
  const { pkg, rules } = input;
  const d = pkg.case.proposedDecision.discretion;
  const m = rules.discretion.mitigation;
  const out: FindingDraft[] = [];
  const refs = [{ kind: 'field' as const, id: 'case.proposedDecision.discretion' }];
  if (d.level === '减轻' && m.reasonRequired) {
    out.push(
      d.reason?.trim()
        ? finding('P6', 'P6.mitigation-reason', 'ok', `减轻处罚已说明理由：${d.reason}`, { basis: [basisOf(m.source, m.status)], refs })
        : finding('P6', 'P6.mitigation-reason', 'fail', '减轻处罚（低于法定最低限）未说明理由', { computation: `裁量情节：${d.factors.join('；') || '无'}`, basis: [basisOf(m.source, m.status)], refs }),
    );
  }
  if (d.level !== '一般' && d.factors.length === 0 && !d.reason?.trim())
    out.push(
      finding('P6', 'P6.factors-stated', 'warn', `裁量情节为“${d.level}”，但未列明裁量因素`, {
        basis: [{ law: '中华人民共和国行政处罚法', article: '第三十二条、第三十三条', note: '从轻、减轻、不予处罚的法定情形' }, basisOf(rules.discretion.band.source, rules.discretion.band.status)],
        refs,
      }),
    );
  const fv = rules.discretion.firstViolation;
  const text = [pkg.case.facts, ...d.factors, d.reason ?? ''].join('；');
  const hits = fv.keywords.filter((k) => text.includes(k));
  // 第三十三条 needs 及时改正: a party who refused to correct, or a fine that exists only for refusing
  // (拒不改正 / 逾期不改正), can never meet it — the hint would contradict the case.
  const refused = REFUSED_WORDS.some((w) => text.includes(w)) || resolvedBasis(input).some((rc) => rc.inForce?.fine?.afterRefusingCorrection);
  if (hits.length && d.level !== '不予处罚' && !refused)
    out.push(
      finding('P6', 'P6.first-violation-hint', 'info', `案卷载有“${hits.join('”“')}”等情节，请考虑是否符合不予处罚的情形（违法行为轻微并及时改正、没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚）`, {
        basis: [basisOf(fv.source, fv.status)],
        refs,
      }),
    );
  for (const rc of resolvedBasis(input)) {
    const rule = rc.inForce?.fine;
    if (!rule?.afterRefusingCorrection || fines(pkg).length === 0) continue;
    const orders = docsOfKind(pkg, ['责令改正', '责令限期改正']);
    out.push(
      orders.length
        ? finding('P6', 'P6.refused-correction', 'info', `${citationText(rc.citation)}的罚款以拒不改正（逾期不改正）为前提；案卷有${orders[0]!.title}（${orders[0]!.date}），请核对复查结果`, {
            basis: [{ law: rc.statute!.law, article: rc.citation.article, note: rule.text }],
            refs: orders.map((o) => ({ kind: 'document' as const, id: o.id, label: o.title })),
          })
        : finding('P6', 'P6.refused-correction', 'warn', `${citationText(rc.citation)}的罚款以拒不改正（逾期不改正）为前提，案卷未见责令改正通知书`, {
            basis: [{ law: rc.statute!.law, article: rc.citation.article, note: rule.text }],
          }),
    );
  }
  return out;
};
