// What the reviewer is told after the keys were reported to the central system (keys-report.ts):
// one wording for the app's login form, the sync run and `fashen login`. The app shows short key
// ids as its screens do; the CLI prints the whole id (to copy into `fashen keys revoke`) and keeps
// the sentence `fashen login` has always printed for a registration.
import type { KeyReport } from './keys-report';

export interface KeyReportLine {
  /** Must be acted on or waited out: the CLI prints it to stderr, a sync run ends 出错. */
  problem: boolean;
  text: string;
}

export type KeyReportStyle = 'app' | 'cli';

/**
 * The lines for a contact with the central system, in this order: why it could not be reached
 * (`error`; then there is no report), keys registered, revocations told, keys refused.
 */
export function keyReportLines(contact: { report: KeyReport | null; error?: string | null }, style: KeyReportStyle): KeyReportLine[] {
  const id = (keyId: string) => (style === 'cli' ? keyId : `${keyId.slice(0, 8)}…`);
  const lines: KeyReportLine[] = [];
  if (contact.error) lines.push({ problem: true, text: `签名密钥未能登记到中心系统（${contact.error}）：下次同步时重试` });
  const report = contact.report;
  for (const k of report?.enrolled ?? []) {
    const text = style === 'cli' ? `已将签名密钥 ${id(k)} 登记到中心系统：此后的签名使用中心签发的证书` : `签名密钥 ${id(k)} 已登记到中心系统，此后的签名使用中心签发的证书`;
    lines.push({ problem: false, text });
  }
  for (const k of report?.revoked ?? []) lines.push({ problem: false, text: `已告知中心系统：签名密钥 ${id(k)} 已吊销` });
  for (const r of report?.refused ?? [])
    lines.push({ problem: true, text: r.action === 'revoke' ? `签名密钥 ${id(r.keyId)} 的吊销未能告知中心系统：${r.reason}` : `签名密钥 ${id(r.keyId)} 未能登记到中心系统：${r.reason}` });
  return lines;
}
