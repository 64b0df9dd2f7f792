// The offline bundle (离线交换包, DESIGN.md §7) for a workstation that cannot reach the central
// system: the queued outbox entries, exactly as the online push would send them (none: the bundle
// carries only the audit chain head), in one JSON file
// signed (detached, over its JCS bytes) with the reviewer's active key. The server imports it with
// the same exactly-once rule (client ids); the entries stay queued here until a later sync gets the
// server's (repeated) answer — so carrying a bundle and syncing later never duplicates anything.
import { createHash } from 'node:crypto';
import { writeFileDurable } from '../cache-crypto/durable';
import { sealBytes } from '../bundle-envelope/seal';
import { passphraseProblem } from '../../../shared/sync/bundle-passphrase';
import { ApiFailure } from '../../../shared/api/result';
import type { BundleExport } from '../../../shared/api/sync';
import type { KeyRegistration } from '../../../shared/api/opinions';
import type { AuditHeadReport } from '../../../shared/audit/head';
import { OUTBOX_BUNDLE_FORMAT, type SubmissionRequest } from '../../../shared/sync/protocol';
import { signDetached, type DetachedSignature, type UnlockedKey } from '../signing/index';
import { anchoredHead, rememberExportedHead, type AuditHeadSource } from './audit-head';
import { outsideDataDir, writeProblem } from './bundle-paths';
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
  /** The keys with their central registration (ReviewerKeys.view), to warn about a bundle the central system will refuse. */
  view?(): { keys: { keyId: string; registration?: KeyRegistration }[] };
}

/** The text both the app and `fashen sync export-bundle` show for an entry carried unstamped. */
export const UNSTAMPED_WARNING = (n: number) =>
  `${n} 件提交未加盖可信时间戳：经离线交换包送达后不再补加（签名时间为签名人电脑时间）。能联网时直接同步，则发送前先加盖时间戳。`;

/**
 * The central system checks the bundle's key (and each submission's) against its registry, and only
 * the workstation itself registers keys (POST /v1/certificates at login or sync, proof of possession):
 * an admin cannot. So a key not registered yet means a refusal there until this workstation has
 * logged in once — then the same file is accepted (the check is made at import). Said, not refused:
 * the reviewer may log in before the stick reaches the central system.
 */
function registrationWarnings(keys: BundleKeys, keyIds: ReadonlySet<string>): string[] {
  const known = keys.view?.().keys;
  if (!known) return [];
  const out: string[] = [];
  for (const id of keyIds) {
    const r = known.find((k) => k.keyId === id)?.registration;
    if (!r || r.state === 'enrolled') continue;
    const short = id.slice(0, 12);
    if (r.state === 'refused') out.push(`签名密钥 ${short}… 被中心系统拒绝登记（${r.note ?? '原因未知'}）：中心系统将拒收此离线交换包（“签名密钥未登记”）。`);
    else if (r.state === 'pending') out.push(`签名密钥 ${short}… 尚未在中心系统登记（下次联网同步时登记）：登记之前，中心系统拒收此离线交换包（“签名密钥未登记”）。`);
    else
      out.push(
        `签名密钥 ${short}… 尚未在中心系统登记（本工作站尚未登录过中心系统）：中心系统将拒收此离线交换包（“签名密钥未登记”），直到本工作站联网登录一次（“同步 → 登录”或 fashen login，登录时登记签名密钥）；登录之后，这个文件可以照常导入。`,
      );
  }
  return out;
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

/**
 * How the file is written: sealed with the passphrase agreed with the central system's admin
 * (bundle-envelope: a lost stick leaks nothing), or plain — only on request, for a central system
 * whose `fashen central receive` predates sealed bundles.
 */
export type BundleSeal = { passphrase: string } | 'plain';

/** Writes the bundle atomically (a stick pulled out mid-write leaves no half file under the name). */
export async function exportOutboxBundle(
  ws: { dataDir?: string; sync: { state: SyncStateRepo }; opinions: { keys: BundleKeys }; audit?: AuditHeadSource },
  path: string,
  passphrase: string | undefined,
  seal: BundleSeal,
): Promise<BundleExport> {
  // Checked here, not only in the form: the app and `fashen sync export-bundle` both come this way.
  if (ws.dataDir) outsideDataDir(path, ws.dataDir);
  // Before the key is unlocked and the entries are marked: a bad passphrase changes nothing.
  const weak = seal === 'plain' ? null : passphraseProblem(seal.passphrase);
  if (weak) throw new ApiFailure({ code: 'invalid_input', message: weak });
  // The head carries its anchors (audit-head.ts): the import checks it extends what the server knew.
  const head = ws.audit ? anchoredHead(ws.audit, ws.sync.state) : undefined;
  const bundle = await buildOutboxBundle(ws.sync.state, ws.opinions.keys, passphrase, new Date(), head);
  const json = Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`, 'utf8');
  const bytes = seal === 'plain' ? json : await sealBytes(json, seal.passphrase, 'outbox');
  // Not a secret (it travels on a stick): Node's default mode for new files, less the umask.
  try {
    writeFileDurable(path, bytes, 0o666);
  } catch (err) {
    // Before anything is marked: the entries stay as they were.
    throw writeProblem(err, path, bytes.length);
  }
  ws.sync.state.markExported(bundle.submissions.map((s) => s.id));
  // The server may learn this head from the import: later reports anchor there too.
  if (head) rememberExportedHead(ws.sync.state, head.seq);
  const unstamped = bundle.submissions.filter((s) => (s.signature as { timestamp?: { status?: string } }).timestamp?.status !== 'granted').length;
  const warnings = [
    ...registrationWarnings(ws.opinions.keys, new Set([bundle.signature.keyId, ...bundle.submissions.map((s) => s.signature.keyId)])),
    ...(unstamped ? [UNSTAMPED_WARNING(unstamped)] : []),
  ];
  return {
    path,
    encrypted: seal !== 'plain',
    count: bundle.submissions.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(head ? { auditHeadSeq: head.seq } : {}),
    ...(unstamped ? { unstamped } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}
