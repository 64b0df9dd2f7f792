// Minutes (集体讨论记录) submissions: besides the submitter's signature, the minutes' own content
// and the host's signature over them (src/main/services/meetings/minutes-verify.ts). The recorder —
// the submitter, whose key the registry vouches for — signed the host's signature and certificate
// along with the minutes, so a host certificate from the workstation's CA is accepted on that basis.
import { verifyMinutesPayload } from '../../main/services/meetings/minutes-verify';
import type { VerificationInput, VerificationResult } from './verifier';

export async function checkMinutesSubmission(input: VerificationInput, trustAnchors: readonly string[], now: Date): Promise<VerificationResult> {
  if (input.kind !== 'minutes') return { ok: true };
  const r = await verifyMinutesPayload(input.payload, { trustAnchors, now, vouched: true });
  return r.ok ? { ok: true } : { ok: false, reason: r.reason };
}
