// Integrity: re-hash every file of a case (完好 / 已篡改 / 缺失), and check a file when it opens.
import { existsSync, statSync } from 'node:fs';
import type { FileState, IntegrityReport } from '../../../shared/api/evidence';
import { BlobRepo } from '../../db/repos/blobs';
import type { CaseFileRepo } from '../../db/repos/case-files';
import type { Db } from '../../db/open';
import type { BlobStore } from '../blob-store';

export class IntegrityService {
  private readonly blobs: BlobRepo;
  /** sha → state, valid while the file's size and mtime are unchanged. */
  private readonly cache = new Map<string, { size: number; mtimeMs: number; state: FileState }>();

  constructor(
    db: Db,
    private readonly store: BlobStore,
    private readonly cases: CaseFileRepo,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.blobs = new BlobRepo(db);
  }

  async check(sha256: string, force = false): Promise<FileState> {
    const path = this.store.pathOf(sha256);
    let state: FileState;
    if (!existsSync(path)) state = 'missing';
    else {
      const st = statSync(path);
      const hit = this.cache.get(sha256);
      if (!force && hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.state;
      state = await this.store.verify(sha256);
      this.cache.set(sha256, { size: st.size, mtimeMs: st.mtimeMs, state });
    }
    const row = this.blobs.get(sha256);
    if (row && row.verifiedState !== state) this.blobs.setVerified(sha256, state, this.now().toISOString());
    return state;
  }

  async verifyCase(caseId: string, onProgress?: (done: number, total: number) => void): Promise<IntegrityReport | null> {
    const agg = this.cases.load(caseId);
    if (!agg) return null;
    const items = [
      ...agg.documents.map((d) => ({ itemId: d.id, itemKind: 'document' as const, title: d.title, sha256: d.sha256 })),
      ...agg.evidence.map((e) => ({ itemId: e.id, itemKind: 'evidence' as const, title: e.title, sha256: e.sha256 })),
    ];
    const states = new Map<string, FileState>();
    let done = 0;
    for (const it of items) {
      if (!states.has(it.sha256)) states.set(it.sha256, await this.check(it.sha256, true));
      onProgress?.(++done, items.length);
    }
    const report = items.map((it) => ({ ...it, state: states.get(it.sha256)! }));
    const summary: Record<FileState, number> = { ok: 0, tampered: 0, missing: 0 };
    report.forEach((r) => summary[r.state]++);
    const allOk = summary.tampered === 0 && summary.missing === 0;
    this.cases.setOffline(caseId, allOk);
    return { caseId, checkedAt: this.now().toISOString(), items: report, summary };
  }
}
