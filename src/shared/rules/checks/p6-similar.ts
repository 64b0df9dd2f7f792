// P6 — 类案同罚: fines in similar cases (same article key) from the local cache.
import { fines } from '../context';
import { articleKeyText, caseArticleKey } from '../law';
import type { Check } from '../types';
import { finding, yuan } from '../util';

const BASIS = [{ law: '关于规范市场监督管理行政处罚裁量权的指导意见（国市监法规〔2022〕2号）', article: '', note: '同一地区、同类违法行为处罚基本一致（类案同罚，待核实条文）' }];

export const checkSimilarCases: Check = ({ pkg, rules, similarCases }) => {
  const fine = fines(pkg)[0];
  if (!fine || !similarCases) return [];
  const key = caseArticleKey(pkg, rules);
  const same = similarCases.filter((c) => c.articleKey === key && c.caseId !== pkg.case.id);
  if (same.length === 0) return [finding('P6', 'P6.similar-cases', 'info', `本地缓存中没有适用${articleKeyText(key)}的类案`, { basis: BASIS })];
  const amounts = same.map((c) => c.fineFen);
  const lo = Math.min(...amounts);
  const hi = Math.max(...amounts);
  const list = same
    .slice()
    .sort((a, b) => a.fineFen - b.fineFen)
    .map((c) => `${c.caseNumber} ${yuan(c.fineFen)}`)
    .join('；');
  const computation = `适用条款：${articleKeyText(key)}；类案 ${same.length} 件：${list}；区间 ${yuan(lo)}–${yuan(hi)}；本案 ${yuan(fine.amountFen)}`;
  const refs = [{ kind: 'field' as const, id: 'case.proposedDecision.penalties', label: fine.description }];
  if (fine.amountFen < lo || fine.amountFen > hi)
    return [
      finding('P6', 'P6.similar-cases', 'warn', `本案罚款 ${yuan(fine.amountFen)} ${fine.amountFen > hi ? '高于' : '低于'}同条款类案的罚款区间（${yuan(lo)}–${yuan(hi)}），请核对裁量理由`, { computation, basis: BASIS, refs }),
    ];
  return [finding('P6', 'P6.similar-cases', 'ok', `本案罚款在同条款 ${same.length} 件类案的罚款区间（${yuan(lo)}–${yuan(hi)}）内`, { computation, basis: BASIS, refs })];
};
