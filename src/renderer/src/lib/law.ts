// Short forms of legal citations for headers: "《食品安全法》第一百二十四条第一款".
import type { LegalCitation } from '../../../shared/casefile/schema';

/** 中华人民共和国食品安全法 → 食品安全法 */
export function shortLawName(law: string): string {
  return law.replace(/^中华人民共和国/, '');
}

export function citationText(c: LegalCitation, short = false): string {
  const name = short ? shortLawName(c.law) : c.law;
  return `《${name}》${c.article}${c.clause ?? ''}`;
}

/** One line for the case header: the first basis, plus "等N项" when there are more. */
export function basisSummary(list: readonly LegalCitation[]): string {
  const first = list[0];
  if (!first) return '—';
  const more = list.length > 1 ? ` 等${list.length}项` : '';
  return `${citationText(first, true)}${more}`;
}
