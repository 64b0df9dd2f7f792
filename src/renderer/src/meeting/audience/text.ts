// Text shaping for the audience screen (pure, unit-tested): reflowing PDF lines into paragraphs
// for large type, and not saying the same discretion factor twice.

/** Printed width of a line: CJK characters and full-width punctuation are square, the rest about half. */
const width = (line: string) => [...line].reduce((w, c) => w + (/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.55), 0);

/**
 * Joins the lines a PDF wrapped at its right margin (they fill the width and do not end a sentence),
 * so a passage reflows in large type; short lines, and lines that start a labelled field (问：, 身份
 * 证号：…), keep their breaks.
 */
export function reflow(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const widest = Math.max(...lines.map(width));
  return lines.reduce((out, line, i) => {
    if (i === 0) return line;
    const prev = lines[i - 1]!;
    const wrapped = width(prev) >= widest * 0.85 && !/[。！？：:；]$/.test(prev) && !/^(?:问|答|[\u4e00-\u9fff]{2,8})[：:]/.test(line);
    return `${out}${wrapped ? '' : '\n'}${line}`;
  }, '');
}

/**
 * The case's stated reason usually restates every factor and adds the range it applied. With the
 * range drawn, the factors alone are shown; without it, the reason alone (it carries the range).
 */
export function distinctFactors(factors: string[], drawable: boolean): string[] {
  const restates = (f: string, i: number) => factors.length > 2 && factors.every((g, j) => j === i || f.includes(g));
  const reason = factors.findIndex(restates);
  if (reason < 0) return factors;
  return drawable ? factors.filter((_, i) => i !== reason) : [factors[reason]!];
}
