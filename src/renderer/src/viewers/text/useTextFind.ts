// Ctrl+F in a text or Word pane: the matches of the query in the shown text, folded as the PDF
// find and the index fold, and which one is current.
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { FindModel } from '../FindBar';
import { matchesInText, type Span } from './findInText';
import { firstFrom } from './textMarks';

export interface TextFind extends FindModel {
  open: boolean;
  /** Matches of the query as last matched (`current` indexes these). */
  matches: Span[];
  show: () => void;
}

/** `readingAt`: where in the text the reader is; a new query starts at the first match from there. */
export function useTextFind(text: string, readingAt: () => number): TextFind {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  // Matching and marking follow the deferred query: the input stays responsive in a large text,
  // and keys typed while a render runs are matched once, together.
  const deferred = useDeferredValue(open ? query : '');
  const matches = useMemo(() => matchesInText(text, deferred), [text, deferred]);
  // Read when the matches are new, not on every render: where the reader was when they typed.
  const start = useMemo(() => (matches.length ? firstFrom(matches, readingAt()) : -1), [matches]);
  const [moved, setMoved] = useState<{ of: Span[]; at: number } | null>(null);
  const current = moved?.of === matches ? moved.at : start;
  const step = useCallback(
    (dir: 1 | -1) => {
      const n = matches.length;
      if (n) setMoved({ of: matches, at: (current + dir + n) % n });
    },
    [matches, current],
  );
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  return { open, query, setQuery, matches, count: matches.length, current, counting: open && query !== deferred, show, close, step };
}
