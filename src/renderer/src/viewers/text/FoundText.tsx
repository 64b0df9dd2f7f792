// The body of the text and Word panes: the text as it is, with its meta line, Ctrl+F find bar and
// marks — a search hit (scrolled to the middle; a new reveal scrolls again) with the search's other
// words marked lighter, or, while the find bar has a query, its matches with the current one stronger.
// Esc closes the find bar, then clears the search marks. Where the reader was is remembered per
// file: the pane mounted again (queue folded, another case visited) resumes there.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { SearchOutlined } from '@ant-design/icons';
import type { Reveal } from '../../workspace/reveal';
import { FindBar } from '../FindBar';
import { ToolButton } from '../ToolButton';
import { useFindOpener } from '../useFindKey';
import { findInText, termsInText } from './findInText';
import { useTextFind } from './useTextFind';
import { useLayoutWidth } from '../../lib/useLayoutWidth';
import { useReadingPosition, type PositionOf } from '../readingPositions';
import { around, blockParts, marksIn, mergeMarks, textBlocks, type Block, type MarkKind, type TextMark } from './textMarks';
import { shortcutTip } from '../../lib/shortcuts';

/** Marks drawn at most (the count still says all): thousands of <mark>s would slow every keystroke. */
const MAX_MARKS = 1000;

const MARK: Record<MarkKind, { className: string; testId: string }> = {
  hit: { className: 'text-find', testId: 'text-find' },
  term: { className: 'text-term', testId: 'text-term' },
  find: { className: 'text-match', testId: 'text-match' },
  current: { className: 'text-match is-current', testId: 'text-match' },
};

interface Props {
  text: string;
  reveal: Reveal | null;
  /** Class of the text body (its face). */
  className: string;
  /** The meta line above the text (kind, encoding…). */
  meta: ReactNode;
  /** The file shown (its reading position is remembered under it). */
  positionKey: string;
}

export function FoundText({ text, reveal, className, meta, positionKey }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  // Its width is 0 while the tab is hidden: resuming waits until the text is laid out.
  const [bodyRef, bodyWidth] = useLayoutWidth<HTMLPreElement>();
  const readingAt = useCallback(() => (bodyRef.current ? (readingOffset(bodyRef.current) ?? 0) : 0), [bodyRef]);
  const find = useTextFind(text, readingAt);
  const { open: openFind, focusSeq: findFocus } = useFindOpener(rootRef, find.show);

  // The search hit and the search's words, until Esc clears them (a new reveal brings them back).
  const [cleared, setCleared] = useState(0);
  const shown = reveal && reveal.seq !== cleared ? reveal.find : undefined;
  const hit = useMemo(() => (shown ? findInText(text, shown) : null), [text, shown]);
  const terms = useMemo(() => (shown?.terms?.length ? termsInText(text, shown.terms, hit) : []), [text, shown, hit]);

  const finding = find.open && find.query.trim() !== '';
  const marks = useMemo((): TextMark[] => {
    if (finding) {
      const { items, offset } = around(find.matches, find.current, MAX_MARKS);
      return items.map((s, i) => ({ ...s, kind: i + offset === find.current ? 'current' : 'find' }));
    }
    const near = hit ? terms.findIndex((t) => t.start > hit.start) : 0;
    const words = around(terms, near < 0 ? terms.length : near, MAX_MARKS).items.map((s): TextMark => ({ ...s, kind: 'term' }));
    return mergeMarks(hit ? [{ ...hit, kind: 'hit' }] : [], words);
  }, [finding, find.matches, find.current, hit, terms]);
  const blocks = useMemo(() => textBlocks(text), [text]);

  useEffect(() => {
    const body = bodyRef.current;
    const mark = body?.querySelector<HTMLElement>('mark.text-find');
    if (body && mark) centre(body, mark);
  }, [hit, reveal?.seq]);
  useEffect(() => {
    const body = bodyRef.current;
    const mark = finding ? body?.querySelector<HTMLElement>('mark.is-current') : null;
    if (body && mark) centre(body, mark);
  }, [finding, find.matches, find.current]);

  // Tracked while scrolling, not read on leaving: a hidden tab or a remounting window can't be read.
  const reading = useRef<number | null>(null);
  const frame = useRef(0);
  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const body = bodyRef.current;
      const at = body ? readingOffset(body) : null;
      if (at !== null) reading.current = at;
    });
  }, [bodyRef]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const resume = useCallback(
    (at: PositionOf<'text'>) => {
      const body = bodyRef.current;
      if (!body) return;
      reading.current = at.offset;
      scrollToOffset(body, at.offset);
    },
    [bodyRef],
  );
  const now = () => (reading.current === null ? null : { kind: 'text' as const, offset: reading.current });
  useReadingPosition('text', positionKey, { ready: bodyWidth > 0, revealed: hit !== null, resume, now });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape') return;
    if (find.open) {
      find.close();
      bodyRef.current?.focus();
    } else if (shown && reveal) setCleared(reveal.seq);
    else return;
    e.preventDefault();
  };

  return (
    <div ref={rootRef} className="found-text" onKeyDown={onKeyDown}>
      <div className="text-viewer-meta muted small">
        {meta}
        <span className="spacer" />
        <ToolButton label={shortcutTip('find', '查找')} icon={<SearchOutlined />} active={find.open} onClick={openFind} testId="text-find-button" />
      </div>
      {find.open && <FindBar find={find} focusSeq={findFocus} onClosed={() => bodyRef.current?.focus()} testId="text" />}
      <pre ref={bodyRef} className={className} tabIndex={0} onScroll={onScroll}>
        {blocks.map((b) => (
          <TextBlock key={b.from} text={text} block={b} marks={marksIn(marks, b)} />
        ))}
      </pre>
    </div>
  );
}

/** One block of lines; re-rendered only when its own marks change. */
const TextBlock = memo(
  function TextBlock({ text, block, marks }: { text: string; block: Block; marks: TextMark[] }) {
    return (
      <span className="text-block" data-from={block.from}>
        {blockParts(text, block, marks).map((p, i) =>
          p.kind ? (
            <mark key={i} className={MARK[p.kind].className} data-testid={MARK[p.kind].testId}>
              {p.text}
            </mark>
          ) : (
            p.text
          ),
        )}
      </span>
    );
  },
  (a, b) => a.text === b.text && a.block === b.block && a.marks.length === b.marks.length && a.marks.every((m, i) => m.start === b.marks[i]!.start && m.end === b.marks[i]!.end && m.kind === b.marks[i]!.kind),
);

/** Scroll the text (only it, not the panes around it) so the mark sits in the middle. */
function centre(body: HTMLElement, mark: HTMLElement): void {
  const b = body.getBoundingClientRect();
  const m = mark.getBoundingClientRect();
  body.scrollTop += m.top - b.top - (b.height - m.height) / 2;
}

/** Where readingOffset looks: inside the body's padding (12 px top, 16 px left), on the first line. */
const READ_AT = { x: 20, y: 16 };

/** Index in the text of the first character shown at the top of the body (null when unknown: hidden, covered). */
function readingOffset(body: HTMLElement): number | null {
  const r = body.getBoundingClientRect();
  if (r.height === 0) return null;
  const caret = document.caretRangeFromPoint?.(r.left + READ_AT.x, r.top + READ_AT.y);
  const node = caret?.startContainer;
  const block = node?.parentElement?.closest<HTMLElement>('[data-from]');
  if (!caret || !node || !block || !body.contains(block)) return null;
  let at = Number(block.dataset.from);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && n !== node; n = walker.nextNode()) at += n.textContent?.length ?? 0;
  return at + caret.startOffset;
}

/** Scroll the body so the line holding text index `offset` is its first line (where readingOffset reads). */
function scrollToOffset(body: HTMLElement, offset: number): void {
  const blocks = body.querySelectorAll<HTMLElement>('[data-from]');
  let block: HTMLElement | undefined;
  for (const b of blocks) {
    if (Number(b.dataset.from) > offset) break;
    block = b;
  }
  if (!block) return;
  // The text node holding the character (or the block's end when the offset is past it).
  let left = offset - Number(block.dataset.from);
  let node: Node | null = null;
  let at = 0;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.textContent?.length ?? 0;
    node = n;
    at = Math.max(0, Math.min(left, len));
    if (left < len) break;
    left -= len;
  }
  if (!node) return;
  const len = node.textContent?.length ?? 0;
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, Math.min(at + 1, len));
  const line = range.getBoundingClientRect();
  const top = body.getBoundingClientRect().top + Number.parseFloat(getComputedStyle(body).paddingTop);
  body.scrollTop += line.top - top;
}
