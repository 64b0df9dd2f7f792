// Tracks a scroll container's position and size (one update per frame), and a "pinned" page:
// after a jump to page N, N stays current until the reader scrolls somewhere else.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface ScrollBox {
  top: number;
  width: number;
  height: number;
}

export function useScrollBox(): {
  ref: RefObject<HTMLDivElement | null>;
  box: ScrollBox;
  onScroll: () => void;
  pin: (index: number) => void;
  pinned: number | null;
} {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<ScrollBox>({ top: 0, width: 0, height: 0 });
  const [pinned, setPinned] = useState<{ index: number; top: number } | null>(null);
  const frame = useRef(0);

  const measure = useCallback(() => {
    const el = ref.current;
    if (el) setBox({ top: el.scrollTop, width: el.clientWidth, height: el.clientHeight });
  }, []);

  useEffect(() => {
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

  return { ref, box, onScroll, pin, pinned: pinned?.index ?? null };
}
