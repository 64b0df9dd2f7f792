// Signature verification of submissions is injected: the server checks the registry (key known,
// owned by the submitter, not revoked); the verifier checks the detached signature itself.
import type { SubmissionRequest, SubmissionSignature } from '../protocol';

export interface RegisteredKey {
  keyId: string;
  publicKeyPem: string;
  /** Leaf certificate first, then the issuing CA (PEM). */
  chainPem: string;
}

export interface VerificationInput {
  kind: SubmissionRequest['kind'];
  payload: Record<string, unknown>;
  /** RFC 8785 (JCS) bytes of `payload`: what a detached signature covers. */
  payloadBytes: Uint8Array;
  signature: SubmissionSignature;
  key: RegisteredKey;
}

export type VerificationResult = { ok: true } | { ok: false; reason: string };

export interface SubmissionVerifier {
  verify(input: VerificationInput): Promise<VerificationResult>;
}
