// Generated text as an official document prints it, and when a sentence already says another:
// shared by the drafted 审核意见 (review/draft.ts) and the opinion's blocks (main/services/opinion).
import { proseDates } from '../format/date';

/** Han characters and full-width punctuation: no space between them and a date or a number in official text. */
const CN = String.raw`[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]`;
const CN_DATE = String.raw`\d{4}年\d{1,2}月\d{1,2}日`;
/** A number standing alone (not the 3 of "P3" nor part of a code like "SHA-256"). */
const NUMBER = String.raw`(?<![A-Za-z\d.,\-])\d[\d.,]*(?![A-Za-z\d])`;
const SPACE_BEFORE = new RegExp(String.raw`(${CN}) +(?=${CN_DATE}|${NUMBER})`, 'gu');
const SPACE_AFTER = new RegExp(String.raw`(${CN_DATE}|${NUMBER}) +(?=${CN})`, 'gu');

/**
 * Generated text (a check's message, a penalty) as documents and drafts print it: ISO dates (kept
 * for the on-screen lists) as 2026年10月17日, and without the spaces that set dates and numbers apart
 * on screen ("已于 2026-10-17 到期" → "已于2026年10月17日到期", "超期 23 日" → "超期23日",
 * "罚款 50,000元" → "罚款50,000元").
 */
export function documentText(text: string): string {
  return proseDates(text).replace(SPACE_BEFORE, '$1').replace(SPACE_AFTER, '$1');
}

const CN_ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** （一）, （二）… — items within a part of an official document (一、 → （一） → 1． → （1））. */
export const cnOrdinal = (i: number): string => `（${CN_ORDINAL[i] ?? String(i + 1)}）`;

/** A clause without its closing punctuation. */
export const bare = (x: string): string => x.trim().replace(/[。；;，,.\s]+$/u, '');

/** Character pairs of the Han text a sentence asserts: bracketed details, dates and numbers left out. */
function pairs(text: string): string[] {
  const runs = text.replace(/（[^（）]*）|\([^()]*\)/gu, '').split(/[^\p{Script=Han}]+/u);
  return runs.flatMap((r) => Array.from({ length: Math.max(0, r.length - 1) }, (_, i) => r.slice(i, i + 2)));
}

/**
 * Whether `text` (the reviewer's note) already says what `claim` (an automatic finding, a point's
 * finding) says: it contains the claim, or at least 80 % of the claim's character pairs (its
 * bracketed details aside) occur in it — "拟作出决定日期超过九十日办案期限" says
 * "拟作出决定日期超过办案期限（期限至…，超期23日）" (11 of 12 pairs). The bar keeps a claim that
 * shares words but says something else: "告知书未送达" against "告知书送达日期有误" (3 of 5).
 */
export function alreadySaid(text: string, claim: string): boolean {
  const t = bare(text);
  const c = bare(claim);
  if (!t || !c) return false;
  if (t.includes(c)) return true;
  const ps = pairs(c);
  if (ps.length < 3) return false;
  return ps.filter((p) => t.includes(p)).length / ps.length >= 0.8;
}
