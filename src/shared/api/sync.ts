// sync.* — exchange with the central system (DESIGN.md §7): status line, one sync run, cancel,
// and the offline bundle for a USB stick.
import { z } from 'zod';
import { call } from './define';
import type { ImportOutcome } from './cases';
import type { SyncRunResult, SyncStatus } from '../sync/status';

export type { SyncProgress, SyncRunResult, SyncStatus, SyncSummary, RefusedEntry } from '../sync/status';

export interface SyncStatusView extends SyncStatus {
  /** e.g. 已同步 · 离线（2 项待发送） · 出错（原因） */
  line: string;
}

export interface BundleExport {
  path: string;
  /** Submissions in the bundle (the queued outbox entries). */
  count: number;
  sha256: string;
}

const filePath = z.string().min(1).max(4096);

export const syncApi = {
  'sync.status': call<SyncStatusView>()(z.object({}).strict()),
  /** One sync (push the outbox, pull the feed); progress arrives as `sync.progress` events. */
  'sync.run': call<SyncRunResult>()(z.object({}).strict()),
  'sync.cancel': call<{ cancelled: boolean }>()(z.object({}).strict()),
  /** Write the queued outbox entries as one signed bundle file (needs the signing key). */
  'sync.exportBundle': call<BundleExport>()(z.object({ path: filePath, passphrase: z.string().min(8).max(200).optional() }).strict()),
  /** Import a bundle of case packages from the central system (a .zip of packages). */
  'sync.importBundle': call<ImportOutcome[]>()(z.object({ path: filePath }).strict()),
} as const;
