// fashen verify <file.pdf | submission.json>: the verdict, then one labelled line each for signer,
// certificate source (本机开发 CA …), chain, signing time, timestamp, case and round — the same lines
// the app shows. Exit 0 valid, 1 invalid, 2 unreadable.
import { readFileSync } from 'node:fs';
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

export async function verifyCommand(dataDir: string, args: string[], opts: { json: boolean }, io: Io): Promise<number> {
  if (args.length !== 1) return io.err('用法：fashen verify <文件.pdf | submission.json> [--json]\n'), 2;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(args[0]!));
  } catch (err) {
    return io.err(`无法读取文件：${(err as Error).message}\n`), 2;
  }
  const v = await verifyBytes(bytes, new ReviewerKeys(dataDir));
  io.out(opts.json ? `${JSON.stringify(v, null, 2)}\n` : verificationText(v));
  return v.valid ? 0 : 1;
}
