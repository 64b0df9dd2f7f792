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
  return annotations.map((a) => {
    const sha = shaOf(a.caseId, a.itemId);
    if (!sha || sha === a.sha256) return a;
    if (a.anchor.type !== 'text') return { ...a, fileUpdated: { quote: null } };
    const text = ws.search.pageText(sha, a.anchor.page);
    if (text === null) return { ...a, fileUpdated: { quote: null } };
    // The viewer matches in folded text (whitespace, width and case ignored): so does this.
    return { ...a, fileUpdated: { quote: normalizeText(text).includes(normalizeText(a.anchor.quote.exact)) ? 'found' : 'not_found' } };
  });
}
