// Line breaking on the GB/T 9704 character grid, with the basic 禁则 (line-breaking rules of
// Chinese typesetting):
//  - ，。、；：！？ never start a line: when one would, it hangs in the right margin (as Word's
//    "允许标点溢出边界", on by default for Chinese) and every character stays on its grid cell;
//  - other closing marks （）》」』”’〕】 …) never start a line either: the character before them
//    moves down with them and the shortened line is justified;
//  - opening marks （《「『“‘〔【) never end a line: they move down to the next line;
//  - Latin words and numbers ("91340500MA2N3K7X1Q", "12.80") are not broken unless longer
//    than a line; "——" and "……" stay together.

/** Hanging punctuation: may stand in the right margin after the 28th cell. */
const HANG = new Set(Array.from('，。、；：！？,.;:!?'));
/** Closing marks that must not start a line (besides HANG). */
const NO_START = new Set(Array.from('）》」』”’〕】〉％%)]}…—·'));
/** Opening marks that must not end a line. */
const NO_END = new Set(Array.from('（《「『“‘〔【〈([{'));
const LATIN = /[A-Za-z0-9.\-_/%@×+#°¥￥,']/;

export interface SetLine {
  /** All characters of the line, including a hanging mark. */
  text: string;
  /** Whether the last character hangs in the margin (not counted in natural/glyphs). */
  hung: boolean;
  /** Sum of the glyphs' advances (no tracking), without the hanging mark, in points. */
  natural: number;
  /** Number of characters, without the hanging mark. */
  glyphs: number;
  /** Whether the paragraph continues on the next line (the line is justified). */
  full: boolean;
}

export interface BreakOptions {
  /** Available width of each line, in points. */
  width: number;
  /** Available width of the first line (after a first-line indent). */
  firstWidth?: number;
  /** Width of a string at the font size, without tracking, in points. */
  advance: (s: string) => number;
  /** Tracking added after every character (the grid: pitch − font size). */
  tracking: number;
}

const first = (s: string): string => Array.from(s)[0] ?? '';
const lastChar = (s: string): string => Array.from(s).pop() ?? '';
const len = (s: string): number => Array.from(s).length;

/** Unbreakable tokens: a Latin/number run, a "——"/"……" pair, or one character. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  let run = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (LATIN.test(ch) && !(ch === ',' && run === '')) {
      run += ch;
      continue;
    }
    if (run) {
      out.push(run);
      run = '';
    }
    if ((ch === '—' || ch === '…') && chars[i + 1] === ch) {
      out.push(ch + ch);
      i++;
      continue;
    }
    out.push(ch);
  }
  if (run) out.push(run);
  return out;
}

export function breakLines(text: string, o: BreakOptions): SetLine[] {
  const tw = (s: string): number => o.advance(s) + o.tracking * len(s);
  const widthOf = (i: number): number => (i === 0 ? (o.firstWidth ?? o.width) : o.width);
  // A Latin run wider than a line is broken into characters.
  const toks = tokenize(text).flatMap((t) => (len(t) > 1 && tw(t) > o.width ? Array.from(t) : [t]));
  const lines: { toks: string[]; hung: boolean }[] = [];
  let cur: string[] = [];
  let curW = 0;
  const finish = (hung: boolean): void => {
    while (cur.length > 1 && !cur[cur.length - 1]!.trim()) cur.pop();
    lines.push({ toks: cur, hung });
    cur = [];
    curW = 0;
  };
  const eps = 0.01;
  const closing = (t: string | undefined): boolean => t !== undefined && (HANG.has(first(t)) || NO_START.has(first(t)));
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k]!;
    const w = tw(tok);
    const avail = widthOf(lines.length);
    if (cur.length === 0 && lines.length > 0 && !tok.trim()) continue; // no space at a line start
    if (curW + w <= avail + eps || cur.length === 0) {
      cur.push(tok);
      curW += w;
      continue;
    }
    if (!tok.trim()) {
      finish(false); // a space at the break disappears
      continue;
    }
    // Only one mark may hang: "。」" at the margin moves down with the character before it.
    if (HANG.has(tok) && !closing(toks[k + 1])) {
      cur.push(tok);
      finish(true);
      continue;
    }
    const carry: string[] = [tok];
    if (closing(tok)) {
      // Move the character before the closing mark (and any closing marks before it) down too.
      while (cur.length > 1 && closing(cur[cur.length - 1])) carry.unshift(cur.pop()!);
      if (cur.length > 1) carry.unshift(cur.pop()!);
    }
    while (cur.length > 1 && NO_END.has(lastChar(cur[cur.length - 1]!))) carry.unshift(cur.pop()!);
    finish(false);
    cur = carry;
    curW = carry.reduce((s, t) => s + tw(t), 0);
  }
  if (cur.length || lines.length === 0) finish(false);
  return lines.map((l, i) => {
    const body = l.hung ? l.toks.slice(0, -1).join('') : l.toks.join('');
    return { text: l.toks.join(''), hung: l.hung, natural: o.advance(body), glyphs: len(body), full: i < lines.length - 1 };
  });
}

/** The most a justified line may open up its characters beyond the grid, in ems. */
export const MAX_JUSTIFY_STRETCH_EM = 0.2;

/**
 * The tracking that lays a line out: full lines are justified to the available width (pure
 * ideograph lines come out exactly on the grid), a paragraph's last line keeps the grid.
 * The 禁则 moves at most a few characters down, which justification absorbs unseen; a long Latin
 * run moved down whole (a hash, a code) leaves a gap that would spread the line letter by letter
 * ("审 核 所 据 案 卷 ：…"): such a line keeps the grid and stays ragged instead.
 */
export function lineTracking(line: SetLine, avail: number, grid: number, size: number): number {
  if (!line.full || line.glyphs === 0) return grid;
  const t = (avail - line.natural) / line.glyphs;
  return t - grid > size * MAX_JUSTIFY_STRETCH_EM ? grid : t;
}
