// Dates are ISO calendar dates (YYYY-MM-DD) in China time (UTC+8, no DST).
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Today's date in China, whatever the machine's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** "14:05" in China time. */
export const chinaTime = (at: Date | string): string => chinaDateTime(at).slice(11);

/** A timestamp as "2026-11-23 14:05" in China time. */
export function chinaDateTime(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function parseIsoDate(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${iso}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new RangeError(`不存在的日期：${iso}`);
  return { y, m: mo, d };
}

/** Add calendar days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const { y, m, d } = parseIsoDate(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const pa = parseIsoDate(a);
  const pb = parseIsoDate(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86400000);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(iso: string): number {
  const { y, m, d } = parseIsoDate(iso);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** "2026年11月23日" */
export function formatDateCn(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${y}年${m}月${d}日`;
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function smallNumberCn(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** Official-document form: "二〇二六年十一月二十三日" */
/** ISO dates inside running text written as prose dates (UI.md: 2026-11-04 in tables, 2026年11月4日 in prose). */
export function proseDates(text: string): string {
  return text.replace(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
}

export function formatDateOfficial(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  const year = String(y)
    .split('')
    .map((c) => CN_DIGITS[Number(c)])
    .join('');
  return `${year}年${smallNumberCn(m)}月${smallNumberCn(d)}日`;
}
