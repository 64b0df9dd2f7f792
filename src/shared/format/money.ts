// Money is integer fen (分). Formatting never goes through floating point.

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额必须是整数分：${fen}`);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234567 → "12,345.67" */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const neg = fen < 0;
  const abs = String(Math.abs(fen)).padStart(3, '0');
  const yuan = abs.slice(0, -2);
  const jiao = abs.slice(-2);
  return `${neg ? '-' : ''}${groupThousands(yuan)}.${jiao}`;
}

/** 1234567 → "¥12,345.67" */
export function formatCny(fen: number): string {
  const s = formatYuan(fen);
  return s.startsWith('-') ? `-¥${s.slice(1)}` : `¥${s}`;
}

/** 1234567 → "12,345.67元"; whole yuan drop the decimals: 5000000 → "50,000元" */
export function formatYuanText(fen: number): string {
  const s = formatYuan(fen);
  return `${s.endsWith('.00') ? s.slice(0, -3) : s}元`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** Four-digit group (0–9999) in 大写, with inner zeros collapsed. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      zero = out.length > 0;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + SMALL_UNITS[i]!;
  }
  return out;
}

/** 人民币大写: 1234567 → "人民币壹万贰仟叁佰肆拾伍元陆角柒分"; 5000000 → "人民币伍万元整". */
export function formatRmbUppercase(fen: number): string {
  assertFen(fen);
  if (fen < 0) throw new RangeError('大写金额不能为负数');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  let intPart = '';
  if (yuan === 0) {
    intPart = '';
  } else {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10000)) groups.push(y % 10000);
    let needZero = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i]!;
      if (g === 0) {
        needZero = intPart.length > 0;
        continue;
      }
      if (intPart.length > 0 && (needZero || g < 1000)) intPart += '零';
      needZero = false;
      intPart += group(g) + BIG_UNITS[i];
    }
    intPart += '元';
  }
  let tail = '';
  if (jiao === 0 && f === 0) tail = yuan === 0 ? '零元整' : '整';
  else {
    if (jiao > 0) tail += DIGITS[jiao] + '角';
    else if (yuan > 0) tail += '零';
    if (f > 0) tail += DIGITS[f] + '分';
    else tail += '整';
  }
  return `人民币${intPart}${tail}`;
}

/** Parse "12,345.67" / "12345.6" / "¥50,000" into fen without floating point. */
export function parseYuan(text: string): number {
  const m = /^\s*[¥￥]?\s*(-)?([\d,]+)(?:\.(\d{1,2}))?\s*元?\s*$/.exec(text);
  if (!m) throw new RangeError(`无法识别的金额：${text}`);
  const yuan = m[2]!.replace(/,/g, '');
  const cents = (m[3] ?? '').padEnd(2, '0');
  const fen = Number(yuan) * 100 + Number(cents);
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额过大：${text}`);
  return m[1] ? -fen : fen;
}
