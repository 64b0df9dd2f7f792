// What the handling unit changed in a long field (案件事实, 裁量理由…) between two rounds, sentence
// by sentence and then word by word: a sentence added to a paragraph shows as that sentence, not
// the whole paragraph struck and written again, and a changed date as that date. jsdiff (the `diff` package) does the diff; words are cut by Intl.Segmenter, which
// knows Chinese words (ICU's dictionary), so 罚款 changing to 没收 is one word, not two characters.
import { diffArrays, diffChars, diffWords } from 'diff';

export interface DiffPart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

function words(before: string, after: string): DiffPart[] {
  return diffWords(before, after, { intlSegmenter: segmenter }).map((c) => ({ text: c.value, kind: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

/** Sentences with their closing mark (。；！？ or a line break). */
function sentences(s: string): string[] {
  return s.match(/[^。；！？\n]+[。；！？\n]*|[。；！？\n]+/gu) ?? [];
}

/** How much of the shorter sentence the other keeps (characters in common, in order). */
function likeness(a: string, b: string): number {
  const kept = diffChars(a, b).reduce((n, c) => n + (c.added || c.removed ? 0 : c.value.length), 0);
  return kept / Math.max(1, Math.min(a.length, b.length));
}

/**
 * A run of sentences removed and one added in their place: each removed sentence is paired with
 * the next added one it mostly keeps (then diffed word by word); the rest were added or removed whole.
 */
function pairRun(removed: readonly string[], added: readonly string[]): DiffPart[] {
  const parts: DiffPart[] = [];
  let j = 0;
  for (const r of removed) {
    let best = -1;
    for (let k = j; k < added.length; k++) if (likeness(r, added[k]!) >= 0.6 && (best < 0 || likeness(r, added[k]!) > likeness(r, added[best]!))) best = k;
    if (best < 0) {
      parts.push({ text: r, kind: 'removed' });
      continue;
    }
    if (best > j) parts.push({ text: added.slice(j, best).join(''), kind: 'added' });
    parts.push(...words(r, added[best]!));
    j = best + 1;
  }
  if (j < added.length) parts.push({ text: added.slice(j).join(''), kind: 'added' });
  return parts;
}

/**
 * Sentence by sentence, then word by word within the sentences that changed: a word diff of the
 * whole field pairs a changed date with the same year in an inserted sentence and hides it.
 */
function bySentence(before: string, after: string): DiffPart[] {
  const chunks = diffArrays(sentences(before), sentences(after));
  const parts: DiffPart[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    const next = chunks[i + 1];
    if ((c.removed && next?.added) || (c.added && next?.removed)) {
      const [gone, come] = c.removed ? [c, next] : [next, c];
      parts.push(...pairRun(gone.value, come.value));
      i++;
    } else parts.push({ text: c.value.join(''), kind: c.added ? 'added' : c.removed ? 'removed' : 'same' });
  }
  return parts;
}

export function textDiff(before: string, after: string): DiffPart[] {
  const parts = bySentence(before, after);
  // Neighbours of one kind read as one run.
  return parts.reduce<DiffPart[]>((out, p) => {
    const last = out.at(-1);
    if (last && last.kind === p.kind) last.text += p.text;
    else if (p.text) out.push({ ...p });
    return out;
  }, []);
}

/**
 * Whether a change reads better inline than as 原/现: both sides are prose (not a short value such
 * as an amount or a date) and most of the text stayed.
 */
export function readsInline(before: string, after: string, parts: readonly DiffPart[] = textDiff(before, after)): boolean {
  if ([...before].length < 20 || [...after].length < 20) return false;
  const same = parts.filter((p) => p.kind === 'same').reduce((n, p) => n + [...p.text].length, 0);
  return same >= 0.5 * Math.min([...before].length, [...after].length);
}
