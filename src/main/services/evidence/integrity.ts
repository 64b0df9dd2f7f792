// Integrity: re-hash every file of a case (完好 / 已篡改 / 缺失), and check a file when it opens.
// 校验案卷 can be cancelled (取消): it stops between files and within a file, and the report says
// 已取消 — files checked so far keep their state, the rest are 'unchecked', never marked wrong.
import type { FileState, IntegrityItemState, IntegrityReport } from '../../../shared/api/evidence';
import { BlobRepo } from '../../db/repos/blobs';
import type { CaseFileRepo } from '../../db/repos/case-files';
import type { Db } from '../../db/open';
import type { BlobStore } from '../blob-store';

/** Files done of total, bytes done of all bytes to read, and bytes of the file being re-hashed (reported every few MB). */
export type VerifyProgress = (p: { done: number; total: number; bytes: { done: number; total: number }; file?: { title: string; done: number; size: number } }) => void;

/** Report bytes of the file in progress at most every this many bytes (the UI needs no more). */
const BYTES_STEP = 8 * 1024 * 1024;

export class IntegrityService {
  private readonly blobs: BlobRepo;
  /** sha → state, valid while the file's size and mtime are unchanged. */
  private readonly cache = new Map<string, { size: number; mtimeMs: number; state: FileState }>();
  /** Running 校验案卷 per case, so cancel(caseId) can stop them. */
  private readonly running = new Map<string, Set<AbortController>>();

  constructor(
    db: Db,
    private readonly store: BlobStore,
    private readonly cases: CaseFileRepo,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.blobs = new BlobRepo(db);
  }

  /** Rejects with the signal's reason when aborted mid-file; nothing is cached or recorded then. */
  async check(sha256: string, force = false, opts: { signal?: AbortSignal; onBytes?: (done: number) => void } = {}): Promise<FileState> {
    const st = this.store.statOf(sha256);
    let state: FileState;
    if (!st) state = 'missing';
    else {
      const hit = this.cache.get(sha256);
      if (!force && hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.state;
      state = await this.store.verify(sha256, opts);
      this.cache.set(sha256, { size: st.size, mtimeMs: st.mtimeMs, state });
    }
    const row = this.blobs.get(sha256);
    if (row && row.verifiedState !== state) this.blobs.setVerified(sha256, state, this.now().toISOString());
    return state;
  }

  /** Stop every running 校验案卷 of the case; false when none was running. */
  cancel(caseId: string): boolean {
    const runs = this.running.get(caseId);
    if (!runs?.size) return false;
    for (const c of runs) c.abort(new Error('校验已取消'));
    return true;
  }

  async verifyCase(caseId: string, onProgress?: VerifyProgress): Promise<IntegrityReport | null> {
    const agg = this.cases.load(caseId);
    if (!agg) return null;
    const items = [
      ...agg.documents.map((d) => ({ itemId: d.id, itemKind: 'document' as const, title: d.title, sha256: d.sha256 })),
      ...agg.evidence.map((e) => ({ itemId: e.id, itemKind: 'evidence' as const, title: e.title, sha256: e.sha256 })),
    ];
    const ctrl = new AbortController();
    const runs = this.running.get(caseId) ?? new Set<AbortController>();
    runs.add(ctrl);
    this.running.set(caseId, runs);
    const stop = ctrl.signal;
    const states = new Map<string, FileState>();
    let done = 0;
    // The bar counts bytes: one big video among small PDFs is most of the work.
    const sizeOf = (sha256: string) => agg.blobs.get(sha256)?.size ?? 0;
    const distinct = new Set(items.map((i) => i.sha256));
    const bytes = { done: 0, total: [...distinct].reduce((n, sha) => n + sizeOf(sha), 0) };
    try {
      for (const it of items) {
        if (stop.aborted) break;
        if (!states.has(it.sha256)) {
          const size = sizeOf(it.sha256);
          let reported = 0;
          const onBytes = (n: number) => {
            if (n - reported < BYTES_STEP) return;
            reported = n;
            onProgress?.({ done, total: items.length, bytes: { done: bytes.done + Math.min(n, size), total: bytes.total }, file: { title: it.title, done: n, size } });
          };
          try {
            states.set(it.sha256, await this.check(it.sha256, true, { signal: stop, onBytes }));
          } catch (err) {
            if (stop.aborted) break; // cancelled mid-file: this file stays unchecked
            throw err;
          }
          bytes.done += size;
        }
        onProgress?.({ done: ++done, total: items.length, bytes: { ...bytes } });
      }
    } finally {
      runs.delete(ctrl);
      if (!runs.size) this.running.delete(caseId);
    }
    const cancelled = stop.aborted && states.size < distinct.size;
    const report = items.map((it) => ({ ...it, state: (states.get(it.sha256) ?? 'unchecked') as IntegrityItemState }));
    const summary: Record<IntegrityItemState, number> = { ok: 0, tampered: 0, missing: 0, unchecked: 0 };
    report.forEach((r) => summary[r.state]++);
    const bad = summary.tampered + summary.missing > 0;
    // A cancelled check proves nothing about the unchecked files: it can take a case offline, never put one back.
    if (!cancelled || bad) this.cases.setOffline(caseId, !bad);
    return { caseId, checkedAt: this.now().toISOString(), cancelled, items: report, summary };
  }
}
