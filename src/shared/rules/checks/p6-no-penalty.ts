// P6 — 不予处罚 (处罚法第三十三条): a case whose discretion level is “no penalty” must not impose
// one, and must state one of the article's grounds.
import { PENALTY_LABEL } from '../../casefile/labels';
import type { Check, FindingDraft } from '../types';
import { finding } from '../util';

const ART33 = { law: '中华人民共和国行政处罚法', article: '第三十三条', note: '违法行为轻微并及时改正、没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚；当事人有证据足以证明没有主观过错的，不予行政处罚' };
const ART28 = { law: '中华人民共和国行政处罚法', article: '第二十八条', note: '当事人有违法所得，除依法应当退赔的外，应当予以没收' };
const CORRECTED = ['及时改正', '已改正', '主动改正', '已经改正'];
const NO_FAULT = ['没有主观过错', '无主观过错', '不存在主观过错'];
const refs = [{ kind: 'field' as const, id: 'case.proposedDecision.discretion' }];

export const checkNoPenalty: Check = ({ pkg }) => {
  const d = pkg.case.proposedDecision;
  if (d.discretion.level !== '不予处罚') return [];
  const out: FindingDraft[] = [];
  // A fine under 不予处罚 is already P6.discretion-position's fail.
  const imposed = d.penalties.filter((p) => p.type !== 'fine');
  const confiscations = imposed.filter((p) => p.type === 'confiscate_gains' || p.type === 'confiscate_goods');
  const others = imposed.filter((p) => !confiscations.includes(p));
  const names = (ps: typeof imposed) => [...new Set(ps.map((p) => PENALTY_LABEL[p.type]))].join('、');
  const penaltyRefs = [...refs, { kind: 'field' as const, id: 'case.proposedDecision.penalties' }];
  if (others.length)
    out.push(finding('P6', 'P6.no-penalty', 'fail', `裁量情节为“不予处罚”，拟处罚决定却给予${names(others)}；不予处罚的，不得给予任何行政处罚`, { basis: [ART33], refs: penaltyRefs }));
  if (confiscations.length)
    out.push(finding('P6', 'P6.no-penalty', 'warn', `裁量情节为“不予处罚”，拟处罚决定仍有${names(confiscations)}；请核对其依据（违法所得应予没收的，另行写明）`, { basis: [ART33, ART28], refs: penaltyRefs }));
  const text = [pkg.case.facts, ...d.discretion.factors, d.discretion.reason ?? ''].join('；');
  const grounds = [...CORRECTED, ...NO_FAULT].filter((w) => text.includes(w));
  out.push(
    grounds.length
      ? finding('P6', 'P6.no-penalty-ground', 'ok', `不予处罚，案卷载有“${grounds.join('”“')}”；请核对是否符合处罚法第三十三条的情形`, { basis: [ART33], refs })
      : finding('P6', 'P6.no-penalty-ground', 'warn', '裁量情节为“不予处罚”，案卷未载明及时改正或没有主观过错等处罚法第三十三条的情形', { basis: [ART33], refs }),
  );
  return out;
};
