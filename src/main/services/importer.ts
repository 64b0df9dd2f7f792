// Imports case packages: validate everything first, then write everything at once.
// A bad package (schema error, missing file, hash mismatch, conflicting revision) changes nothing.
import { createHash } from 'node:crypto';
import { packageFiles, type CasePackage, type FileRef } from '../../shared/casefile/schema';
import { canonicalJson } from '../../shared/canonical';
import { chinaToday } from '../../shared/format/date';
import type { ImportOutcome } from '../../shared/api/cases';
import { CaseFileRepo } from '../db/repos/case-files';
import type { Db } from '../db/open';
import { BlobStore, type StagedBlob } from './blob-store';
import { asDiskFull, isDiskFull } from './disk-space';
import { SearchRepo } from '../db/repos/search';
import type { EvidenceProcessor, Processed } from './evidence/processor';
import type { WriteBlob } from '../db/repos/case-file-write';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openPackage, PackageError, readManifest, type CheckedManifest, type PackageSource } from './package-source';

export function revisionHashOf(pkg: CasePackage): string {
  return checkedManifest(pkg).revisionHash;
}

/** A parsed package with its canonical JSON (what the database keeps) and its revision hash (sha256 of it). */
export function checkedManifest(pkg: CasePackage): CheckedManifest {
  const canonical = canonicalJson(pkg);
  return { pkg, canonical, revisionHash: createHash('sha256').update(canonical).digest('hex') };
}

/** A source that may know the first plaintext bytes of its files (sync downloads: type sniffing without a second read). */
type SourceWithHeads = PackageSource & { head?(path: string): Buffer | null };

/** An import checked and staged, ready for its transaction (CaseImporter.prepare). */
export interface PreparedImport {
  pkg: CasePackage;
  canonical: string;
  revisionHash: string;
  replace?: { round: number };
  staged: StagedBlob[];
  /** Blobs new in the store (moved in by prepare): removed again if the import is not written. */
  placed: string[];
  blobs: WriteBlob[];
  heads: Map<string, Buffer>;
  /** Types known before the write (EvidenceProcessor.sniffAhead), recorded inside it. */
  sniffed: Map<string, Processed>;
  /** What the import is once written. */
  outcome: ImportOutcome;
}

export interface ImportSourceOptions {
  /** The central system is the authority on revisions (a sync, a verified central bundle). */
  fromCentral?: boolean;
  centralRevisions?: ReadonlySet<string>;
  source?: string;
  /**
   * Runs inside the import's transaction, last (a sync moves its feed cursor there: the case and
   * the cursor past it commit together). Not called when nothing is written ('unchanged', refused).
   */
  within?: () => void;
}

/**
 * Stage every listed file, checking presence, size and sha256; collect every problem. Bytes from
 * outside (a folder, a .zip) are hashed while they are encrypted; files this process sealed itself
 * (ownedFile: verified sync downloads) are linked, their header checked; files already in the
 * store (inStore: the sync's packed downloads, copies kept from before) are taken as they are.
 */
async function stageFiles(src: SourceWithHeads, files: FileRef[], store: BlobStore): Promise<StagedBlob[]> {
  const staged: StagedBlob[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  // What is copied in from outside must fit, with room left for the database (nothing staged yet).
  const copied = new Map(files.filter((f) => !src.verifiedInStore?.(f.path) && !src.inStore?.(f.path) && !src.ownedFile?.(f.path)).map((f) => [f.sha256, f.size]));
  store.ensureRoom([...copied.values()].reduce((n, size) => n + size, 0));
  for (const f of files) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    if (!src.has(f.path)) {
      problems.push(`缺少文件：${f.path}`);
      continue;
    }
    let s: StagedBlob;
    try {
      const owned = src.ownedFile?.(f.path);
      // The listed sha256 binds the ciphertext as it is written (a file that differs is refused below).
      if (src.verifiedInStore?.(f.path)) s = store.stageVerified(f.sha256, f.size, src.head?.(f.path) ?? null);
      else if (src.inStore?.(f.path)) s = store.stageStored(f.sha256, src.head?.(f.path) ?? null);
      else s = owned ? await store.stageOwned(owned, f.sha256, src.head?.(f.path) ?? null) : await store.stage(await src.open(f.path), f.sha256);
    } catch (err) {
      if (isDiskFull(err)) {
        // Not the package's fault: nothing of it is kept, and the reason is the disk.
        staged.forEach((x) => store.discard(x));
        throw asDiskFull(err, store.root, '案卷包未能导入', store.free);
      }
      problems.push(`无法读取文件：${f.path}（${(err as Error).message}）`);
      continue;
    }
    if (s.sha256 !== f.sha256) problems.push(`文件校验值不符：${f.path}（应为 ${f.sha256.slice(0, 12)}…，实际 ${s.sha256.slice(0, 12)}…）`);
    else if (s.size !== f.size) problems.push(`文件大小不符：${f.path}（应为 ${f.size} 字节，实际 ${s.size} 字节）`);
    staged.push(s);
  }
  if (problems.length) {
    staged.forEach((s) => store.discard(s));
    throw new PackageError(`案卷包文件校验失败（${problems.length} 处问题）`, problems);
  }
  return staged;
}

/** A package's import that failed, as its outcome: the reason a bad package gives, or what went wrong. */
export function failedImport(source: string, err: unknown): ImportOutcome {
  if (err instanceof PackageError) return { source, ok: false, error: err.message, details: err.details };
  return { source, ok: false, error: `导入失败：${(err as Error).message}` };
}

export class CaseImporter {
  private readonly repo: CaseFileRepo;
  private readonly search: SearchRepo;

  constructor(
    db: Db,
    private readonly sqlite: Database.Database,
    /** Where imported files go (also the encrypted scratch space of a bundle import). */
    readonly store: BlobStore,
    private readonly processor: EvidenceProcessor,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new CaseFileRepo(db);
    this.search = new SearchRepo(sqlite);
  }

  /** A package on disk (folder or .zip) by its path. */
  importOne(path: string): Promise<ImportOutcome> {
    return this.importFrom(path, () => openPackage(path));
  }

  /**
   * The one way a user's package comes in (a path, or one package of a bundle): opened, imported,
   * closed. Every failure, even unreadable bytes or a full disk, is that package's outcome, so a
   * batch goes on with the next.
   */
  importFrom(source: string, open: () => Promise<PackageSource>, opts: { centralRevisions?: ReadonlySet<string> } = {}): Promise<ImportOutcome> {
    return this.withSource(source, open, (src) => this.importSource(src, { source, ...opts }));
  }

  /**
   * The first half of importFrom() for imports written together (a bundle's packages: writeGroup,
   * then finish): opened, prepared, closed. Every failure is the package's outcome, as there.
   */
  prepareFrom(source: string, open: () => Promise<PackageSource>, opts: { centralRevisions?: ReadonlySet<string> } = {}): Promise<PreparedImport | ImportOutcome> {
    return this.withSource(source, open, (src) => this.prepare(src, { source, ...opts }));
  }

  /** `fn` on the opened source, closed after; any failure is the package's outcome. */
  private async withSource<T>(source: string, open: () => Promise<PackageSource>, fn: (src: PackageSource) => Promise<T>): Promise<T | ImportOutcome> {
    let src: PackageSource | null = null;
    try {
      src = await open();
      return await fn(src);
    } catch (err) {
      return failedImport(source, err);
    } finally {
      src?.close();
    }
  }

  /**
   * Import from any package source (folder, .zip, or a revision received by sync). A bad package
   * is an outcome with ok:false; other failures (disk, database) are thrown.
   * `fromCentral`: the central system is the authority on revisions, so a higher revision opens a
   * new round whatever the local review status (the earlier round's work stays as that round);
   * `centralRevisions`: the revision hashes a verified central bundle lists count the same way, and
   * only those are taken from it.
   */
  async importSource(src: SourceWithHeads, opts: ImportSourceOptions = {}): Promise<ImportOutcome> {
    const p = await this.prepare(src, opts);
    if (!('staged' in p)) return p;
    const within = opts.within;
    const r = this.writeGroup([p], within ? () => within() : undefined);
    if (r.error !== undefined) throw r.error;
    return this.finish(p);
  }

  /**
   * Everything of an import before its transaction: the package checked against what is here, its
   * files staged (and moved into the store), the types of new files sniffed from the heads in hand.
   * The outcome instead when nothing is to be written (unchanged, a bad package); other failures
   * (disk, database) are thrown. A prepared import is written by writeGroup() or given up with
   * abandon().
   */
  async prepare(src: SourceWithHeads, opts: ImportSourceOptions = {}): Promise<PreparedImport | ImportOutcome> {
    const path = opts.source ?? src.label;
    try {
      // A sync's package was parsed and hashed when its feed entry was checked: not done again.
      const { pkg, canonical, revisionHash } = src.checked?.() ?? checkedManifest(await readManifest(src));
      // A revision listed in a verified bundle from the central system counts as one a sync brought;
      // one the bundle's signed list does not name was put on the stick by someone else.
      if (opts.centralRevisions && !opts.centralRevisions.has(revisionHash))
        throw new PackageError(`案件 ${pkg.case.caseNumber}（修订 ${pkg.case.revision}）不在中心系统签名的交换包清单中，可能在途中被加入或替换；未导入`, ['请向中心系统重新索取交换包']);
      const fromCentral = opts.fromCentral === true || opts.centralRevisions !== undefined;
      const { byId, byNumber } = this.repo.findIdentity(pkg.case.id, pkg.case.caseNumber);
      const base = { source: path, caseId: pkg.case.id, caseNumber: pkg.case.caseNumber };
      let replace: { round: number } | undefined;
      // Said with a new round: the open round's findings do not vanish, they move to 上一轮.
      let note: string | undefined;
      if (byId) {
        if (byId.revisionHash === revisionHash) return { ...base, ok: true, action: 'unchanged' };
        // A resubmission after an opinion other than 同意 (status 已退回) opens the next round.
        if ((byId.status === 'returned' || fromCentral) && pkg.case.revision > byId.revision) {
          replace = { round: byId.round + 1 };
          if (byId.status === 'in_review') note = `第 ${byId.round} 轮尚未完成的审核记录已保留在“上一轮”中`;
        } else throw new PackageError(
          `案件 ${pkg.case.caseNumber} 已存在（修订 ${byId.revision}），导入包为修订 ${pkg.case.revision} 且内容不同；未作任何更改`,
            byId.status === 'returned' || fromCentral
              ? ['只接受比当前修订更新的修订']
              : ['案件尚在审核中：新修订只在审核意见退回承办机构（非“同意”）后才作为新一轮接收'],
          );
      }
      if (byNumber && byNumber.id !== pkg.case.id) throw new PackageError(`案号 ${pkg.case.caseNumber} 已被另一案件（${byNumber.id}）使用；未作任何更改`);

      const staged = await stageFiles(src, packageFiles(pkg), this.store);
      const mimeBySha = new Map(packageFiles(pkg).map((f) => [f.sha256, f.mime]));
      const blobs = [...new Map(staged.map((s) => [s.sha256, { sha256: s.sha256, size: s.size, mime: mimeBySha.get(s.sha256)! }])).values()];
      const heads = new Map(staged.flatMap((s) => (s.head ? [[s.sha256, s.head] as const] : [])));
      const p: PreparedImport = { pkg, canonical, revisionHash, staged, placed: [], blobs, heads, sniffed: new Map(), outcome: { ...base, ok: true, action: replace ? 'new_round' : 'imported', ...(note ? { note } : {}) }, ...(replace ? { replace } : {}) };
      try {
        p.sniffed = await this.processor.sniffAhead(blobs, heads);
        for (const s of staged) if (await this.store.commit(s)) p.placed.push(s.sha256);
      } catch (err) {
        this.abandon(p);
        throw err;
      }
      return p;
    } catch (err) {
      if (err instanceof PackageError) return { source: path, ok: false, error: err.message, details: err.details };
      throw err;
    }
  }

  /**
   * Write prepared imports in one transaction, in order, each in a savepoint of its own (`within(i)`
   * runs last inside the i-th). The first that fails is rolled back alone, none after it is written,
   * and those not written are given up (abandon); its error is returned with the number written.
   * One commit for many cases is what makes an initial sync's imports cheap: each encrypted page
   * of the blob and evidence indexes is written once per commit, however many cases changed it.
   */
  writeGroup(list: readonly PreparedImport[], within?: (i: number) => void): { written: number; error?: unknown } {
    let written = 0;
    let error: unknown;
    try {
      this.sqlite.transaction(() => {
        for (const [i, p] of list.entries()) {
          const importedAt = this.now().toISOString();
          const meta = { revisionHash: p.revisionHash, importedAt, receivedOn: chinaToday(this.now()), packageJson: p.canonical, ...(p.replace ? { replace: p.replace } : {}) };
          try {
            this.repo.write(p.pkg, meta, p.blobs, () => {
              this.search.indexCase(p.pkg.case.id);
              this.processor.record(p.sniffed);
              within?.(i);
            });
          } catch (err) {
            error = err;
            return;
          }
          written++;
        }
      })();
    } catch (err) {
      // The commit itself failed: nothing of the group was kept.
      written = 0;
      error = err;
    }
    list.slice(written).forEach((p) => this.abandon(p));
    return error === undefined ? { written } : { written, error };
  }

  /**
   * Blobs put into the store for an import that was not written (a bundle's package packed, then
   * refused): removed, unless a written case has them after all. Their pack bytes are dead until
   * a compaction.
   */
  giveBack(sha256s: readonly string[]): void {
    for (const sha of sha256s) if (!this.repo.blobKnown(sha)) this.store.remove(sha);
  }

  /** A prepared import that will not be written: the files it moved into the store go again. */
  abandon(p: PreparedImport): void {
    p.placed.forEach((sha) => this.store.remove(sha));
    p.staged.forEach((s) => this.store.discard(s));
  }

  /**
   * After its transaction: type sniffing and page-text indexing for the other new files (a corrupt
   * PDF is recorded, not fatal: the evidence is what it is, and the viewer says what is wrong with it).
   */
  async finish(p: PreparedImport): Promise<ImportOutcome> {
    await this.processor.processMany(p.blobs.flatMap((b) => (p.sniffed.has(b.sha256) ? [] : [b.sha256])), p.heads);
    return p.outcome;
  }

  async importMany(paths: string[], onProgress?: (done: number, total: number, label: string) => void): Promise<ImportOutcome[]> {
    const out: ImportOutcome[] = [];
    for (const [i, p] of paths.entries()) {
      out.push(await this.importOne(p));
      onProgress?.(i + 1, paths.length, p);
    }
    return out;
  }
}
