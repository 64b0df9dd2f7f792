// Submissions (signed opinions, meeting minutes) with client-generated ids: accepted once; a repeat
// gets the first answer; a bad signature is rejected with its reason; a submission for a case
// revision that has since moved on is answered `stale` with the current revision.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical';
import { REASSIGNED_REASON } from '../../shared/sync/answer-labels';
import { OpinionContent } from '../../shared/opinion/content';
import { describeIssues } from '../../shared/api/result';
import type { Caller } from '../auth/guard';
import type { ServerDb } from '../db/open';
import { CasesRepo } from '../db/repos/cases';
import { CertificatesRepo } from '../db/repos/certificates';
import { FeedRepo } from '../db/repos/feed';
import { describeAccepted, SubmissionsRepo, type NewSubmission, type SubmissionRow } from '../db/repos/submissions';
import { DocumentNumbersRepo } from '../db/repos/document-numbers';
import { checkDocumentNumber, duplicateReason } from './numbers';
import { conflict, notFound } from '../http/errors';
import type { SubmissionAnswer, SubmissionRequest } from '../protocol';
import type { SubmissionVerifier } from './verifier';
import { formatTime } from '../../main/services/signing/cert-check';

export interface SubmitResult {
  status: number;
  body: SubmissionAnswer;
}

type Check = { ok: true } | { ok: false; reason: string };

/** The payload must name the case and revision the envelope claims (opinions: by their schema). */
function bindingCheck(req: SubmissionRequest): Check {
  if (req.kind === 'opinion') {
    const parsed = OpinionContent.safeParse(req.payload);
    if (!parsed.success) return { ok: false, reason: `意见书内容不符合格式：${describeIssues(parsed.error.issues).slice(0, 3).join('；')}` };
    if (parsed.data.reviewer.keyId !== req.signature.keyId) return { ok: false, reason: '意见书中的签名密钥与签名所用密钥不一致' };
  }
  const c = (req.payload as { case?: { id?: unknown; revisionHash?: unknown } }).case;
  if (c !== undefined && (c?.id !== req.caseId || c?.revisionHash !== req.caseRevisionHash)) return { ok: false, reason: '签名内容中的案件或修订与提交信息不一致' };
  return { ok: true };
}

export class SubmissionService {
  private readonly submissions: SubmissionsRepo;
  private readonly cases: CasesRepo;
  private readonly certificates: CertificatesRepo;
  private readonly feed: FeedRepo;
  private readonly numbers: DocumentNumbersRepo;

  constructor(
    private readonly db: ServerDb,
    private readonly verifier: SubmissionVerifier,
    private readonly now: () => Date,
  ) {
    this.submissions = new SubmissionsRepo(db);
    this.cases = new CasesRepo(db);
    this.certificates = new CertificatesRepo(db);
    this.feed = new FeedRepo(db);
    this.numbers = new DocumentNumbersRepo(db);
  }

  private repeat(row: SubmissionRow, caller: Caller, requestHash: string): SubmitResult {
    if (row.userId !== caller.id || row.requestHash !== requestHash) throw conflict('该提交编号已用于内容不同的另一提交', [`id ${row.clientId}`]);
    return { status: row.httpStatus, body: { ...(row.firstAnswer as SubmissionAnswer), repeated: true } };
  }

  private async signatureCheck(caller: Caller, req: SubmissionRequest): Promise<Check> {
    const key = await this.certificates.get(req.signature.keyId);
    if (!key) return { ok: false, reason: `签名密钥未登记：${req.signature.keyId}` };
    if (key.userId !== caller.id) return { ok: false, reason: '签名密钥不属于提交人' };
    if (key.status !== 'active') {
      const when = key.revokedAt ? `（吊销时间 ${formatTime(key.revokedAt)}）` : '';
      return { ok: false, reason: `签名证书已吊销${key.revokeReason ? `：${key.revokeReason}` : ''}${when}，此后签名的提交不予接收` };
    }
    const payloadBytes = new TextEncoder().encode(canonicalJson(req.payload));
    return this.verifier.verify({ kind: req.kind, payload: req.payload, payloadBytes, signature: req.signature, key });
  }

  async submit(caller: Caller, req: SubmissionRequest): Promise<SubmitResult> {
    const requestHash = createHash('sha256').update(canonicalJson(req)).digest('hex');
    const earlier = await this.submissions.byId(req.id);
    if (earlier) return this.repeat(earlier, caller, requestHash);

    const kase = await this.cases.byId(req.caseId);
    if (!kase) throw notFound('案件不存在或未分配给您');
    // Reassigned after the reviewer signed (offline, say): a final answer she is shown, so the
    // entry leaves her outbox. A case that was never hers stays a 404: nothing about it is told.
    const reassigned = kase.assignedTo !== caller.id;
    if (reassigned && !(await this.feed.wasAssigned(req.caseId, caller.id))) throw notFound('案件不存在或未分配给您');

    const receivedAt = this.now();
    const base = { id: req.id, receivedAt: receivedAt.toISOString() };
    let result: SubmitResult;
    let check: Check = reassigned ? { ok: false, reason: REASSIGNED_REASON } : await this.signatureCheck(caller, req);
    if (check.ok) check = bindingCheck(req);
    if (check.ok && !(await this.cases.revision(req.caseId, req.caseRevisionHash))) check = { ok: false, reason: `案件没有此修订：${req.caseRevisionHash}` };
    if (!check.ok) result = { status: 422, body: { ...base, status: 'rejected', reason: check.reason } };
    else if (kase.revisionHash !== req.caseRevisionHash)
      result = {
        status: 200,
        body: {
          ...base,
          status: 'stale',
          reason: `案件已更新为修订 ${kase.currentRevision}，本提交针对的是较早的修订`,
          caseId: req.caseId,
          currentRevision: kase.currentRevision,
          currentRevisionHash: kase.revisionHash,
        },
      };
    else result = { status: 200, body: { ...base, status: 'accepted', caseId: req.caseId, caseRevisionHash: req.caseRevisionHash } };
    const opinion = result.body.status === 'accepted' && req.kind === 'opinion' ? OpinionContent.parse(req.payload) : null;
    if (opinion) {
      const second = await this.secondOpinion(caller, req, kase.assignedSeq);
      if (second) result = { status: 422, body: { ...base, status: 'rejected', reason: second } };
    }
    if (opinion && result.body.status === 'accepted') {
      const numbered = await checkDocumentNumber(this.numbers, caller, req.id, opinion);
      if (!numbered.ok) result = { status: 422, body: { ...base, status: 'rejected', reason: numbered.reason } };
    }

    const row = (): NewSubmission => {
      const rejected = result.body.status === 'rejected';
      return {
      clientId: req.id,
      userId: caller.id,
      deviceId: caller.deviceId,
      kind: req.kind,
      caseId: req.caseId,
      caseRevisionHash: req.caseRevisionHash,
      requestHash,
      // A rejected body is not kept: only that it came, from whom, and why it was refused.
      payload: rejected ? null : req.payload,
      signature: rejected ? null : req.signature,
      status: result.body.status,
      reason: 'reason' in result.body ? result.body.reason : null,
      httpStatus: result.status,
      firstAnswer: result.body,
      receivedAt,
      };
    };
    const inserted =
      opinion && result.body.status === 'accepted'
        ? await this.acceptNumbered(opinion, caller, req.id, receivedAt, row, (reason) => (result = { status: 422, body: { ...base, status: 'rejected', reason } }))
        : await this.submissions.insertOnce(row());
    if (!inserted) {
      // A concurrent request with the same id won the insert: answer as a repeat of it.
      const winner = await this.submissions.byId(req.id);
      if (winner) return this.repeat(winner, caller, requestHash);
    }
    return result;
  }

  /**
   * One accepted opinion per case revision, unless the admin reassigned the case knowingly: the
   * assign route refuses to move a case with an accepted opinion without `force`, and records a
   * forced move on the feed entry. This catches what slips past it (an opinion accepted while the
   * reassignment was being made). Returns the refusal's reason, or null.
   */
  private async secondOpinion(caller: Caller, req: SubmissionRequest, assignedSeq: number | null): Promise<string | null> {
    const others = (await this.submissions.acceptedOpinions(req.caseId, req.caseRevisionHash)).filter((o) => o.userId !== caller.id);
    if (!others.length || (await this.feed.forcedAt(assignedSeq))) return null;
    return `本案件当前修订已有${others.map(describeAccepted).join('、')}被接收，改派时未经管理员确认另出意见书；本意见书未被接收，请与法制审核机构联系`;
  }

  /**
   * The opinion's 文号 claimed and the submission stored in one transaction: of two opinions with one
   * number arriving at once (two server instances), the second waits for the first and is refused.
   * Returns false when the id was stored by a concurrent request (nothing of this one is kept).
   */
  private async acceptNumbered(opinion: OpinionContent, caller: Caller, id: string, at: Date, row: () => NewSubmission, refuse: (reason: string) => void): Promise<boolean> {
    const lost = new Error('submission id taken');
    try {
      return await this.db.transaction(async (tx) => {
        const claimed = await this.numbers.claim(tx, { agency: opinion.agency.code, documentNumber: opinion.documentNumber, clientId: id, userId: caller.id, at });
        if (!claimed) refuse(duplicateReason(opinion.documentNumber, (await this.numbers.usedByOther(opinion.agency.code, opinion.documentNumber, id, tx))?.acceptedAt ?? at));
        if (!(await new SubmissionsRepo(tx).insertOnce(row()))) throw lost; // roll the claim back
        return true;
      });
    } catch (err) {
      if (err === lost) return false;
      throw err;
    }
  }
}
