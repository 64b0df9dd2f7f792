// Small text helpers shared by scenarios and templates.
import type { LegalCitation } from '../../shared/casefile/schema';
import { addDays, formatDateCn } from '../../shared/format/date';
import { formatRmbUppercase, formatYuanText } from '../../shared/format/money';

/** 2026年9月3日 */
export const cnDate = formatDateCn;

/** 12,345.67元 */
export const yuan = formatYuanText;

/** 人民币叁万伍仟元整 */
export const rmbUpper = formatRmbUppercase;

/** Whole yuan → fen. */
export function fenOf(yuanAmount: number): number {
  return Math.round(yuanAmount * 100);
}

/** 《中华人民共和国食品安全法》第一百二十四条第一款第（五）项 */
export function cite(c: LegalCitation): string {
  return `《${c.law}》${c.article}${c.clause ?? ''}`;
}

/** Several citations of the same or different laws, joined the way decisions write them. */
export function citeAll(cs: readonly LegalCitation[]): string {
  const parts: string[] = [];
  let lastLaw = '';
  for (const c of cs) {
    parts.push(c.law === lastLaw ? `${c.article}${c.clause ?? ''}` : cite(c));
    lastLaw = c.law;
  }
  return parts.join('、');
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一 … 99 → 九十九 (for 第X次, 第X项). */
export function cnNum(n: number): string {
  if (n <= 10) return CN[n]!;
  if (n < 20) return `十${CN[n - 10]}`;
  const t = Math.floor(n / 10);
  const o = n % 10;
  return `${CN[t]}十${o ? CN[o] : ''}`;
}

/** "9时30分" from minutes since midnight. */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h}时${String(m).padStart(2, '0')}分` : `${h}时`;
}

/** 2026年9月3日9时30分至10时45分 */
export function timeSpan(date: string, startMin: number, endMin: number): string {
  return `${cnDate(date)}${clock(startMin)}至${clock(endMin)}`;
}

/** "2025.08.01" style printed on packaging. */
export function dotDate(iso: string): string {
  return iso.replace(/-/g, '.');
}

export function age(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The date `months` months before `iso` (approximate, 30-day months). */
export function monthsBefore(iso: string, months: number): string {
  return addDays(iso, -Math.round(months * 30.4));
}

/** Same day n months later (clamped to the month end). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 2026年9月 */
export function cnMonth(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月`;
}

export function sexCn(male: boolean): string {
  return male ? '男' : '女';
}
