// The timestamp right after signing (issue 5: "a timestamp is added when online"): when a TSA is
// known — FASHEN_TSA_URL, else the one the central system named at the last sync — the new outbox
// entry is stamped at once, with a short timeout so signing offline is not held up. On any failure
// it stays 待加盖时间戳 and the next sync stamps it (stamp-outbox.ts); never a local clock reading.
//
// Exactly once: the entry is changed only while it has never left (attempts = 0, payload as read),
// and the write happens under the sync lock, so it cannot fall between a push (or a sync in another
// process) reading the payload and counting its attempt.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../../db/open';
import type { BlobStore } from '../blob-store';
import { HttpTimestampClient, type TimestampClient } from '../signing/index';
import { syncLockPath, tryLock } from './run-lock';
import { stampEntry } from './stamp-outbox';
import { KEYS, type SyncStateRepo } from './state';

export const STAMP_NOW_TIMEOUT_MS = 4000;

export type StampNowResult = { status: 'stamped' } | { status: 'pending'; reason: string };

/** The TSA to use right after signing, or null when none is known on this workstation. */
export function knownTsaUrl(state: SyncStateRepo, env: NodeJS.ProcessEnv): string | null {
  return env.FASHEN_TSA_URL?.trim() || state.get(KEYS.tsa) || null;
}

export async function stampNow(
  deps: {
    db: Db;
    blobs: BlobStore;
    state: SyncStateRepo;
    dataDir: string;
    env: NodeJS.ProcessEnv;
    /** The central system's trust anchors as last told (null: none known, the token is not checked). */
    trustAnchors: readonly string[] | null;
    now: () => Date;
    /** For tests: another client; default RFC 3161 over HTTP with a short timeout. */
    client?: TimestampClient;
  },
  id: string,
): Promise<StampNowResult> {
  const url = knownTsaUrl(deps.state, deps.env);
  if (!url && !deps.client) return { status: 'pending', reason: '未配置时间戳服务' };
  const row = deps.state.byId(id);
  if (!row) return { status: 'pending', reason: '提交件不在待发送队列中' };
  const client = deps.client ?? new HttpTimestampClient(url!, { timeoutMs: STAMP_NOW_TIMEOUT_MS });
  const lockFile = syncLockPath(deps.dataDir);
  let r;
  try {
    mkdirSync(dirname(lockFile), { recursive: true });
    r = await stampEntry(deps, row, client, (write) => {
      const release = tryLock(lockFile);
      if (!release) return false; // a sync is running: it stamps (or sends) this entry itself
      try {
        return write();
      } finally {
        release();
      }
    });
  } catch (err) {
    return { status: 'pending', reason: `时间戳未能加盖：${(err as Error).message}` };
  }
  if (r.status === 'stamped') return { status: 'stamped' };
  if (r.status === 'failed') return { status: 'pending', reason: r.reason };
  if (r.status === 'lost') return { status: 'pending', reason: '同步正在进行，时间戳由同步补加' };
  return { status: 'pending', reason: '无需加盖' };
}
