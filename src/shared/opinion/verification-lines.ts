// The lines of a verification result, worded once for the app (VerificationResult) and `fashen verify`:
// signer, certificate source, chain, signing time, timestamp, case and round, notes. The timestamp and
// the certificate source are lines of their own, so "not a trusted time" and "not an agency CA" are
// never buried in the verdict's reason.
import type { CertificateSourceView, TimestampView, VerificationView } from '../api/opinions';
import { chinaDateTime } from '../format/date';

export type LineTone = 'ok' | 'warn' | 'fail';

export interface VerificationLine {
  key: 'signer' | 'signers' | 'certificate' | 'chain' | 'signingTime' | 'timestamp' | 'case' | 'round' | 'note';
  label: string;
  text: string;
  tone: LineTone | null;
  /** The chain, leaf first, for a list. */
  items?: string[];
}

const when = (iso: string) => `${chinaDateTime(iso)}（北京时间）`;

/**
 * `unchecked`: the signature itself failed (the file was changed after signing, or the signature does
 * not match), so whatever timestamp the file carries was never examined — not "未加盖".
 */
export function timestampLine(t: TimestampView, unchecked: string | null = null): { text: string; tone: LineTone } {
  if (unchecked && t.state === 'none') return { text: `未核验（${unchecked}）`, tone: 'warn' };
  switch (t.state) {
    case 'trusted':
      return { text: `可信时间戳 ${when(t.time)} · 时间戳服务：${t.tsa}`, tone: 'ok' };
    case 'pending':
      // Only an entry that never left is stamped later (the server never sees two bodies under one id):
      // one already sent, or carried by an offline bundle, keeps the signer's clock for good.
      return { text: '未加盖可信时间戳（签名时间为签名人电脑时间）：尚未发出的提交在联网同步时补加；已发出或经离线交换包送达的不再补加', tone: 'warn' };
    case 'none':
      return { text: '未加盖：签署时间未经可信时间戳证明', tone: 'warn' };
    case 'invalid':
      return { text: `时间戳无效：${t.reason}`, tone: 'fail' };
  }
}

export function certificateLine(c: CertificateSourceView, signerNamed = false): { text: string; tone: LineTone | null } {
  if (c.kind === 'dev-ca') return c.trusted ? { text: '本机开发 CA（非机构 CA，非正式，仅供演示）', tone: 'warn' } : { text: '开发 CA（非机构 CA），且不是本机信任的开发 CA', tone: 'fail' };
  // A signature that does not verify names a signer whose certificate is then not relied on: not "none".
  if (c.kind === 'none') return { text: signerNamed ? '未核验：签名无效，其中的证书不予采信' : '无证书', tone: 'fail' };
  if (!c.trusted) return { text: `${c.root ?? '未知 CA'}（不在本机信任的根证书中）`, tone: 'fail' };
  // A central system's development CA calls itself 非正式: trusted here, but no agency CA — the same
  // amber warning as the local development CA.
  if (c.root && INFORMAL.test(c.root)) return { text: `中心系统开发 CA：${c.root}（非机构 CA，非正式，仅供测试）`, tone: 'warn' };
  return { text: `机构 CA：${c.root ?? '—'}`, tone: null };
}

const INFORMAL = /非正式/;

/** Why the timestamp was not examined: the signature failed before it (null when it was examined). */
function uncheckedBecause(v: VerificationView): string | null {
  if (v.valid || v.certificate.kind !== 'none') return null;
  if (!v.signer) return '签名无效';
  return /修改|改动|摘要不一致|不符/.test(v.reason) ? '文件已被改动' : '签名无效';
}

export function verificationLines(v: VerificationView): VerificationLine[] {
  // Several signers (minutes: 主持人, then 记录人): one line naming each with its verdict; the lines
  // after it (certificate, chain, times) are of the last signer — the submitter, or the PDF's first.
  const signers = v.signers?.map((s) => `${s.role} ${s.name}：${s.reason}${s.signedAt ? `（${chinaDateTime(s.signedAt)}）` : ''}`);
  const out: VerificationLine[] = [
    ...(signers ? [{ key: 'signers' as const, label: '签署人', text: signers.join('；'), tone: v.signers!.every((s) => s.valid) ? null : ('fail' as const), items: signers }] : []),
    { key: 'signer', label: v.signers && v.kind === 'submission' ? '提交签名人' : '签名人', text: v.signer ?? '—', tone: null },
    { key: 'certificate', label: '证书来源', ...certificateLine(v.certificate, Boolean(v.signer) && !v.valid) },
    { key: 'chain', label: '证书链', text: v.chain.join(' → ') || '—', tone: null, items: v.chain },
    { key: 'signingTime', label: '签署时间', text: v.signingTime ? `${chinaDateTime(v.signingTime)}（北京时间，签名人本机时钟）` : '—', tone: null },
    { key: 'timestamp', label: '时间戳', ...timestampLine(v.timestamp, uncheckedBecause(v)) },
  ];
  if (v.kind === 'submission') {
    out.push({ key: 'case', label: '案号', text: v.caseNumber ?? '—', tone: null });
    out.push({ key: 'round', label: '审核轮次', text: v.round ? `第${v.round}轮` : '—', tone: null });
  }
  for (const n of v.notes) out.push({ key: 'note', label: '注意', text: n, tone: 'warn' });
  return out;
}
