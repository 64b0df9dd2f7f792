// The real verifier: the signing library's verifySubmission (detached signature over JCS bytes,
// certificate path to a trusted root, validity at signing time). The public key is the one the
// registry holds for the key id; the chain is the one sent, or else the registered one.
import { verifySubmission, type SignedSubmission } from '../../main/services/signing/verify';
import type { DetachedSignature } from '../../main/services/signing/detached';
import type { SubmissionVerifier, VerificationInput, VerificationResult } from './verifier';

export function splitPemChain(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g) ?? [];
}

export class DetachedSubmissionVerifier implements SubmissionVerifier {
  constructor(
    /** Roots trusted for reviewer certificates: the server's dev CA, the agency CA. */
    private readonly trustAnchors: () => readonly string[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(input: VerificationInput): Promise<VerificationResult> {
    const sent = input.signature.chain;
    const signature = {
      ...input.signature,
      publicKey: input.key.publicKeyPem,
      chain: Array.isArray(sent) && sent.length ? sent : splitPemChain(input.key.chainPem),
    } as unknown as DetachedSignature;
    const submission: SignedSubmission = { format: 'fashen-signed-submission', version: 1, content: input.payload, signature };
    const r = await verifySubmission(submission, { trustAnchors: this.trustAnchors(), now: this.now() });
    return r.valid ? { ok: true } : { ok: false, reason: r.reason };
  }
}
