// Annotations made on an older version of a re-imported file: the viewer re-anchors text marks by
// their quote on the same page of the new version. Say so in the 标注 list, and whether the quote is
// still there, so the reviewer knows which marks to re-check.
import { normalizeText } from '../../../shared/text/fold';
import type { Annotation } from '../../../shared/api/evidence';
import type { Workstation } from '../../workstation';

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
  // Several marks on one page: its text is read and folded once.
  const pages = new Map<string, string | null>();
  const foldedPage = (sha: string, page: number): string | null => {
    const key = `${sha}:${page}`;
    if (!pages.has(key)) {
      const text = ws.search.pageText(sha, page);
      pages.set(key, text === null ? null : normalizeText(text));
    }
    return pages.get(key)!;
  };
  return annotations.map((a) => {
    const sha = shaOf(a.caseId, a.itemId);
    if (!sha || sha === a.sha256) return a;
    if (a.anchor.type !== 'text') return { ...a, fileUpdated: { quote: null } };
    const folded = foldedPage(sha, a.anchor.page);
    if (folded === null) return { ...a, fileUpdated: { quote: null } };
    // The viewer matches in folded text (whitespace, width and case ignored): so does this.
    return { ...a, fileUpdated: { quote: folded.includes(normalizeText(a.anchor.quote.exact)) ? 'found' : 'not_found' } };
  });
}
