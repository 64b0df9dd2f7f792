// Annotations made on an older version of a re-imported file: the viewer re-anchors text marks by
// their quote in the new version — on the same page, or on the nearest page that has it when the
// text moved (a paragraph added before it). Say so in the 标注 list, and whether and where the
// quote is still there, so the reviewer knows which marks to re-check.
import { normalizeText } from '../../../shared/text/fold';
import type { Annotation } from '../../../shared/api/evidence';
import type { Workstation } from '../../workstation';

/** The page (1-based) nearest to `page` whose folded text holds `quote`; null when none does. */
export function nearestPageWith(pages: readonly string[], quote: string, page: number): number | null {
  for (let d = 0; d < Math.max(page, pages.length - page + 1); d++) {
    for (const p of d === 0 ? [page] : [page - d, page + d]) if (p >= 1 && p <= pages.length && pages[p - 1]!.includes(quote)) return p;
  }
  return null;
}

export function withFileState(ws: Pick<Workstation, 'cases' | 'search'>, annotations: Annotation[]): Annotation[] {
  if (!annotations.length) return annotations;
  const current = new Map<string, Map<string, string>>();
  const shaOf = (caseId: string, itemId: string): string | undefined => {
    let m = current.get(caseId);
    if (!m) {
      const agg = ws.cases.load(caseId);
      m = new Map([...(agg?.documents ?? []), ...(agg?.evidence ?? [])].map((x) => [x.id, x.sha256]));
      current.set(caseId, m);
    }
    return m.get(itemId);
  };
  // Several marks on one file: its pages are read and folded once.
  const files = new Map<string, string[]>();
  const foldedPages = (sha: string): string[] => {
    let pages = files.get(sha);
    if (!pages) {
      pages = ws.search.pagesOf(sha).map(normalizeText);
      files.set(sha, pages);
    }
    return pages;
  };
  return annotations.map((a) => {
    const sha = shaOf(a.caseId, a.itemId);
    if (!sha || sha === a.sha256) return a;
    if (a.anchor.type !== 'text') return { ...a, fileUpdated: { quote: null } };
    const pages = foldedPages(sha);
    if (!pages.length) return { ...a, fileUpdated: { quote: null } };
    // The viewer matches in folded text (whitespace, width and case ignored): so does this.
    const at = nearestPageWith(pages, normalizeText(a.anchor.quote.exact), a.anchor.page);
    if (at === null) return { ...a, fileUpdated: { quote: 'not_found' } };
    return { ...a, fileUpdated: at === a.anchor.page ? { quote: 'found' } : { quote: 'found', page: at } };
  });
}
