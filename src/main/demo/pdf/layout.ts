// Line breaking for Chinese text: break between any two CJK characters, keep Latin words and
// numbers whole, and follow the basic 禁则 (no closing punctuation at a line start, no opening
// punctuation at a line end).

/** Characters that must not start a line. */
const NO_START = new Set(Array.from('，。、；：？！）》」』”’〕】％%.,;:!?)]}…—·'));
/** Characters that must not end a line. */
const NO_END = new Set(Array.from('（《「『“‘〔【([{'));

const LATIN = /[A-Za-z0-9.\-_/:%@×+#°Ω¥￥,']/;

export type Measure = (text: string) => number;

/** Split into unbreakable tokens: a Latin/number run or one other character. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let run = '';
  for (const ch of text) {
    if (LATIN.test(ch) && !(ch === ',' && run === '')) {
      run += ch;
      continue;
    }
    if (run) {
      out.push(run);
      run = '';
    }
    out.push(ch);
  }
  if (run) out.push(run);
  return out;
}

/**
 * Wrap one paragraph (no newlines) into lines that fit `width`. `firstWidth` is the width
 * available on the first line (e.g. after an indent or a "问：" prefix).
 */
export function wrapParagraph(text: string, width: number, measure: Measure, firstWidth = width): string[] {
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  const avail = (): number => (lines.length === 0 ? firstWidth : width);
  for (const tok of tokens(text)) {
    const w = measure(tok);
    if (lineW + w <= avail() + 0.01) {
      line += tok;
      lineW += w;
      continue;
    }
    const first = Array.from(tok)[0] ?? '';
    // Closing punctuation hangs on the current line rather than starting the next one.
    if (tok.length === 1 && NO_START.has(first) && line) {
      line += tok;
      lineW += w;
      continue;
    }
    if (w > avail() && tok.length > 1) {
      // A Latin run longer than a line: break it by characters.
      for (const ch of tok) {
        const cw = measure(ch);
        if (lineW + cw > avail() + 0.01 && line) {
          lines.push(line);
          line = '';
          lineW = 0;
        }
        line += ch;
        lineW += cw;
      }
      continue;
    }
    // Do not leave an opening bracket at the end of the line.
    let carry = '';
    const chars = Array.from(line);
    while (chars.length > 1 && NO_END.has(chars[chars.length - 1]!)) carry = chars.pop()! + carry;
    if (line) lines.push(chars.join(''));
    line = carry + tok;
    lineW = measure(line);
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Wrap text that may contain newlines (each newline starts a new paragraph line). */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  return text.split('\n').flatMap((p) => wrapParagraph(p, width, measure));
}
