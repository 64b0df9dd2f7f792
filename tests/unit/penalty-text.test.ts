// penaltyText: a description that already states the penalty and its amount is printed as it is
// (no 罚款 110,000元：罚款110,000元…); otherwise type and amount come first.
import { describe, expect, it } from 'vitest';
import { penaltyText } from '../../src/shared/casefile/penalty-text';

describe('penaltyText', () => {
  it('uses a description that states type and amount as it is', () => {
    const fine = { type: 'fine' as const, amountFen: 11_000_000, description: '罚款110,000元（人民币壹拾壹万元整）' };
    expect(penaltyText(fine)).toBe('罚款110,000元（人民币壹拾壹万元整）');
    expect(penaltyText(fine, { uppercase: true })).toBe('罚款110,000元（人民币壹拾壹万元整）');
    expect(penaltyText({ type: 'warning', description: '警告' })).toBe('警告');
    expect(penaltyText({ type: 'confiscate_goods', description: '没收超过保质期的雪饼16袋、纯牛奶12盒' })).toBe('没收超过保质期的雪饼16袋、纯牛奶12盒');
    expect(penaltyText({ type: 'suspend_business', description: '责令停产停业三个月' })).toBe('责令停产停业三个月');
  });

  it('adds the amount in 人民币大写 for official documents when the description lacks it', () => {
    const gains = { type: 'confiscate_gains' as const, amountFen: 600_000, description: '没收违法所得6,000元' };
    expect(penaltyText(gains)).toBe('没收违法所得6,000元');
    expect(penaltyText(gains, { uppercase: true })).toBe('没收违法所得6,000元（人民币陆仟元整）');
    // Fen: with or without the trailing zero, separators and spaces ignored.
    expect(penaltyText({ type: 'confiscate_gains', amountFen: 1030, description: '没收违法所得 10.30 元' })).toBe('没收违法所得 10.30 元');
    expect(penaltyText({ type: 'confiscate_gains', amountFen: 1030, description: '没收违法所得10.3元' }, { uppercase: true })).toBe('没收违法所得10.3元（人民币壹拾元叁角整）');
  });

  it('keeps type and amount in front of a description that does not state them', () => {
    expect(penaltyText({ type: 'fine', amountFen: 5_000_000, description: '罚款5,000元' })).toBe('罚款 50,000元：罚款5,000元');
    // 100,000 inside 1,100,000 is not the amount.
    expect(penaltyText({ type: 'fine', amountFen: 10_000_000, description: '罚款1,100,000元' })).toBe('罚款 100,000元：罚款1,100,000元');
    expect(penaltyText({ type: 'fine', amountFen: 5_000_000, description: '对当事人处以罚款' }, { uppercase: true })).toBe('罚款 50,000元（人民币伍万元整）：对当事人处以罚款');
    expect(penaltyText({ type: 'revoke_license', description: '依法处理' })).toBe('吊销许可证件：依法处理');
  });
});
