// The offline bundle (离线交换包, DESIGN.md §7) for a workstation that cannot reach the central
// system: the queued outbox entries, exactly as the online push would send them, in one JSON file
// signed (detached, over its JCS bytes) with the reviewer's active key. The server imports it with
// the same exactly-once rule (client ids); the entries stay queued here until a later sync gets the
// server's (repeated) answer — so carrying a bundle and syncing later never duplicates anything.
import { createHash } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { ApiFailure } from '../../../shared/api/result';
import type { BundleExport } from '../../../shared/api/sync';
import { OUTBOX_BUNDLE_FORMAT, type SubmissionRequest } from '../../../shared/sync/protocol';
import { signDetached, type DetachedSignature, type UnlockedKey } from '../signing/index';
import { toRequest } from './push';
import type { SyncStateRepo } from './state';

export { OUTBOX_BUNDLE_FORMAT };

export interface OutboxBundleBody {
  format: typeof OUTBOX_BUNDLE_FORMAT;
  version: 1;
  createdAt: string;
  submissions: SubmissionRequest[];
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

export async function buildOutboxBundle(state: SyncStateRepo, keys: BundleKeys, passphrase: string | undefined, now: Date = new Date()): Promise<OutboxBundle> {
  const submissions = state.queued().flatMap((row) => {
    const r = toRequest(row);
    return r.ok ? [r.request] : [];
  });
  if (!submissions.length) throw new ApiFailure({ code: 'conflict', message: '没有待发送的提交，无需导出离线交换包' });
  const key = keys.active();
  const unlocked = await keys.unlock(key.keyId, passphrase);
  const body: OutboxBundleBody = { format: OUTBOX_BUNDLE_FORMAT, version: 1, createdAt: now.toISOString(), submissions };
  return { ...body, signature: await signDetached(body, unlocked, { now }) };
}

/** Writes the bundle atomically (a stick pulled out mid-write leaves no half file under the name). */
export async function exportOutboxBundle(ws: { sync: { state: SyncStateRepo }; opinions: { keys: BundleKeys } }, path: string, passphrase?: string): Promise<BundleExport> {
  const bundle = await buildOutboxBundle(ws.sync.state, ws.opinions.keys, passphrase);
  const bytes = Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`, 'utf8');
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  return { path, count: bundle.submissions.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
