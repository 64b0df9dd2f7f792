// What the handling unit changed in a long field (案件事实, 裁量理由…) between two rounds, word by
// word: a sentence added to a paragraph shows as that sentence, not the whole paragraph struck and
// written again. jsdiff (the `diff` package) does the diff; words are cut by Intl.Segmenter, which
// knows Chinese words (ICU's dictionary), so 罚款 changing to 没收 is one word, not two characters.
import { diffWords } from 'diff';

export interface DiffPart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

export function textDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after, { intlSegmenter: segmenter }).map((c) => ({ text: c.value, kind: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
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
