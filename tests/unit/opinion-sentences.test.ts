// The opinion's sentences end with 。 — a finding ending in a parenthesis (句内括号) included, whatever its severity.
import { describe, expect, it } from 'vitest';
import { findingText } from '../../src/main/services/opinion/sections';

type F = Parameters<typeof findingText>[0];
const finding = (severity: 'warn' | 'fail', message: string, overruled: string | null = null): F => ({ check: 'P1.test', severity, message, overruled });

describe('findingText', () => {
  it('需注意 and 不符合 findings end the same way, with 。 after a closing parenthesis', () => {
    expect(findingText(finding('warn', '执法证已于 2026-10-19 到期（文书未载明执法人员，按案件承办人员核对）'))).toBe('系统自动检查（需注意）：执法证已于2026年10月19日到期（文书未载明执法人员，按案件承办人员核对）。');
    expect(findingText(finding('fail', '拟作出决定日期超过办案期限（期限至 2026-11-04，超期 23 日）'))).toBe('系统自动检查（不符合）：拟作出决定日期超过办案期限（期限至2026年11月4日，超期23日）。');
    expect(findingText(finding('warn', '案卷缺少听证报告'))).toBe('系统自动检查（需注意）：案卷缺少听证报告。');
  });

  it('adds nothing after a sentence that already ends, inside its brackets or quotes too', () => {
    expect(findingText(finding('warn', '案卷缺少听证报告。'))).toBe('系统自动检查（需注意）：案卷缺少听证报告。');
    expect(findingText(finding('warn', '（以违法行为发生地为准。）'))).toBe('系统自动检查（需注意）：（以违法行为发生地为准。）');
    expect(findingText(finding('fail', '罚款高于法定最高限', '经核实已补正'))).toBe('系统自动检查（不符合）：罚款高于法定最高限。（审核人员未采纳：经核实已补正）');
  });
});
