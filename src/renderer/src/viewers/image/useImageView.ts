// Image viewer state: zoom (fit or fixed), rotation in 90° steps, pan offset; wheel zooms at the cursor.
import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';
import type { ZoomMode } from '../ZoomSelect';
import { clampZoom, nextZoom } from '../pdf/pdfLayout';

export interface ImageGeometry {
  natural: { w: number; h: number } | null;
  box: { w: number; h: number };
  rotation: number;
}

export function fitZoom(mode: ZoomMode, g: ImageGeometry): number {
  if (mode.mode === 'custom') return mode.zoom;
  if (!g.natural || g.box.w === 0) return 1;
  const turned = g.rotation % 180 !== 0;
  const w = turned ? g.natural.h : g.natural.w;
  const h = turned ? g.natural.w : g.natural.h;
  const pad = 24;
  const byWidth = (g.box.w - pad) / w;
  // Fitting the window never enlarges a small image beyond its real size.
  return clampZoom(mode.mode === 'width' ? byWidth : Math.min(1, byWidth, (g.box.h - pad) / h));
}

export function useImageView() {
  const stage = useRef<HTMLDivElement>(null);
  const [mode, setModeState] = useState<ZoomMode>({ mode: 'page' });
  const [rotation, setRotation] = useState(0);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [box, setBox] = useState({ w: 0, h: 0 });
  const drag = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setBox({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const zoom = fitZoom(mode, { natural, box, rotation });
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;

  const setMode = useCallback((m: ZoomMode) => {
    setModeState(m);
    if (m.mode !== 'custom') setOffset({ x: 0, y: 0 });
  }, []);

  const rotate = useCallback((dir: 1 | -1) => {
    setRotation((r) => (r + dir * 90 + 360) % 360);
    setOffset({ x: 0, y: 0 });
  }, []);

  // Wheel zooms around the cursor: the point under it stays put.
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const z1 = zoomRef.current;
      const z2 = nextZoom(z1, e.deltaY < 0 ? 1 : -1);
      const rect = el.getBoundingClientRect();
      const px = e.clientX - rect.left - rect.width / 2;
      const py = e.clientY - rect.top - rect.height / 2;
      setOffset((o) => ({ x: px - ((px - o.x) * z2) / z1, y: py - ((py - o.y) * z2) / z1 }));
      setModeState({ mode: 'custom', zoom: z2 });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const pan = {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
      if (e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { x: e.clientX, y: e.clientY };
    },
    onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
      const d = drag.current;
      if (!d) return;
      setOffset((o) => ({ x: o.x + e.clientX - d.x, y: o.y + e.clientY - d.y }));
      drag.current = { x: e.clientX, y: e.clientY };
    },
    onPointerUp: () => {
      drag.current = null;
    },
  };

  return { stage, mode, setMode, zoom, rotation, rotate, offset, setOffset, natural, setNatural, pan };
}
