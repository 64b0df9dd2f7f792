// Minutes (集体讨论记录) submissions: besides the submitter's signature, the minutes' own content
// and the host's and the recorder's signatures over them (src/main/services/meetings/minutes-verify.ts).
// The submitter — the workstation's reviewer, whose key the registry vouches for — signed both
// signatures and certificates along with the minutes, so certificates from the workstation's CA are
// accepted on that basis. Whoever recorded the meeting, the submitter's key is the one registered.
import { verifyMinutesPayload } from '../../main/services/meetings/minutes-verify';
import type { VerificationInput, VerificationResult } from './verifier';

export async function checkMinutesSubmission(input: VerificationInput, trustAnchors: readonly string[], now: Date): Promise<VerificationResult> {
  if (input.kind !== 'minutes') return { ok: true };
  const r = await verifyMinutesPayload(input.payload, { trustAnchors, now, vouched: true, submitterKeyId: input.signature.keyId });
  return r.ok ? { ok: true } : { ok: false, reason: r.reason };
}
