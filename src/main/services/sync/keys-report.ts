// Telling the central system about this workstation's reviewer keys, at login, when a key is
// created or revoked while logged in, and at the start of every sync (before the push, so the server
// knows a key before it sees submissions signed with it, and hears of a revocation before anything
// else is sent): first revocations not yet reported, then keys not yet registered (their PKCS#10
// request, made when the key was created). A refusal (400 bad request, 403, 409 another user's key)
// is final for that key and recorded with it; network trouble, 401 and 5xx end the step — the rest
// waits for the next contact.
import type { CertificateAnswer } from '../../../shared/sync/protocol';
import type { PkiTransport } from './pki';
import { isTransportError } from './transport';

/** What the keys side (ReviewerKeys) offers; everything is recorded in the key files. */
export interface CentralKeyHost {
  pendingRevocations(): { keyId: string; reason: string }[];
  pendingEnrolments(): { keyId: string; csrPem: string; agency: string }[];
  /** Stores the issued chain (after checking it is for this key); throws if it is not. */
  enrolled(keyId: string, answer: CertificateAnswer, server: string): void;
  enrolmentRefused(keyId: string, reason: string): void;
  revocationReported(keyId: string, server: string): void;
}

export interface KeyReport {
  enrolled: string[];
  revoked: string[];
  /** Final answers against this key: its registration ('enrol') or the report of its revocation ('revoke'). */
  refused: { keyId: string; action: 'enrol' | 'revoke'; reason: string }[];
}

/** A final answer about this one key (not the network's, the login's or the server's trouble). */
function refusedOnly(err: unknown): string | null {
  if (!isTransportError(err) || err.kind !== 'http' || err.status === null) return null;
  return [400, 403, 409, 413, 422].includes(err.status) ? err.message : null;
}

/**
 * `attempt` wraps each request (the sync's retry with backoff); by default one try. `enrol: false`
 * when the central system issues no certificates (its config says so): revocations are still reported.
 */
export async function reportKeys(
  host: CentralKeyHost,
  pki: PkiTransport,
  signal: AbortSignal,
  attempt: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn(),
  opts: { enrol?: boolean } = {},
): Promise<KeyReport> {
  const report: KeyReport = { enrolled: [], revoked: [], refused: [] };
  for (const r of host.pendingRevocations()) {
    signal.throwIfAborted();
    try {
      await attempt(() => pki.revokeKey(r.keyId, r.reason, signal));
    } catch (err) {
      // 404: not registered at this server (enrolled elsewhere): there is nothing here to revoke.
      if (!(isTransportError(err) && err.status === 404)) {
        const why = refusedOnly(err);
        if (why === null) throw err;
        report.refused.push({ keyId: r.keyId, action: 'revoke', reason: why });
        continue;
      }
    }
    host.revocationReported(r.keyId, pki.server);
    report.revoked.push(r.keyId);
  }
  for (const e of opts.enrol === false ? [] : host.pendingEnrolments()) {
    signal.throwIfAborted();
    let answer: CertificateAnswer;
    try {
      answer = await attempt(() => pki.enrolKey({ request: e.csrPem, agency: e.agency }, signal));
    } catch (err) {
      const why = refusedOnly(err);
      if (why === null) throw err;
      host.enrolmentRefused(e.keyId, why);
      report.refused.push({ keyId: e.keyId, action: 'enrol', reason: why });
      continue;
    }
    host.enrolled(e.keyId, answer, pki.server);
    report.enrolled.push(e.keyId);
  }
  return report;
}
