// What the sync engine asks of the central system besides feed, blobs and submissions: its settings
// (TSA, trust anchors), registering a reviewer key (a PKCS#10 request → certificate), reporting a
// revocation, and RFC 3161 over the same connection pool and timeouts. The HTTP transport has it;
// a transport without it (the in-memory one) simply skips these steps.
import type { CentralConfig } from '../../../shared/sync/pki';
import type { CertificateAnswer } from '../../../shared/sync/protocol';
import type { SyncTransport } from './transport';

export interface PkiTransport {
  readonly server: string;
  /** null: the server has no /v1/config (an older server): no TSA, no trust anchors from it. */
  centralConfig(signal: AbortSignal): Promise<CentralConfig | null>;
  /** 201 issued or 200 already registered to the caller; other answers are TransportErrors (409, 400, …). */
  enrolKey(request: { request: string; agency?: string }, signal: AbortSignal): Promise<CertificateAnswer>;
  revokeKey(keyId: string, reason: string, signal: AbortSignal): Promise<CertificateAnswer>;
  /** POSTs a DER TimeStampReq to `url` (absolute) and returns the DER TimeStampResp. */
  rfc3161(url: string, query: Uint8Array, signal: AbortSignal): Promise<Uint8Array>;
}

export function hasPki(t: SyncTransport | null): t is SyncTransport & PkiTransport {
  return t !== null && typeof (t as Partial<PkiTransport>).centralConfig === 'function';
}
