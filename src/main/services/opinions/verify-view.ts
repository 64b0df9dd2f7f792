// Verification of a signed opinion PDF or submission JSON, for the app and `fashen verify`.
import type { VerificationView } from '../../../shared/api/opinions';
import { OpinionContent } from '../../../shared/opinion/content';
import { DEV_CA_NOTICE, verifyPdf, verifySubmission } from '../signing/index';
import type { ReviewerKeys } from './keys';

const signerText = (s: { commonName: string; organization: string } | null) => (s ? `${s.commonName}${s.organization ? `（${s.organization}）` : ''}` : null);

export async function verifyBytes(bytes: Uint8Array, keys: ReviewerKeys): Promise<VerificationView> {
  const opts = { trustAnchors: await keys.trustAnchors(), revocations: keys.store.revocationList() };
  const head = new TextDecoder().decode(bytes.subarray(0, 8));
  if (head.startsWith('%PDF-')) {
    const r = await verifyPdf(bytes, opts);
    return {
      valid: r.valid,
      reason: r.reason,
      kind: 'pdf',
      signer: signerText(r.signer),
      chain: r.chainSubjects,
      signingTime: r.signingTime,
      devCa: r.devCa,
      caseNumber: null,
      caseId: null,
      round: null,
      notes: [...(r.devCa ? [DEV_CA_NOTICE] : []), ...(r.byteRangeCoversWholeFile ? [] : ['签名后文件又被追加了内容'])],
    };
  }
  const r = await verifySubmission(new TextDecoder().decode(bytes), opts);
  const c = OpinionContent.safeParse(r.content);
  return {
    valid: r.valid,
    reason: r.reason,
    kind: 'submission',
    signer: signerText(r.signer),
    chain: r.chainSubjects,
    signingTime: r.signedAt,
    devCa: r.devCa,
    caseNumber: c.success ? c.data.case.caseNumber : null,
    caseId: c.success ? c.data.case.id : null,
    round: c.success ? c.data.round : null,
    notes: r.notes,
  };
}
