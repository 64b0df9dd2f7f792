// Import of an offline bundle (离线交换包): the bundle's signature must verify with a registered,
// active key; its owner is then the submitter of every submission in it, and each goes through
// SubmissionService.submit — the same checks and the same exactly-once rule (client ids) as the
// online POST /v1/submissions. Importing a bundle twice, or syncing the same outbox online
// afterwards, only gets the first answers repeated.
import { canonicalJson } from '../../shared/canonical';
import { AuditHeadsRepo } from '../audit/heads';
import type { ServerDb } from '../db/open';
import { CertificatesRepo } from '../db/repos/certificates';
import { HttpError } from '../http/errors';
import type { BundleImportAnswer, OutboxBundle } from '../protocol';
import type { SubmissionService } from './service';
import type { SubmissionVerifier } from './verifier';

/** SubmissionService's 404 for a case the submitter does not hold. */
const CASE_NOT_THEIRS = '案件不存在或未分配给您';

const refused = (reason: string) => new HttpError(422, 'bundle_rejected', reason);

export class BundleImporter {
  private readonly certificates: CertificatesRepo;
  private readonly heads: AuditHeadsRepo;

  constructor(
    db: ServerDb,
    private readonly verifier: SubmissionVerifier,
    private readonly submissions: SubmissionService,
  ) {
    this.certificates = new CertificatesRepo(db);
    this.heads = new AuditHeadsRepo(db);
  }

  /**
   * @param raw the bundle as received (its signature covers exactly these fields)
   * @param bundle the same, checked against the schema
   * @param origin recorded as the submissions' device (e.g. `bundle:<sha256 prefix>`)
   */
  async import(raw: Record<string, unknown>, bundle: OutboxBundle, origin: string): Promise<BundleImportAnswer> {
    const key = await this.certificates.get(bundle.signature.keyId);
    if (!key) throw refused(`离线交换包的签名密钥未登记：${bundle.signature.keyId}`);
    if (key.status !== 'active') throw refused(`离线交换包的签名证书已吊销${key.revokeReason ? `：${key.revokeReason}` : ''}`);
    const { signature: _signature, ...body } = raw;
    const check = await this.verifier.verify({ kind: 'opinion', payload: body, payloadBytes: new TextEncoder().encode(canonicalJson(body)), signature: bundle.signature, key });
    if (!check.ok) throw refused(`离线交换包签名无效：${check.reason}`);

    const caller = { id: key.userId, name: key.userName, role: 'reviewer' as const, deviceId: origin };
    const results: BundleImportAnswer['results'] = [];
    for (const sub of bundle.submissions) {
      try {
        const r = await this.submissions.submit(caller, sub);
        const a = r.body;
        results.push({ id: sub.id, httpStatus: r.status, status: a.status, ...('reason' in a ? { reason: a.reason } : {}), ...(a.repeated ? { repeated: true as const } : {}) });
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        // The service words it for the reviewer online (“…未分配给您”); this answer is read by the admin.
        const reason = err.status === 404 && err.message === CASE_NOT_THEIRS ? `案件不存在或未分配给该审核人员 ${key.userName}` : err.message;
        results.push({ id: sub.id, httpStatus: err.status, status: 'error', reason });
      }
    }
    // The carried audit head is judged as an online report would be (anchors included); a rewrite is kept as evidence
    // (admin overview) and named in the answer, but does not undo the submissions above.
    let auditHead: BundleImportAnswer['auditHead'];
    if (bundle.auditHead) {
      // A bundle cannot be asked again: a head it cannot anchor is left unverified (not stored), and
      // the next online report is checked in full.
      const { verdict } = await this.heads.report(caller, bundle.auditHead, 'bundle');
      const base = { device: bundle.auditHead.device, seq: bundle.auditHead.seq };
      if (verdict.status === 'rewritten') auditHead = { ...base, status: 'rewritten', reason: `本机审计记录与此前报送的不一致：${verdict.reason}` };
      else if (verdict.status === 'unverified') auditHead = { ...base, status: 'unverified', reason: verdict.reason };
      else if (verdict.status === 'anchor_required') throw new Error('bundle audit heads are never asked again'); // judge.ts: online only
      else auditHead = { ...base, status: verdict.status };
    }
    return { signer: key.userName, keyId: key.keyId, results, ...(auditHead ? { auditHead } : {}) };
  }
}
