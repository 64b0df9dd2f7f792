// A bundle's packages imported in groups, as a sync writes its cases (issue 6). Each package is
// read, its new files sealed into the pack being filled (bundle-packer.ts), and prepared by the
// importer; up to GROUP_CASES prepared packages are then written at once: the pack committed
// (durable, then indexed), then one transaction for all their cases. Per package that was two
// commits with an fsync each and an fdatasync of the pack — on a USB stick of 1,000 cases most of
// the import's time was spent waiting for them.
//
// What a reader sees is as before: an outcome per package, in order, each package refused or taken
// on its own. Whatever goes wrong with a group's write (the pack not made durable, the transaction
// failing) leaves the packages not written to be imported again one by one, the importer's way.
import type { ImportOutcome } from '../../../shared/api/cases';
import type { CasePackage } from '../../../shared/casefile/schema';
import { DiskFullError } from '../disk-space';
import { failedImport, revisionHashOf, type CaseImporter, type PreparedImport } from '../importer';
import { readManifest as readCaseJson, type PackageSource } from '../package-source';
import { BundlePacker, type ReadAhead } from './bundle-packer';
import { GROUP_CASES } from './pull';

/** One package of a bundle: where it is said to come from, and how to open it (again). */
export interface BundleJob {
  label: string;
  open: () => Promise<PackageSource>;
}

export interface BundleJobOptions {
  /** The revision hashes a verified central bundle lists (only those are taken from it). */
  centralRevisions?: ReadonlySet<string>;
  /** The case as this workstation holds it (absent: not asked). */
  here?: (caseId: string, caseNumber: string) => { revision: number } | null;
  /** 交换包 or 案卷包, as the reader calls what they import. */
  where: string;
}

interface Prepared {
  slot: number;
  job: BundleJob;
  opts: BundleJobOptions;
  prepared: PreparedImport;
  /** Blobs this package sealed into the pack (given back if it is not written). */
  packed: readonly string[];
}

/** A package opened ahead of its turn: its source (null: it could not be opened, and why), case.json, the reads begun. */
interface Opened {
  src: PackageSource | null;
  failure?: unknown;
  pkg: CasePackage | null;
  reads: ReadAhead | null;
}

const importOptions = (o: BundleJobOptions) => (o.centralRevisions ? { centralRevisions: o.centralRevisions } : {});

/** A failed package's outcome names its case when case.json could be read. */
const named = (outcome: ImportOutcome, pkg: CasePackage | null): ImportOutcome =>
  outcome.ok || !pkg ? outcome : { ...outcome, caseId: pkg.case.id, caseNumber: pkg.case.caseNumber };

export class BundleImportGroup {
  private readonly outcomes: (ImportOutcome | null)[] = [];
  private waiting: Prepared[] = [];
  /** Blobs sealed for packages the importer refused: given back once the pack holding them is committed. */
  private refusedPacked: string[] = [];
  /** A pack commit failed since the last write: what was prepared on it is imported again. */
  private packLost = false;

  private constructor(
    private readonly importer: CaseImporter,
    private readonly packer: BundlePacker,
  ) {}

  /** `fn` adds a bundle's packages; returns their outcomes in order, once every group is written. */
  static async run(importer: CaseImporter, fn: (group: BundleImportGroup) => Promise<void>): Promise<ImportOutcome[]> {
    return BundlePacker.using(importer.store, async (packer) => {
      const group = new BundleImportGroup(importer, packer);
      await fn(group);
      await group.flush();
      return group.outcomes.map((o) => o!);
    });
  }

  /**
   * Packages read and prepared one after the other (written with their groups), each opened
   * (case.json read, its files to seal being read) while the one before it is sealed and prepared:
   * from a stick each package otherwise starts with waits for the device. A package's case.json is
   * looked at first: a revision older than the one here is left alone (the importer would refuse
   * it; nothing is wrong, nothing to do). `each` after each one, with the case it is when case.json
   * says so, even if it is refused.
   */
  async addAll(jobs: readonly BundleJob[], opts: BundleJobOptions, each?: (i: number, caseId: string | null) => void): Promise<void> {
    let next = jobs.length ? this.open(jobs[0]!) : null;
    try {
      for (const [i, job] of jobs.entries()) {
        const opened = await next!;
        next = i + 1 < jobs.length ? this.open(jobs[i + 1]!) : null;
        // Not inside `each?.(…)`: an optional call's arguments are not evaluated when there is no `each`.
        const caseId = await this.addOpened(job, opened, opts);
        each?.(i, caseId);
      }
    } finally {
      // Given up midway (an error thrown): the package opened ahead is closed unread.
      void next?.then((o) => o.src?.close());
    }
  }

  /** A package's source and case.json, and the reads of its files to seal started. */
  private async open(job: BundleJob): Promise<Opened> {
    let src: PackageSource;
    try {
      src = await job.open();
    } catch (failure) {
      return { src: null, failure, pkg: null, reads: null };
    }
    let pkg: CasePackage | null = null;
    try {
      pkg = await readCaseJson(src);
    } catch {
      /* the importer says what is wrong with case.json */
    }
    return { src, pkg, reads: pkg ? this.packer.readAhead(src, pkg) : null };
  }

  private async addOpened(job: BundleJob, { src, failure, pkg, reads }: Opened, opts: BundleJobOptions): Promise<string | null> {
    const slot = this.outcomes.push(null) - 1;
    if (!src) {
      // The importer words an unreadable package, whichever way it came in.
      this.outcomes[slot] = await this.importer.importFrom(job.label, () => Promise.reject(failure as Error), importOptions(opts));
      return null;
    }
    // Another revision of a case (or case number) waiting in this group: the group is written
    // first, so this one is judged against it as if imported one after the other.
    if (pkg && this.waiting.some(({ prepared: { pkg: w } }) => w.case.id === pkg.case.id || w.case.caseNumber === pkg.case.caseNumber)) await this.flush();
    // One the signed list does not name was swapped on the way: the importer refuses it, whatever its revision.
    const listed = !!pkg && (!opts.centralRevisions || opts.centralRevisions.has(revisionHashOf(pkg)));
    const held = pkg && opts.here ? opts.here(pkg.case.id, pkg.case.caseNumber) : null;
    if (pkg && listed && held && held.revision > pkg.case.revision) {
      src.close();
      const note = `本机已有更新的修订 ${held.revision}，${opts.where}中的修订 ${pkg.case.revision} 较早，未导入（无需处理）`;
      this.outcomes[slot] = { source: job.label, ok: true, caseId: pkg.case.id, caseNumber: pkg.case.caseNumber, action: 'unchanged', note };
      return pkg.case.id;
    }
    // Files are packed only for a package the importer will take (not one it leaves unchanged or
    // refuses). Files that do not fit on the disk: the package is not imported, and says so. A pack
    // that cannot even be begun leaves the files to the importer's own way, which says what is wrong.
    let opened = src;
    if (pkg && listed && !(held && held.revision >= pkg.case.revision)) {
      try {
        opened = await this.packer.pack(src, pkg, reads ?? undefined);
      } catch (err) {
        if (err instanceof DiskFullError) {
          src.close();
          this.outcomes[slot] = named(failedImport(job.label, err), pkg);
          return pkg.case.id;
        }
      }
    }
    if (this.packer.full && !(await this.packer.commit())) this.packLost = true;
    const p = await this.importer.prepareFrom(job.label, async () => opened, importOptions(opts));
    if ('staged' in p) this.waiting.push({ slot, job, opts, prepared: p, packed: this.packer.packedFor(opened) });
    else {
      this.outcomes[slot] = named(p, pkg);
      this.refusedPacked.push(...this.packer.packedFor(opened));
    }
    if (this.waiting.length >= GROUP_CASES) await this.flush();
    return pkg?.case.id ?? null;
  }

  /** Outcomes of what was imported some other way (a bundle inside a folder), after those added so far. */
  async append(outcomes: readonly ImportOutcome[]): Promise<void> {
    await this.flush();
    this.outcomes.push(...outcomes);
  }

  /** The packages waiting written: their pack committed, then their cases in one transaction. */
  async flush(): Promise<void> {
    const list = this.waiting;
    const refused = this.refusedPacked;
    this.waiting = [];
    this.refusedPacked = [];
    const durable = (await this.packer.commit()) && !this.packLost;
    this.packLost = false;
    if (!durable) {
      // Blobs they were prepared on may be gone with the pack: each is imported again on its own.
      list.forEach((w) => this.importer.abandon(w.prepared));
      this.importer.giveBack(refused);
      for (const w of list) await this.again(w);
      return;
    }
    const r = list.length ? this.importer.writeGroup(list.map((w) => w.prepared)) : { written: 0 };
    this.importer.giveBack(refused);
    for (const [i, w] of list.entries()) {
      if (i < r.written) this.outcomes[w.slot] = await this.finish(w);
      else if (i === r.written) {
        this.outcomes[w.slot] = named(failedImport(w.job.label, r.error), w.prepared.pkg);
        this.importer.giveBack(w.packed);
      } else await this.again(w);
    }
  }

  /** Text and types of a written package's new files (a failure there is its outcome, as in importFrom). */
  private async finish(w: Prepared): Promise<ImportOutcome> {
    try {
      return await this.importer.finish(w.prepared);
    } catch (err) {
      return named(failedImport(w.job.label, err), w.prepared.pkg);
    }
  }

  /** A package whose group could not be written, imported on its own from its source, read again. */
  private async again(w: Prepared): Promise<void> {
    const outcome = await this.importer.importFrom(w.job.label, w.job.open, importOptions(w.opts));
    if (!outcome.ok) this.importer.giveBack(w.packed);
    this.outcomes[w.slot] = named(outcome, w.prepared.pkg);
  }
}
