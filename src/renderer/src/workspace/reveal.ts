// A request to show something inside an item: a page, a time, a search hit to mark, an annotation to
// flash. `seq` makes each request new, so asking twice for the same spot scrolls there again.
export interface RevealTarget {
  itemId: string;
  /** 1-based PDF page. */
  page?: number;
  /** Media position. */
  seconds?: number;
  /**
   * A search hit: the matched text and its context, to mark in the text layer; occurrence: which one
   * on the page (SearchHit.occurrence); terms: the words of the search (SearchResult.terms), each
   * occurrence marked lighter beside the hit.
   */
  find?: { text: string; before: string; after: string; occurrence: number | null; terms?: readonly string[] };
  annotationId?: string;
}

export interface Reveal extends RevealTarget {
  seq: number;
}

let counter = 0;
export function makeReveal(target: RevealTarget): Reveal {
  counter += 1;
  return { ...target, seq: counter };
}
