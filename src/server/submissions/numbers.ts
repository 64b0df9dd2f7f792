// The 文号 rule for opinions about to be accepted (src/server/README.md, 文号): one number, one
// opinion — every version is its own opinion with its own number; a reviewer who reserves numbers
// signs only with those; a workstation that never reserved (numbered locally) is still accepted
// unless its number is taken or lies in a block another reviewer holds.
import type { Caller } from '../auth/guard';
import { DocumentNumbersRepo, parseDocumentNumber } from '../db/repos/document-numbers';
import type { OpinionContent } from '../../shared/opinion/content';
import { formatTime } from '../../main/services/signing/cert-check';

export type NumberCheck = { ok: true } | { ok: false; reason: string };

export const duplicateReason = (documentNumber: string, at: Date) =>
  `文号 ${documentNumber} 已被另一份意见书使用（${formatTime(at)} 接收），同一文号不能用于两份意见书：请撤回结论后重新签署，以取得新的文号`;

export async function checkDocumentNumber(repo: DocumentNumbersRepo, caller: Caller, clientId: string, content: OpinionContent): Promise<NumberCheck> {
  const { code } = content.agency;
  const number = content.documentNumber;
  const other = await repo.usedByOther(code, number, clientId);
  if (other) return { ok: false, reason: duplicateReason(number, other.acceptedAt) };
  const parsed = parseDocumentNumber(number);
  const holder = parsed ? await repo.blockHolder(code, parsed.year, parsed.number, caller.id) : null;
  if (holder === 'own') return { ok: true };
  // Signed before the reviewer's first reservation (its own clock; an unreadable time counts as now):
  // numbered the old way, on that workstation's own counter.
  const signedAt = new Date(content.signedAt);
  const reserved = await repo.reservedBefore(caller.id, Number.isNaN(signedAt.getTime()) ? new Date() : signedAt);
  if (reserved) return { ok: false, reason: `文号 ${number} 不在您从中心系统领取的文号段内：请联网同步以领取文号后重新签署` };
  if (holder === 'other') return { ok: false, reason: `文号 ${number} 已预留给另一审核人员，不能使用：请联网同步以领取文号后重新签署` };
  return { ok: true };
}
