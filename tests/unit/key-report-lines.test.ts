// keyReportLines (sync/keys-report-text.ts): the one wording for what the central system was told
// about the reviewer's keys — the app's login form and sync run (short ids) and `fashen login`
// (whole ids) — and which lines are problems.
import { describe, expect, it } from 'vitest';
import { keyReportLines } from '../../src/main/services/sync/keys-report-text';

const A = '0123456789abcdef0123456789abcdef';
const B = 'fedcba9876543210fedcba9876543210';
const C = 'aaaaaaaabbbbbbbbccccccccdddddddd';
const D = '11111111222222223333333344444444';
const report = {
  enrolled: [A],
  revoked: [B],
  refused: [
    { keyId: C, action: 'enrol' as const, reason: '该密钥已由另一位审核人员登记' },
    { keyId: D, action: 'revoke' as const, reason: '只能吊销登记在您名下的签名密钥' },
  ],
};

describe('keyReportLines', () => {
  it('app: short ids, in the order registered · revoked · refused; only the refusals are problems, each saying what was refused', () => {
    expect(keyReportLines({ report }, 'app')).toEqual([
      { problem: false, text: '签名密钥 01234567… 已登记到中心系统，此后的签名使用中心签发的证书' },
      { problem: false, text: '已告知中心系统：签名密钥 fedcba98… 已吊销' },
      { problem: true, text: '签名密钥 aaaaaaaa… 未能登记到中心系统：该密钥已由另一位审核人员登记' },
      { problem: true, text: '签名密钥 11111111… 的吊销未能告知中心系统：只能吊销登记在您名下的签名密钥' },
    ]);
  });

  it('cli: whole ids to copy into `fashen keys`, and the registration sentence of `fashen login`', () => {
    expect(keyReportLines({ report, error: null }, 'cli').map((l) => l.text)).toEqual([
      `已将签名密钥 ${A} 登记到中心系统：此后的签名使用中心签发的证书`,
      `已告知中心系统：签名密钥 ${B} 已吊销`,
      `签名密钥 ${C} 未能登记到中心系统：该密钥已由另一位审核人员登记`,
      `签名密钥 ${D} 的吊销未能告知中心系统：只能吊销登记在您名下的签名密钥`,
    ]);
  });

  it('an unreachable central system is one problem line, the same in both', () => {
    for (const style of ['app', 'cli'] as const) {
      expect(keyReportLines({ report: null, error: '中心系统暂时无法连接' }, style)).toEqual([{ problem: true, text: '签名密钥未能登记到中心系统（中心系统暂时无法连接）：下次同步时重试' }]);
    }
  });

  it('says nothing when there was nothing to report, or no central system to tell', () => {
    expect(keyReportLines({ report: { enrolled: [], revoked: [], refused: [] } }, 'app')).toEqual([]);
    expect(keyReportLines({ report: null, error: null }, 'cli')).toEqual([]);
    expect(keyReportLines({ report: null, error: '' }, 'app')).toEqual([]);
  });
});
