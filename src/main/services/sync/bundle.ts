// The offline bundle (离线交换包, DESIGN.md §7) for a workstation that cannot reach the central
// system: the queued outbox entries, exactly as the online push would send them (none: the bundle
// carries only the audit chain head), in one JSON file
// signed (detached, over its JCS bytes) with the reviewer's active key. The server imports it with
// the same exactly-once rule (client ids); the entries stay queued here until a later sync gets the
// server's (repeated) answer — so carrying a bundle and syncing later never duplicates anything.
import { createHash } from 'node:crypto';
import { writeFileDurable } from '../cache-crypto/durable';
import { ApiFailure } from '../../../shared/api/result';
import type { BundleExport } from '../../../shared/api/sync';
import type { AuditHeadReport } from '../../../shared/audit/head';
import { OUTBOX_BUNDLE_FORMAT, type SubmissionRequest } from '../../../shared/sync/protocol';
import { signDetached, type DetachedSignature, type UnlockedKey } from '../signing/index';
import { anchoredHead, rememberExportedHead, type AuditHeadSource } from './audit-head';
import { toRequest } from './push';
import type { SyncStateRepo } from './state';

export { OUTBOX_BUNDLE_FORMAT };

export interface OutboxBundleBody {
  format: typeof OUTBOX_BUNDLE_FORMAT;
  version: 1;
  createdAt: string;
  submissions: SubmissionRequest[];
  /** The audit chain head, reported by the server's import as an online sync would (issue 8). */
  auditHead?: AuditHeadReport;
}

export interface OutboxBundle extends OutboxBundleBody {
  /** Detached signature over the JCS bytes of the body (everything but this field). */
  signature: DetachedSignature;
}

/** The reviewer's keys as the bundle needs them (ReviewerKeys). */
export interface BundleKeys {
  active(): { keyId: string };
  unlock(keyId: string, passphrase?: string): Promise<UnlockedKey>;
}

const requestsOf = (state: SyncStateRepo) =>
  state.queued().flatMap((row) => {
    const r = toRequest(row);
    return r.ok ? [r.request] : [];
  });

export async function buildOutboxBundle(state: SyncStateRepo, keys: BundleKeys, passphrase: string | undefined, now: Date = new Date(), auditHead?: AuditHeadReport): Promise<OutboxBundle> {
  // With nothing queued the bundle still carries the audit head (reported by the import); only
  // a bundle with neither would be empty.
  if (!requestsOf(state).length && !auditHead) throw new ApiFailure({ code: 'conflict', message: '没有待发送的提交，无需导出离线交换包' });
  const key = keys.active();
  const unlocked = await keys.unlock(key.keyId, passphrase);
  // These bodies may now reach the server by hand: from here on they are never changed (no timestamp
  // added later), so the online sync sends exactly what the bundle carries. Counted first, then read:
  // a timestamp added meanwhile (right after signing, stamp-now.ts) is in the bundle, never lost.
  const counted = new Set(requestsOf(state).map((r) => r.id));
  for (const id of counted) state.beginAttempt(id);
  const submissions = requestsOf(state).filter((r) => counted.has(r.id));
  const body: OutboxBundleBody = { format: OUTBOX_BUNDLE_FORMAT, version: 1, createdAt: now.toISOString(), submissions, ...(auditHead ? { auditHead } : {}) };
  const signature = await signDetached(body, unlocked, { now });
  return { ...body, signature };
}

/** Writes the bundle atomically (a stick pulled out mid-write leaves no half file under the name). */
export async function exportOutboxBundle(ws: { sync: { state: SyncStateRepo }; opinions: { keys: BundleKeys }; audit?: AuditHeadSource }, path: string, passphrase?: string): Promise<BundleExport> {
  // The head carries its anchors (audit-head.ts): the import checks it extends what the server knew.
  const head = ws.audit ? anchoredHead(ws.audit, ws.sync.state) : undefined;
  const bundle = await buildOutboxBundle(ws.sync.state, ws.opinions.keys, passphrase, new Date(), head);
  const bytes = Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`, 'utf8');
  // Not a secret (it travels on a stick): Node's default mode for new files, less the umask.
  writeFileDurable(path, bytes, 0o666);
  ws.sync.state.markExported(bundle.submissions.map((s) => s.id));
  // The server may learn this head from the import: later reports anchor there too.
  if (head) rememberExportedHead(ws.sync.state, head.seq);
  return { path, count: bundle.submissions.length, sha256: createHash('sha256').update(bytes).digest('hex'), ...(head ? { auditHeadSeq: head.seq } : {}) };
}
