// A note shown in a list: at most a few lines, with 展开/收起 when it is longer (the whole text is
// in the editor). The toggle appears only when the text is actually cut.
import { useId, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';

interface Props {
  text: string;
  className?: string;
  lines?: number;
}

export function ClampedNote({ text, className, lines = 3 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);

  // Measured, not guessed from the length: the column width decides how many lines a note takes.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || open) return;
    const measure = () => setCut(el.scrollHeight > el.clientHeight + 1);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [text, open]);

  return (
    <div className={`clamped-note${className ? ` ${className}` : ''}`}>
      <div ref={ref} id={id} className={`clamped-text${open ? '' : ' is-clamped'}`} style={{ '--clamp-lines': lines } as CSSProperties} data-testid="annotation-note-text">
        {text}
      </div>
      {(cut || open) && (
        <button type="button" className="clamped-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} data-testid="annotation-note-toggle">
          {open ? '收起' : '展开'}
        </button>
      )}
    </div>
  );
}
