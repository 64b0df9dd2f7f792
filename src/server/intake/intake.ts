// Intake of case packages from the handling unit's system: validate everything, store the blobs,
// then record the revision and its feed entry in one transaction. A bad package stores nothing.
import { createReadStream } from 'node:fs';
import type { CasePackage } from '../../shared/casefile/schema';
import { canonicalJson } from '../../shared/canonical';
import { openPackage, PackageError, type PackageSource } from '../../main/services/package-source';
import { revisionHashOf } from '../../main/services/importer';
import type { BlobBackend } from '../blobs/backend';
import { lockFeed, type DbOrTx, type ServerDb } from '../db/open';
import { BlobsRepo } from '../db/repos/blobs';
import { CasesRepo } from '../db/repos/cases';
import { FeedRepo } from '../db/repos/feed';
import { conflict, HttpError } from '../http/errors';
import type { IntakeAnswer } from '../protocol';
import { discardStaged, readManifest, stageFiles, type StagedFile } from './validate';

type Decision = { action: 'imported' | 'new_revision' | 'unchanged'; existing: boolean };

/** What a package means for the case as stored now; throws 409 for a conflicting revision. */
async function decide(db: DbOrTx, pkg: CasePackage, revisionHash: string): Promise<Decision> {
  const cases = new CasesRepo(db);
  const c = pkg.case;
  const byId = await cases.byId(c.id);
  if (byId && (byId.revisionHash === revisionHash || (await cases.revision(c.id, revisionHash)))) return { action: 'unchanged', existing: true };
  if (byId && c.revision <= byId.currentRevision)
    throw conflict(`案件 ${c.caseNumber} 已存在（修订 ${byId.currentRevision}），上传包为修订 ${c.revision} 且内容不同；未作任何更改`, [
      '只接受比当前修订更新的修订：修改后的案卷须提高 case.revision',
    ]);
  const byNumber = await cases.byNumber(c.caseNumber);
  if (byNumber && byNumber.id !== c.id) throw conflict(`案号 ${c.caseNumber} 已被另一案件（${byNumber.id}）使用；未作任何更改`);
  return { action: byId ? 'new_revision' : 'imported', existing: Boolean(byId) };
}

export class IntakeService {
  constructor(
    private readonly db: ServerDb,
    private readonly blobs: BlobBackend,
    private readonly workDir: string,
    private readonly maxUnpacked: number,
  ) {}

  /** Takes a package (.zip or folder) already on local disk. */
  async intake(path: string, adminId: number): Promise<IntakeAnswer> {
    let src: PackageSource | null = null;
    let staged: StagedFile[] = [];
    try {
      src = await openPackage(path, '上传的案卷包');
      const pkg = await readManifest(src);
      const revisionHash = revisionHashOf(pkg);
      const answer = (action: IntakeAnswer['action']): IntakeAnswer => ({
        action,
        caseId: pkg.case.id,
        caseNumber: pkg.case.caseNumber,
        revision: pkg.case.revision,
        revisionHash,
        blobs: new Set(staged.map((s) => s.sha256)).size,
      });
      // Cheap checks first, so a conflicting upload does not stage gigabytes.
      if ((await decide(this.db, pkg, revisionHash)).action === 'unchanged') return answer('unchanged');
      staged = await stageFiles(src, pkg, this.workDir, this.maxUnpacked);
      const unique = [...new Map(staged.map((s) => [s.sha256, s])).values()];
      for (const s of unique) await this.blobs.put(s.sha256, s.size, () => createReadStream(s.tempPath));
      const action = await this.db.transaction(async (tx) => {
        await lockFeed(tx);
        const d = await decide(tx, pkg, revisionHash); // again, under the lock: another upload may have won
        if (d.action === 'unchanged') return d.action;
        await new BlobsRepo(tx).insertMany(unique.map((s) => ({ sha256: s.sha256, size: s.size, mime: s.mime, backendKey: this.blobs.keyOf(s.sha256) })));
        const cases = new CasesRepo(tx);
        const revision = { caseId: pkg.case.id, caseNumber: pkg.case.caseNumber, revision: pkg.case.revision, revisionHash, packageJson: canonicalJson(pkg), receivedBy: adminId };
        await cases.writeRevision({ ...revision, blobShas: unique.map((s) => s.sha256), seq: 0 }, d.existing);
        const seq = await new FeedRepo(tx).append('revision', pkg.case.id, pkg.case.revision);
        await cases.setSeq(pkg.case.id, seq);
        return d.action;
      });
      return answer(action);
    } catch (err) {
      if (err instanceof PackageError) throw new HttpError(422, 'bad_package', err.message, err.details);
      throw err;
    } finally {
      src?.close();
      await discardStaged(staged);
    }
  }
}
