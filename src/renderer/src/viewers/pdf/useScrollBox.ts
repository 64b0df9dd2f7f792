// Tracks a scroll container's position and size (one update per frame), and a "pinned" page:
// after a jump to page N, N stays current until the reader scrolls somewhere else.
// While the container is not displayed (its tab is in the background) the last box is kept, so
// nothing is laid out again for a zero size, and the scroll position is put back when it shows.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface ScrollBox {
  top: number;
  width: number;
  height: number;
}

export function useScrollBox<T extends HTMLElement = HTMLDivElement>(): {
  ref: RefObject<T | null>;
  box: ScrollBox;
  onScroll: () => void;
  /** Reads the position and size now (e.g. after a sibling appeared and took some width). */
  measure: () => void;
  /** False while the container is not displayed (display: none on it or an ancestor). */
  shown: boolean;
  pin: (index: number) => void;
  pinned: number | null;
} {
  const ref = useRef<T>(null);
  const [box, setBox] = useState<ScrollBox>({ top: 0, width: 0, height: 0 });
  const [shown, setShown] = useState(true);
  const last = useRef<ScrollBox | null>(null);
  const hidden = useRef(false);
  const [pinned, setPinned] = useState<{ index: number; top: number } | null>(null);
  const frame = useRef(0);

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (el.getClientRects().length === 0) {
      hidden.current = true;
      setShown(false);
      return;
    }
    if (hidden.current) {
      hidden.current = false;
      if (last.current && Math.abs(el.scrollTop - last.current.top) > 1) el.scrollTop = last.current.top;
    }
    setShown(true);
    const next = { top: el.scrollTop, width: el.clientWidth, height: el.clientHeight };
    last.current = next;
    setBox((b) => (b.top === next.top && b.width === next.width && b.height === next.height ? b : next));
  }, []);

  // Measured before the first paint, so what is mounted for the first frame is right.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [measure]);

  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      measure();
      const el = ref.current;
      setPinned((p) => (p && el && Math.abs(el.scrollTop - p.top) <= 2 ? p : null));
    });
  }, [measure]);

  const pin = useCallback(
    (index: number) => {
      const el = ref.current;
      setPinned({ index, top: el?.scrollTop ?? 0 });
      measure();
    },
    [measure],
  );

  return { ref, box, onScroll, measure, shown, pin, pinned: pinned?.index ?? null };
}
