// Check characters of Chinese identifiers:
// - 统一社会信用代码 (GB 32100-2015): 18 chars, the 9-char 组织机构代码 inside it carries its own
//   GB 11714-1997 check char, and the 18th char is a mod-31 check.
// - 公民身份号码 (GB 11643-1999): 18 chars, ISO 7064 MOD 11-2 check digit (0-9 or X).
import type { Rng } from './rng';

/** Characters allowed in a 统一社会信用代码 (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('统一社会信用代码本体应为17位');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new RangeError(`统一社会信用代码含非法字符：${first17[i]}`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[c]!;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 组织机构代码 check char for an 8-char body (digits and capital letters). */
export function orgCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError('组织机构代码本体应为8位');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!;
    const v = /[0-9]/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17];
}

/**
 * A 统一社会信用代码: registration authority + kind (e.g. '91' enterprise, '92' 个体工商户,
 * '11' 机关), 6-digit region, 9-char org code (with GB 11714 check), GB 32100 check.
 * New-style org codes start with "MA"; older ones are digits.
 */
export function makeUscc(rng: Rng, prefix: '91' | '92' | '93' | '11' | '12', region: string): string {
  const letters = USCC_CHARSET.slice(10).split('');
  let body: string;
  if (prefix === '91' || prefix === '92' || prefix === '93') {
    body = 'MA' + rng.pick(['2', '8', '5']) + rng.pick(letters);
    for (let i = 0; i < 4; i++) body += rng.chance(0.5) ? String(rng.int(0, 9)) : rng.pick(letters);
  } else {
    body = rng.digits(8);
  }
  // The org-code check may be 'X', which is also a valid USCC char.
  const first17 = prefix + region + body + orgCodeCheckChar(body);
  return first17 + usccCheckChar(first17);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号本体应为17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export function isValidIdCard(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return false;
  return idCardCheckChar(id.slice(0, 17)) === id[17];
}

/** 身份证号: region (6) + birth date (8) + sequence (3, odd = male) + check. */
export function makeIdCard(rng: Rng, region: string, birthIso: string, male: boolean): string {
  const seq2 = rng.digits(2);
  let last = rng.int(0, 9);
  if (male !== (last % 2 === 1)) last = (last + 1) % 10;
  const first17 = region + birthIso.replace(/-/g, '') + seq2 + String(last);
  return first17 + idCardCheckChar(first17);
}
