import { describe, expect, it } from 'vitest';
import { formatCny, formatRmbUppercase, formatYuan, formatYuanText, parseYuan } from '../../src/shared/format/money';
import { addDays, chinaToday, daysBetween, formatDateCn, formatDateOfficial, parseIsoDate } from '../../src/shared/format/date';

describe('money (integer fen)', () => {
  it('formats fen as yuan with thousands separators', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(1234567)).toBe('12,345.67');
    expect(formatCny(5_000_000)).toBe('¥50,000.00');
    expect(formatCny(-150)).toBe('-¥1.50');
    expect(formatYuanText(5_000_000)).toBe('50,000元');
    expect(formatYuanText(123_45)).toBe('123.45元');
  });

  it('writes 人民币大写 per banking convention', () => {
    expect(formatRmbUppercase(1234567)).toBe('人民币壹万贰仟叁佰肆拾伍元陆角柒分');
    expect(formatRmbUppercase(5_000_000)).toBe('人民币伍万元整');
    expect(formatRmbUppercase(100_000_000)).toBe('人民币壹佰万元整');
    expect(formatRmbUppercase(1_000_100)).toBe('人民币壹万零壹元整');
    expect(formatRmbUppercase(10_050_000)).toBe('人民币壹拾万零伍佰元整');
    expect(formatRmbUppercase(1005)).toBe('人民币壹拾元零伍分');
    expect(formatRmbUppercase(50)).toBe('人民币伍角整');
    expect(formatRmbUppercase(0)).toBe('人民币零元整');
    expect(formatRmbUppercase(30_000_000_000)).toBe('人民币叁亿元整');
    expect(formatRmbUppercase(10_000_001_00)).toBe('人民币壹仟万零壹元整');
  });

  it('rejects fractional or unsafe amounts instead of rounding', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
    expect(() => formatRmbUppercase(-1)).toThrow(RangeError);
    expect(() => formatYuan(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
  });

  it('parses yuan text into fen without floating point', () => {
    expect(parseYuan('12,345.67')).toBe(1234567);
    expect(parseYuan('¥50,000')).toBe(5_000_000);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('19.99元')).toBe(1999);
    expect(() => parseYuan('十元')).toThrow(/无法识别/);
    expect(() => parseYuan('1.234')).toThrow();
  });
});

describe('dates (China time)', () => {
  it('uses China time for today, whatever the machine zone', () => {
    expect(chinaToday(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
    expect(chinaToday(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });

  it('writes dates in both Chinese forms', () => {
    expect(formatDateCn('2026-11-23')).toBe('2026年11月23日');
    expect(formatDateOfficial('2026-11-23')).toBe('二〇二六年十一月二十三日');
    expect(formatDateOfficial('2020-01-10')).toBe('二〇二〇年一月十日');
    expect(formatDateOfficial('2019-10-31')).toBe('二〇一九年十月三十一日');
  });

  it('does date arithmetic on calendar dates', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2026-03-02', '2026-05-31')).toBe(90);
    expect(() => parseIsoDate('2026-02-30')).toThrow(/不存在/);
    expect(() => parseIsoDate('2026/02/01')).toThrow(/格式/);
  });
});
