// A PDF's text comes line by line; Chinese wraps anywhere, with no space at the break. Joining the
// lines where both sides are Chinese lets a phrase that wraps (“…标识，\n上述食品…”) be found.
// Elsewhere the break stays (it separates Latin words and numbers). Whitespace is ignored when
// counting a hit's occurrence (fold.ts), so the viewer still finds the same match.
const WIDE = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef`;
const BREAK_BETWEEN_WIDE = new RegExp(`([${WIDE}])[ \\t]*\\r?\\n[ \\t]*(?=[${WIDE}])`, 'gu');

export function joinCjkLines(text: string): string {
  return text.replace(BREAK_BETWEEN_WIDE, '$1');
}
