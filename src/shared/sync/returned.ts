// Submissions the central system answered 退回 (rejected) or 已过时 (stale): one wording for the
// sync panel and `fashen sync` — what came back, for which case, why, and what (if anything) to do.
import { REASSIGNED_REASON, SUBMISSION_KIND_LABEL } from './answer-labels';

export interface ReturnedSubmission {
  /** The submission's client id (the opinion id). */
  id: string;
  kind: 'opinion' | 'minutes';
  state: 'rejected' | 'stale';
  caseId: string | null;
  caseNumber: string | null;
  /** The opinion's 文号, from the signed content (null for minutes). */
  documentNumber: string | null;
  /** The central system's reason. */
  reason: string | null;
}

/** The answer says the case is someone else's now (server: REASSIGNED_REASON). */
export const isReassignedReason = (reason: string | null): boolean => !!reason && reason.startsWith(REASSIGNED_REASON.slice(0, 12));

/**
 * What to do about a returned submission, fitted to the reason: a reassigned case needs nothing
 * re-signed (it is another reviewer's now); a bad or revoked signature needs a new signature; a
 * reason that already says what to do is not repeated. Stale answers: see staleAdvice.
 */
export function rejectedAdvice(reason: string | null, kind: ReturnedSubmission['kind'] = 'opinion'): string {
  const kept = '原提交保留在此备查。';
  if (isReassignedReason(reason)) return `本案已由其他审核员负责，无需重新签署；${kept}`;
  if (reason?.includes('另出意见书')) return `无需重新签署；${kept}`;
  // Minutes are re-signed from their meeting (重新签署 there: same locked content, new signatures).
  if (kind === 'minutes') return `请在该会议的“集体讨论记录”中点“重新签署”：记录内容不变，由主持人、记录人重新签名后再次提交；${kept}`;
  if (reason?.includes('证书已吊销')) return `请创建新的签名密钥后重新签署；${kept}`;
  if (reason && /签名|密钥|证书/.test(reason)) return `请核对签名密钥后重新签署；${kept}`;
  if (reason?.includes('重新签署')) return kept;
  return `请核对后重新签署；${kept}`;
}

export const STALE_ADVICE = '案件已有新修订：同步后查看变化，在新一轮审核中重新签署。';

/** 被退回 审核意见书（马市监法审〔2026〕24号） 马市监处罚〔2026〕204号：原因 — 建议 */
export function returnedLine(r: ReturnedSubmission): string {
  const what = `${SUBMISSION_KIND_LABEL[r.kind]}${r.documentNumber ? `（${r.documentNumber}）` : ''}`;
  const kase = r.caseNumber ?? (r.caseId ? `案件 ${r.caseId}` : '未知案件');
  const advice = r.state === 'stale' ? STALE_ADVICE : rejectedAdvice(r.reason, r.kind);
  return `${r.state === 'stale' ? '已过时' : '被退回'}  ${what}  ${kase}：${r.reason ?? '（未说明原因）'}。${advice}`;
}
