// fashen verify <file.pdf | submission.json>: the verdict, then one labelled line each for signer,
// certificate source (本机开发 CA …), chain, signing time, timestamp, and for a submission the case and
// round — the same lines the app shows. Exit 0 valid, 1 invalid, 2 missing, unreadable or neither a PDF
// nor a submission.
import { readFileSync, statSync } from 'node:fs';
import type { Io } from '../main';
import { ReviewerKeys } from '../../main/services/opinions/keys';
import { verifyBytes } from '../../main/services/opinions/verify-view';
import type { VerificationView } from '../../shared/api/opinions';
import { verificationLines } from '../../shared/opinion/verification-lines';

/** The human-readable report: the verdict on the first line, then `标签：内容` lines. */
export function verificationText(v: VerificationView): string {
  const lines = [`${v.valid ? 'VALID 有效' : 'INVALID 无效'}：${v.reason}`];
  for (const l of verificationLines(v)) lines.push(`${l.label}：${l.text}${l.key === 'case' && v.caseId ? `（案件编号 ${v.caseId}）` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** A PDF (as verifyBytes tells one) or text that opens a JSON object (a submission, perhaps a damaged one). */
function looksVerifiable(bytes: Uint8Array): boolean {
  if (new TextDecoder().decode(bytes.subarray(0, 8)).startsWith('%PDF-')) return true;
  const text = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return text.startsWith('{');
}

export async function verifyCommand(dataDir: string, args: string[], opts: { json: boolean }, io: Io): Promise<number> {
  if (args.length !== 1) return io.err('用法：fashen verify <文件.pdf | submission.json> [--json]\n'), 2;
  const file = args[0]!;
  let bytes: Uint8Array;
  try {
    if (!statSync(file).isFile()) return io.err(`不是文件：${file}\n`), 2;
    bytes = new Uint8Array(readFileSync(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return io.err(`文件不存在：${file}\n`), 2;
    if (code === 'EACCES' || code === 'EPERM') return io.err(`没有读取权限：${file}\n`), 2;
    return io.err(`无法读取文件：${file}（${(err as Error).message}）\n`), 2;
  }
  // Judged by content, not by name: a PDF starts with %PDF-, a submission is a JSON object.
  if (!looksVerifiable(bytes)) return io.err(`不是 PDF 也不是提交件（JSON）：${file}\n只能验证已签名的意见书 PDF 或签名提交件 JSON（*.submission.json）。\n`), 2;
  const v = await verifyBytes(bytes, new ReviewerKeys(dataDir));
  io.out(opts.json ? `${JSON.stringify(v, null, 2)}\n` : verificationText(v));
  return v.valid ? 0 : 1;
}
