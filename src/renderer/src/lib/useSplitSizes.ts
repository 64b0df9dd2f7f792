// Remembered sizes for an antd Splitter, kept as percentages so they survive window resizes.
import { useCallback, useState } from 'react';
import { isNumberArray, usePersistentState } from './usePersistentState';

function toPercent(px: number[]): number[] {
  const total = px.reduce((a, b) => a + b, 0) || 1;
  return px.map((p) => Math.round((p / total) * 10000) / 100);
}

export function useSplitSizes(key: string, defaults: number[]) {
  const [stored, setStored] = usePersistentState(key, defaults, isNumberArray(defaults.length));
  const [live, setLive] = useState<number[] | null>(null);
  const onResize = useCallback((px: number[]) => {
    if (px.length === defaults.length) setLive(toPercent(px));
  }, [defaults.length]);
  const onResizeEnd = useCallback(
    (px: number[]) => {
      if (px.length === defaults.length) setStored(toPercent(px));
      setLive(null);
    },
    [defaults.length, setStored],
  );
  const sizes = (live ?? stored).map((p) => `${p}%`);
  return { sizes, onResize, onResizeEnd };
}
