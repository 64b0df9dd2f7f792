// The real verifier: the signing library's verifySubmission (detached signature over JCS bytes,
// certificate path to a trusted root, validity in time). What the server trusts is its own registry,
// never a chain the client sends along: the public key and the chain are the ones registered for the
// key id (issued after proof of possession to the reviewer's authenticated device). So a submission
// signed before the key was enrolled — carrying the workstation's local development CA chain — is
// checked, and accepted, exactly like one signed afterwards.
// Time: a valid RFC 3161 timestamp proves when the signature existed; without one the signer's clock
// proves nothing to the server, and the certificate is checked at receipt.
import { verifySubmission, type SignedSubmission } from '../../main/services/signing/verify';
import type { DetachedSignature } from '../../main/services/signing/detached';
import type { SubmissionVerifier, VerificationInput, VerificationResult } from './verifier';
import { checkMinutesSubmission } from './minutes-check';
import { splitPemCertificates } from '../../shared/pem';

/** Kept under its old name for the server's entry point and the test fixtures. */
export const splitPemChain = splitPemCertificates;

export class DetachedSubmissionVerifier implements SubmissionVerifier {
  constructor(
    /** Roots trusted for reviewer certificates and TSAs: the server's dev CA, the agency CA. */
    private readonly trustAnchors: () => readonly string[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(input: VerificationInput): Promise<VerificationResult> {
    const signature = { ...input.signature, publicKey: input.key.publicKeyPem, chain: splitPemCertificates(input.key.chainPem) } as unknown as DetachedSignature;
    const submission: SignedSubmission = { format: 'fashen-signed-submission', version: 1, content: input.payload, signature };
    const r = await verifySubmission(submission, { trustAnchors: this.trustAnchors(), now: this.now(), untimestampedAt: 'now' });
    if (!r.valid) return { ok: false, reason: r.reason };
    return checkMinutesSubmission(input, this.trustAnchors(), this.now());
  }
}
