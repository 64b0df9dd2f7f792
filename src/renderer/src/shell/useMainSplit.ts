// Remembered widths of the main window's side regions — the queue (left) and the review panel
// (right) — as percentages, so each keeps its width whichever of the others is shown; the case
// file in the centre takes the rest.
import { useState } from 'react';
import { usePersistentState } from '../lib/usePersistentState';

interface Widths {
  queue: number;
  review: number;
}

const DEFAULT: Widths = { queue: 28, review: 26 };
const share = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 5 && n <= 80;
const isWidths = (v: unknown): v is Widths => typeof v === 'object' && v !== null && share((v as Widths).queue) && share((v as Widths).review);

export function useMainSplit(show: { queue: boolean; review: boolean }) {
  const [stored, setStored] = usePersistentState('split.regions', DEFAULT, isWidths);
  const [live, setLive] = useState<Widths | null>(null);
  const w = live ?? stored;
  const order = [...(show.queue ? (['queue'] as const) : []), 'centre' as const, ...(show.review ? (['review'] as const) : [])];

  const measure = (px: number[]): Widths | null => {
    if (px.length !== order.length) return null;
    const total = px.reduce((a, b) => a + b, 0) || 1;
    const next = { ...w };
    order.forEach((k, i) => {
      if (k !== 'centre') next[k] = Math.round(((px[i] ?? 0) / total) * 10000) / 100;
    });
    return next;
  };
  const onResize = (px: number[]) => {
    const next = measure(px);
    if (next) setLive(next);
  };
  const onResizeEnd = (px: number[]) => {
    const next = measure(px);
    if (next) setStored(next);
    setLive(null);
  };
  const centre = 100 - (show.queue ? w.queue : 0) - (show.review ? w.review : 0);
  return { queue: `${w.queue}%`, centre: `${centre}%`, review: `${w.review}%`, widths: w, onResize, onResizeEnd };
}
