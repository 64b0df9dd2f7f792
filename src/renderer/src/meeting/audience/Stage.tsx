// A 1920×1080 canvas scaled to fit its box, letterboxed. The audience screen is designed at 1080p
// once (sizes in canvas pixels: ≥ 28 px body text at 1920×1080); the full-screen page and the
// presenter's small live preview are the same canvas at different scales.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export const CANVAS_W = 1920;
export const CANVAS_H = 1080;

export function Stage({ children, className, label }: { children: ReactNode; className?: string; label?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setScale(Math.min(el.clientWidth / CANVAS_W, el.clientHeight / CANVAS_H));
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);
  return (
    <div ref={box} className={`au-stage${className ? ` ${className}` : ''}`} aria-label={label}>
      <div className="au-canvas" style={{ width: CANVAS_W, height: CANVAS_H, transform: `translate(-50%, -50%) scale(${scale})`, visibility: scale ? 'visible' : 'hidden' }}>
        {children}
      </div>
    </div>
  );
}
