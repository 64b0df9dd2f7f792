// 案号 as people type them: 〔〕 is hard to type, so [2026], (2026), （2026） and 【2026】 are
// typed for 〔2026〕. The queue filter and the audit log's 案号 filter compare folded numbers; the
// full-text search rewrites a bracketed year in the query to 〔YYYY〕, the form documents hold.
import { normalizeText } from './fold';

/**
 * A 案号 folded for matching: the search fold (NFKC: full-width to half-width, spaces, case), then
 * every bracket pair one might type for 〔〕 — [] () 【】 〖〗 — made one, since 〔 is hard to type.
 */
export function foldCaseNumber(s: string): string {
  return normalizeText(s).replace(/[[(【〖〔]/gu, '(').replace(/[\])】〗〕]/gu, ')');
}

// A year (19xx/20xx) with a bracket on at least one side; one pass over the query (O(length)).
const BRACKETED_YEAR = /([[(（［【〖〔])?((?:19|20)[0-9]{2})([\])）］】〗〕])?/gu;

/**
 * The query with every bracketed year written 〔YYYY〕, as 案号 and 文号 are printed. A year cut
 * at the end of a word ("处罚[2026") or its start ("2026]244号") counts too: 〔2026〕 always
 * comes with both brackets, so the rewritten word still occurs in the number. Digits joined to
 * the year on a side without a bracket ("[20261") leave it as typed.
 */
export function bracketYears(q: string): string {
  return q.replace(BRACKETED_YEAR, (m: string, open: string | undefined, year: string, close: string | undefined, at: number) => {
    if (!open && !close) return m;
    const end = at + m.length;
    const startOk = open !== undefined || at === 0 || q[at - 1] === ' ';
    const endOk = close !== undefined || end === q.length || q[end] === ' ';
    if (!startOk || !endOk) return m;
    // Already 〔2026〕: nothing to do (and the typed form is kept byte for byte).
    if (open === '〔' && close === '〕') return m;
    return `〔${year}〕`;
  });
}

