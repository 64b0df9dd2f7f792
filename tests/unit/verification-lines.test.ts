// The verification report's lines (app and `fashen verify`): the timestamp state and the certificate
// source each on a labelled line of their own, never folded into the verdict.
import { describe, expect, it } from 'vitest';
import type { VerificationView } from '../../src/shared/api/opinions';
import { verificationLines } from '../../src/shared/opinion/verification-lines';

const base: VerificationView = {
  valid: true,
  reason: '签名有效',
  kind: 'submission',
  signer: '王审核（测试市市场监督管理局）',
  chain: ['CN=王审核', 'CN=某市市场监督管理局 CA'],
  signingTime: '2026-11-23T02:05:00.000Z',
  timestamp: { state: 'none' },
  certificate: { kind: 'ca', root: 'CN=某市市场监督管理局 CA', trusted: true },
  devCa: false,
  caseNumber: '马市监处罚〔2026〕12号',
  caseId: 'c-1',
  round: 2,
  notes: [],
};

const line = (v: VerificationView, key: string) => verificationLines(v).find((l) => l.key === key)!;

describe('verificationLines', () => {
  it('one line per fact, in a fixed order; signing time in China time from the signer clock', () => {
    expect(verificationLines(base).map((l) => `${l.label}：${l.text}`)).toEqual([
      '签名人：王审核（测试市市场监督管理局）',
      '证书来源：机构 CA：CN=某市市场监督管理局 CA',
      '证书链：CN=王审核 → CN=某市市场监督管理局 CA',
      '签署时间：2026-11-23 10:05（北京时间，签名人本机时钟）',
      '时间戳：未加盖：签署时间未经可信时间戳证明',
      '案号：马市监处罚〔2026〕12号',
      '审核轮次：第2轮',
    ]);
    // A PDF carries no case or round.
    expect(verificationLines({ ...base, kind: 'pdf' }).map((l) => l.key)).toEqual(['signer', 'certificate', 'chain', 'signingTime', 'timestamp']);
  });

  it('a signature that fails names its signer, but the certificate is “not relied on”, not “none”', () => {
    const tampered = { ...base, valid: false, reason: '文档内容与签名不符', certificate: { kind: 'none' as const, root: null, trusted: false } };
    expect(line(tampered, 'certificate')).toMatchObject({ text: '未核验：签名无效，其中的证书不予采信', tone: 'fail' });
    expect(line({ ...tampered, signer: null }, 'certificate').text).toBe('无证书');
  });

  it('each timestamp state reads differently, with its tone', () => {
    expect(line({ ...base, timestamp: { state: 'trusted', tsa: 'CN=某省时间戳服务', time: '2026-11-23T02:06:00.000Z' } }, 'timestamp')).toMatchObject({
      text: '可信时间戳 2026-11-23 10:06（北京时间） · 时间戳服务：CN=某省时间戳服务',
      tone: 'ok',
    });
    expect(line({ ...base, timestamp: { state: 'pending' } }, 'timestamp')).toMatchObject({ text: '未加盖可信时间戳（签名时间为签名人电脑时间）：尚未发出的提交在联网同步时补加；已发出或经离线交换包送达的不再补加', tone: 'warn' });
    expect(line(base, 'timestamp').tone).toBe('warn');
    expect(line({ ...base, timestamp: { state: 'invalid', reason: '时间戳签名无效' } }, 'timestamp')).toMatchObject({ text: '时间戳无效：时间戳签名无效', tone: 'fail' });
  });

  it('the certificate source: 本机开发 CA plainly, an untrusted CA or no certificate in red', () => {
    expect(line({ ...base, certificate: { kind: 'dev-ca', root: 'CN=Fashen 本地开发 CA（非正式）', trusted: true } }, 'certificate')).toMatchObject({ text: '本机开发 CA（非机构 CA，非正式，仅供演示）', tone: 'warn' });
    expect(line({ ...base, certificate: { kind: 'dev-ca', root: null, trusted: false } }, 'certificate').tone).toBe('fail');
    expect(line({ ...base, certificate: { kind: 'ca', root: 'CN=X', trusted: false } }, 'certificate')).toMatchObject({ text: 'CN=X（不在本机信任的根证书中）', tone: 'fail' });
    expect(line({ ...base, certificate: { kind: 'none', root: null, trusted: false } }, 'certificate')).toMatchObject({ text: '无证书', tone: 'fail' });
  });

  it('notes follow as 注意 lines; missing facts show a dash', () => {
    const v = { ...base, signer: null, chain: [], signingTime: null, caseNumber: null, round: null, notes: ['签名后文件又被追加了内容'] };
    expect(verificationLines(v).map((l) => l.text)).toEqual(['—', '机构 CA：CN=某市市场监督管理局 CA', '—', '—', '未加盖：签署时间未经可信时间戳证明', '—', '—', '签名后文件又被追加了内容']);
  });
  it('a changed file: the timestamp it carries was never examined — 未核验, not 未加盖', () => {
    const tampered: VerificationView = { ...base, kind: 'pdf', valid: false, reason: '文档内容与签名不符（摘要不一致）：签名后文件被修改', certificate: { kind: 'none', root: null, trusted: false }, chain: [] };
    expect(line(tampered, 'timestamp')).toMatchObject({ text: '未核验（文件已被改动）', tone: 'warn' });
    expect(line({ ...tampered, reason: '签名值验证失败' }, 'timestamp').text).toBe('未核验（签名无效）');
    // A valid signature without a timestamp still reads 未加盖.
    expect(line(base, 'timestamp').text).toBe('未加盖：签署时间未经可信时间戳证明');
  });

  it('the central system’s development CA carries the same amber warning as the local one', () => {
    const central = line({ ...base, certificate: { kind: 'ca', root: 'CN=Fashen 中心系统开发 CA（非正式）, O=Fashen 中心系统 开发测试环境（非正式）', trusted: true } }, 'certificate');
    expect(central.tone).toBe('warn');
    expect(central.text).toContain('非机构 CA，非正式');
    expect(line(base, 'certificate')).toMatchObject({ text: '机构 CA：CN=某市市场监督管理局 CA', tone: null });
  });
});
