// Width of an element, read before the first paint (layout effect) and kept current with a
// ResizeObserver: the PDF viewer decides on thumbnails and zoom before it mounts any page, the case
// view sizes its tree before the documents are laid out.
// A zero width (the element's tab is not displayed) keeps the last one.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export function useLayoutWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => setWidth((w) => el.clientWidth || w);
    const ro = new ResizeObserver(read);
    ro.observe(el);
    read();
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
