// Citations: law names, article numbers in Chinese numerals, lookup in the rule data.
import type { CasePackage, LegalCitation } from '../casefile/schema';
import type { ArticleRef, ArticleRule, RuleSet, StatuteRule } from './rule-data';

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "一百二十四" → 124, "十三" → 13, "一百零五" → 105, "124" → 124; null when not a number. */
export function parseCnNumber(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!t || ![...t].every((c) => c in CN_DIGIT || c in CN_UNIT)) return null;
  let total = 0;
  let digit = 0;
  let seen = false;
  for (const c of t) {
    if (c in CN_DIGIT) {
      digit = CN_DIGIT[c]!;
      seen = true;
    } else {
      const unit = CN_UNIT[c]!;
      total += (seen ? digit : 1) * unit;
      digit = 0;
      seen = false;
    }
  }
  return total + digit;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 10 → "十", 124 → "一百二十四", 105 → "一百零五" (1–999). */
export function toCnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const o = n % 10;
  let s = h ? `${CN_DIGITS[h]}百` : '';
  if (t) s += `${h || t > 1 ? CN_DIGITS[t] : ''}十`;
  else if (h && o) s += '零';
  if (o) s += CN_DIGITS[o];
  return s;
}

/** "第一百二十四条" / "第124条" / "第一百二十四条第一款" → 124. */
export function articleNumber(article: string): number | null {
  const m = /第([〇零一二两三四五六七八九十百千\d]+)条/.exec(article);
  return m ? parseCnNumber(m[1]!) : null;
}

/** Item (项) number from a clause such as "第一款第（五）项" / "第五项" / "(五)". */
export function itemNumber(...parts: (string | undefined)[]): number | null {
  for (const p of parts) {
    if (!p) continue;
    const m = /[（(]([〇零一二两三四五六七八九十\d]+)[)）]/.exec(p) ?? /第([〇零一二两三四五六七八九十\d]+)项/.exec(p);
    if (m) return parseCnNumber(m[1]!);
  }
  return null;
}

/** "《中华人民共和国食品安全法》" → "食品安全法". */
export function normalizeLawName(name: string): string {
  return name
    .replace(/[《》〈〉\s]/g, '')
    .replace(/^中华人民共和国/, '')
    .replace(/（\d{4}年?[^）]*）$/, '')
    .replace(/\(\d{4}[^)]*\)$/, '');
}

export function findStatute(rules: RuleSet, law: string): StatuteRule | undefined {
  const key = normalizeLawName(law);
  return rules.statutes.find((s) => normalizeLawName(s.law) === key || s.short === key || s.aliases.some((a) => normalizeLawName(a) === key));
}

export interface ResolvedCitation {
  citation: LegalCitation;
  statute?: StatuteRule;
  articleNo: number | null;
  item: number | null;
  /** Every stored version of the article (by effective dates). */
  versions: ArticleRule[];
  /** The version in force on `on`, if any. */
  inForce?: ArticleRule;
}

export function inForceOn(a: { effectiveFrom: string; effectiveTo?: string | undefined }, on: string): boolean {
  return a.effectiveFrom <= on && (!a.effectiveTo || on <= a.effectiveTo);
}

export function resolveCitation(rules: RuleSet, citation: LegalCitation, on: string): ResolvedCitation {
  const statute = findStatute(rules, citation.law);
  const articleNo = articleNumber(citation.article);
  const item = itemNumber(citation.clause, citation.article.replace(/^第[^条]+条/, ''));
  const versions = statute && articleNo !== null ? statute.articles.filter((a) => a.no === articleNo).sort((x, y) => (x.effectiveFrom < y.effectiveFrom ? -1 : 1)) : [];
  const inForce = versions.find((v) => inForceOn(v, on));
  return { citation, ...(statute ? { statute } : {}), articleNo, item, versions, ...(inForce ? { inForce } : {}) };
}

export function findArticle(rules: RuleSet, ref: ArticleRef, defaultLaw: string, on: string): ArticleRule | undefined {
  const statute = findStatute(rules, ref.law ?? defaultLaw);
  const no = articleNumber(ref.article);
  return statute?.articles.find((a) => a.no === no && inForceOn(a, on));
}

/** "食品安全法第124条第5项" — a citation as a stable, comparable key. */
export function citationKey(rules: RuleSet, c: LegalCitation): string {
  const statute = findStatute(rules, c.law);
  const law = statute?.short ?? normalizeLawName(c.law);
  const no = articleNumber(c.article);
  const item = itemNumber(c.clause, c.article.replace(/^第[^条]+条/, ''));
  return `${law}第${no ?? c.article}条${item ? `第${item}项` : ''}`;
}

/** A key as people read it: "食品安全法第124条第5项" → "《食品安全法》第一百二十四条第（五）项". */
export function articleKeyText(key: string): string {
  const m = /^(.+?)第(\d+)条(?:第(\d+)项)?$/u.exec(key);
  if (!m) return key;
  return `《${m[1]}》第${toCnNumber(Number(m[2]))}条${m[3] ? `第（${toCnNumber(Number(m[3]))}）项` : ''}`;
}

/** The violation date the law is applied to: the end of the violation (its last day). */
export function violationDate(pkg: CasePackage): string {
  return pkg.case.violationPeriod.end;
}

/**
 * The article key similar cases are compared by (类案同罚): the first legal basis that carries a
 * fine rule in the rule data, else the first legal basis.
 */
export function caseArticleKey(pkg: CasePackage, rules: RuleSet): string {
  const on = violationDate(pkg);
  const basis = pkg.case.proposedDecision.legalBasis;
  const withFine = basis.find((c) => resolveCitation(rules, c, on).inForce?.fine);
  return citationKey(rules, withFine ?? basis[0]!);
}

/** "《食品安全法》第一百二十四条第一款第（五）项" for messages. */
export function citationText(c: LegalCitation): string {
  const law = normalizeLawName(c.law);
  return `《${law}》${c.article}${c.clause ?? ''}`;
}
