// A computation line ("今日 2026-11-20，超期 78 日"; "收件 … + 10 个工作日 = …") with each number kept
// on one line with its unit: CJK text may break between any two characters, so "78" could end a
// line and "日" start the next.
import type { ReactNode } from 'react';

const NUMBER_WITH_UNIT = /\d[\d,.]*\s*(?:个工作日|工作日|个月|日|天|月|年|周|元|页|倍|项|次|%)/g;

/** The text in order, each number-with-unit a piece of its own (`keep`). */
export function unitPieces(text: string): { text: string; keep: boolean }[] {
  const out: { text: string; keep: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(NUMBER_WITH_UNIT)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), keep: false });
    out.push({ text: m[0], keep: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), keep: false });
  return out;
}

export function UnitText({ text }: { text: string }): ReactNode {
  return unitPieces(text).map((p, i) =>
    p.keep ? (
      <span key={i} className="rv-nobr">
        {p.text}
      </span>
    ) : (
      p.text
    ),
  );
}
