// Shrinks a slide's text until it fits its area: the type scale `--k` steps down from 1 (36 px body)
// to MIN_K (28 px body, the smallest readable from 5 m at 1080p). What still does not fit is cut
// off and marked, never made smaller than that.
import { useLayoutEffect, useRef, useState, type DependencyList, type RefObject } from 'react';

const MIN_K = 28 / 36;
const STEP = 0.03;

export function useFit<T extends HTMLElement>(deps: DependencyList): { ref: RefObject<T | null>; overflow: boolean } {
  const ref = useRef<T>(null);
  const [overflow, setOverflow] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      let k = 1;
      el.style.setProperty('--k', String(k));
      while (el.scrollHeight > el.clientHeight + 1 && k > MIN_K) {
        k = Math.max(MIN_K, k - STEP);
        el.style.setProperty('--k', k.toFixed(3));
      }
      setOverflow(el.scrollHeight > el.clientHeight + 1);
    };
    fit();
    // Images and late fonts change the height after the first layout.
    const imgs = [...el.querySelectorAll('img')].filter((i) => !i.complete);
    imgs.forEach((i) => i.addEventListener('load', fit, { once: true }));
    return () => imgs.forEach((i) => i.removeEventListener('load', fit));
  }, deps);
  return { ref, overflow };
}
