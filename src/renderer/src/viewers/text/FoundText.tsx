// The body of the text and Word panes: the text as it is, with a search hit marked and scrolled to
// the middle of the pane when one is asked for (a new reveal scrolls again).
import { useEffect, useMemo, useRef } from 'react';
import type { Reveal } from '../../workspace/reveal';
import { findInText } from './findInText';

export function FoundText({ text, reveal, className }: { text: string; reveal: Reveal | null; className: string }) {
  const find = reveal?.find;
  const at = useMemo(() => (find ? findInText(text, find) : null), [text, find]);
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [at, reveal?.seq]);
  return (
    <pre className={className} tabIndex={0}>
      {at ? (
        <>
          {text.slice(0, at.start)}
          <mark ref={mark} className="text-find" data-testid="text-find">
            {text.slice(at.start, at.end)}
          </mark>
          {text.slice(at.end)}
        </>
      ) : (
        text
      )}
    </pre>
  );
}
