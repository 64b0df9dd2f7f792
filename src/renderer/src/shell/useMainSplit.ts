// Remembered widths of the main window's side regions — the queue (left) and the review panel
// (right) — as percentages, so each keeps its width whichever of the others is shown; the case
// file in the centre takes the rest. While no case is open the queue takes the room instead (its
// 当事人 and 案由 read in full), the centre keeping just its hint; that width is not remembered.
import { useState } from 'react';
import { usePersistentState } from '../lib/usePersistentState';

interface Widths {
  queue: number;
  review: number;
}

const DEFAULT: Widths = { queue: 28, review: 26 };
/** The centre beside a wide queue: room for its hint (↑ ↓ 选择 · Enter 打开 · Ctrl+K …) on one line. */
export const IDLE_CENTRE_PX = 400;
const share = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 5 && n <= 80;
const isWidths = (v: unknown): v is Widths => typeof v === 'object' && v !== null && share((v as Widths).queue) && share((v as Widths).review);

/** show.wideQueue: no case is open and the queue has cases to list. */
export function useMainSplit(show: { queue: boolean; review: boolean; wideQueue: boolean }) {
  const [stored, setStored] = usePersistentState('split.regions', DEFAULT, isWidths);
  const [live, setLive] = useState<Widths | null>(null);
  const w = live ?? stored;
  const wide = show.queue && show.wideQueue;
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
    if (wide) return;
    const next = measure(px);
    if (next) setLive(next);
  };
  const onResizeEnd = (px: number[]) => {
    const next = wide ? null : measure(px);
    if (next) setStored(next);
    setLive(null);
  };
  const centre = 100 - (show.queue ? w.queue : 0) - (show.review ? w.review : 0);
  if (wide) return { queue: undefined, centre: IDLE_CENTRE_PX, review: `${w.review}%`, widths: w, wide, onResize, onResizeEnd };
  return { queue: `${w.queue}%`, centre: `${centre}%`, review: `${w.review}%`, widths: w, wide, onResize, onResizeEnd };
}
