// The passphrase a USB bundle is sealed with (bundle-envelope): the rule both ends check, and the
// hint the export form shows while it is typed. It is passed on by phone or in person, never on
// the same stick, so it is words a person can read out — long rather than cryptic.

/** The shortest passphrase a bundle is sealed with. */
export const MIN_PASSPHRASE = 10;

const chars = (p: string) => [...p.normalize('NFC')].length;

/** Why `passphrase` cannot seal a bundle (zh-CN), or null. */
export function passphraseProblem(passphrase: string): string | null {
  if (!passphrase.trim()) return '请设置交换包口令';
  if (chars(passphrase) < MIN_PASSPHRASE) return `交换包口令至少 ${MIN_PASSPHRASE} 个字符（现有 ${chars(passphrase)} 个）`;
  return null;
}

export type PassphraseStrength = 'weak' | 'fair' | 'strong';

/**
 * A rough hint, not a guarantee: length counts most (a Chinese character about as much as two
 * letters), then the kinds of characters; one character repeated, or a run like 1234567890, is weak.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const p = [...passphrase.normalize('NFC')];
  if (new Set(p).size <= 3) return 'weak';
  const codes = p.map((c) => c.codePointAt(0)!);
  if (codes.every((c, i) => i === 0 || Math.abs(c - codes[i - 1]!) === 1)) return 'weak';
  const cjk = p.filter((c) => /\p{Script=Han}/u.test(c)).length;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9\p{Script=Han}\s]/u, /\p{Script=Han}/u].filter((r) => r.test(passphrase)).length;
  const score = p.length + cjk + classes * 2;
  if (p.length < MIN_PASSPHRASE || score < 16) return 'weak';
  return score >= 22 ? 'strong' : 'fair';
}

export const STRENGTH_LABEL: Record<PassphraseStrength, string> = { weak: '弱', fair: '中', strong: '强' };
