// A bundle's packages are written into the store's packs before they are imported (issue 6). A USB
// stick with 2 GB of case packages is an initial sync's load without the network, and one file
// per blob (created, written, made durable, renamed: 20,000 times) is what packs replaced for the
// sync. Each file is hashed as it is sealed into the pack, and kept only when its sha256 and size
// are the ones case.json lists; the importer then takes it as verified. A file not packed
// (missing, unreadable, other bytes than listed) goes the importer's usual way, which says what is
// wrong with it, exactly as before. The packages of a group are packed one after the other and
// committed together (bundle-import-group.ts), before any of them is written. A package refused
// after its files were packed gives them back (CaseImporter.giveBack): the store keeps no blob
// that no case has.
import { packageFiles, type CasePackage, type FileRef } from '../../../shared/casefile/schema';
import type { PackWriter, PackEntryWriter } from '../blob-pack/pack-file';
import type { BlobStore } from '../blob-store';
import type { PackageSource } from '../package-source';

/** A new pack once the current one holds this much (the size of the sync's batch downloads). */
export const BUNDLE_PACK_BYTES = 16 * 1024 * 1024;

/** A package's listed files by path (a path listed twice is one file). */
function filesOf(pkg: CasePackage): Map<string, FileRef> {
  const files = new Map<string, FileRef>();
  for (const f of packageFiles(pkg)) if (!files.has(f.path)) files.set(f.path, f);
  return files;
}

/** The package source with the files just packed marked as verified in the store, their heads for type sniffing. */
class PackedSource implements PackageSource {
  constructor(
    private readonly src: PackageSource,
    /** path → the first bytes of a file packed and verified in this run. */
    private readonly heads: ReadonlyMap<string, Buffer>,
    /** The blobs sealed for this package (new to the store; not those an earlier package of its group sealed). */
    readonly packed: readonly string[],
  ) {}

  get label(): string {
    return this.src.label;
  }
  readText(path: string): Promise<string> {
    return this.src.readText(path);
  }
  has(path: string): boolean {
    // A file packed was just read whole from there: no second look at the stick.
    return this.heads.has(path) || this.src.has(path);
  }
  open(path: string) {
    return this.src.open(path);
  }
  verifiedInStore(path: string): boolean {
    return this.heads.has(path);
  }
  head(path: string): Buffer | null {
    return this.heads.get(path) ?? null;
  }
  close(): void {
    this.src.close();
  }
}

/** Files up to this size are read whole ahead of their turn to be sealed, several at once. */
export const READ_AHEAD_FILE_BYTES = 4 * 1024 * 1024;
/** At most this much read ahead and not yet sealed. */
export const READ_AHEAD_BYTES = 16 * 1024 * 1024;

/**
 * A package's files read ahead of the sealing, which goes one file after the other into the pack:
 * from a USB stick or a cold disk each read waits for the device, and with several under way the
 * waits overlap instead of adding up (the main thread sat idle ~40 % of a 1,000-case import).
 * Reading starts when it is made (BundlePacker.readAhead: the next package's files while this
 * one's are sealed). Larger files are streamed when their turn comes.
 */
export class ReadAhead {
  private readonly reads: (Promise<Buffer[] | null> | undefined)[] = [];
  private next = 0;
  /** Listed bytes of the reads started and not yet taken. */
  private bytes = 0;
  private readonly index: Map<string, number>;
  /** Files before this one were taken or dropped. */
  private settled = 0;

  constructor(
    private readonly src: PackageSource,
    /** The files to read, in the order they will be taken. */
    readonly files: readonly FileRef[],
  ) {
    this.index = new Map(files.map((f, i) => [f.sha256, i]));
    this.fill(0);
  }

  /**
   * A file's bytes (null: it could not be read); the reads after it in the list are started
   * first. A file not in the list (or not read ahead: large) is opened now.
   */
  async take(f: FileRef): Promise<AsyncIterable<Buffer> | null> {
    const i = this.index.get(f.sha256);
    if (i === undefined) return this.open(f);
    // Files before it not asked for (sealed meanwhile for the package before): their budget is freed.
    for (; this.settled < i; this.settled++) this.drop(this.settled);
    this.settled = Math.max(this.settled, i + 1);
    this.fill(i);
    const read = this.reads[i];
    if (!read) return this.open(f);
    this.reads[i] = undefined;
    const chunks = await read;
    this.bytes -= f.size;
    this.fill(i + 1);
    return chunks ? toAsync(chunks) : null;
  }

  private drop(j: number): void {
    if (!this.reads[j]) return;
    this.reads[j] = undefined;
    this.bytes -= this.files[j]!.size;
  }

  private fill(from: number): void {
    this.next = Math.max(this.next, from);
    while (this.next < this.files.length) {
      const f = this.files[this.next]!;
      if (f.size <= READ_AHEAD_FILE_BYTES) {
        if (this.bytes > 0 && this.bytes + f.size > READ_AHEAD_BYTES) return;
        this.bytes += f.size;
        this.reads[this.next] = this.readAll(f);
      }
      this.next++;
    }
  }

  /** At most one chunk past the listed size: a file longer than listed is refused, not held whole in memory. */
  private async readAll(f: FileRef): Promise<Buffer[] | null> {
    try {
      const chunks: Buffer[] = [];
      let read = 0;
      for await (const c of await this.src.open(f.path)) {
        chunks.push(c as Buffer);
        read += (c as Buffer).length;
        if (read > f.size) break;
      }
      return chunks;
    } catch {
      return null;
    }
  }

  private async open(f: FileRef): Promise<AsyncIterable<Buffer> | null> {
    try {
      return (await this.src.open(f.path)) as AsyncIterable<Buffer>;
    } catch {
      return null;
    }
  }
}

async function* toAsync(chunks: Buffer[]): AsyncIterable<Buffer> {
  yield* chunks;
}

export class BundlePacker {
  private writer: PackWriter | null = null;
  /**
   * Blobs sealed into the writer since its last commit, with their heads. A later package of the
   * same group that lists one takes it as packed: the blob is not sealed twice.
   */
  private readonly uncommitted = new Map<string, Buffer>();
  /** Blobs this packer sealed and committed: in the store now, not sealed again. */
  private readonly committed = new Set<string>();

  constructor(
    private readonly store: BlobStore,
    /** Whether this packer writes packs (it holds the store's writers lock); if not, pack() leaves every file to the importer. */
    private readonly packing = true,
  ) {}

  /**
   * `fn` with a packer for one bundle, holding the store's pack writers lock (BlobPacks.lockWriters)
   * meanwhile; its last pack is closed after, however `fn` ends. When another process holds the
   * lock the files go the importer's own way, one file each, as before packs.
   */
  static async using<T>(store: BlobStore, fn: (packer: BundlePacker) => Promise<T>): Promise<T> {
    const release = store.lockPackWriters();
    const packer = new BundlePacker(store, release !== null);
    try {
      return await fn(packer);
    } finally {
      packer.close();
      release?.();
    }
  }

  /** The package's files that pack() would seal now: one per blob, neither in the store nor sealed for an earlier package. */
  private toSeal(files: Iterable<FileRef>): FileRef[] {
    const todo = new Map<string, FileRef>();
    for (const f of files) if (!todo.has(f.sha256) && !this.sealed(f) && !this.store.has(f.sha256)) todo.set(f.sha256, f);
    return [...todo.values()];
  }

  private sealed(f: FileRef): boolean {
    return this.uncommitted.has(f.sha256) || this.committed.has(f.sha256);
  }

  /**
   * Starts reading the package's files it would seal, before its turn (while the package before it
   * is sealed); pack() takes what was read. Wasted, not wrong, if the package is not packed after all.
   */
  readAhead(src: PackageSource, pkg: CasePackage): ReadAhead {
    return new ReadAhead(src, this.packing ? this.toSeal(filesOf(pkg).values()) : []);
  }

  /**
   * The package's files new to the store, sealed into the pack being filled; returns the source
   * the importer should read (`src` itself when nothing was packed, or the store keeps no packs).
   * They are blobs of the store only after commit(): no import taking them may be written before.
   * `reads`: what readAhead() started for this source and package.
   */
  async pack(src: PackageSource, pkg: CasePackage, reads?: ReadAhead): Promise<PackageSource> {
    const files = filesOf(pkg);
    const headBySha = new Map<string, Buffer>();
    for (const f of files.values()) {
      const earlier = this.uncommitted.get(f.sha256);
      if (earlier) headBySha.set(f.sha256, earlier);
    }
    // Read ahead: the store was asked then; what this packer sealed since is all that changed.
    const todo = !this.packing ? [] : reads ? reads.files.filter((f) => !this.sealed(f)) : this.toSeal(files.values());
    const packed: string[] = [];
    // Before anything of the package is written: DiskFullError is the package's outcome (bundle-import-group.ts).
    this.store.ensureRoom(todo.reduce((n, f) => n + f.size, 0));
    if (todo.length) {
      const w = (this.writer ??= this.store.packWriter());
      if (!w) return src;
      const ahead = reads ?? new ReadAhead(src, todo);
      for (const f of todo) {
        const head = await this.packOne(w, f, await ahead.take(f));
        if (!head) continue;
        headBySha.set(f.sha256, head);
        this.uncommitted.set(f.sha256, head);
        packed.push(f.sha256);
      }
    }
    if (!headBySha.size) return src;
    const heads = new Map<string, Buffer>();
    for (const f of files.values()) {
      const head = headBySha.get(f.sha256);
      if (head) heads.set(f.path, head);
    }
    return new PackedSource(src, heads, packed);
  }

  /** The pack being filled holds a pack's worth not yet committed. */
  get full(): boolean {
    return this.uncommitted.size > 0 && this.writer!.bytes >= BUNDLE_PACK_BYTES;
  }

  /**
   * What was sealed since the last commit made durable, then indexed: from here those blobs are
   * the store's. False when that failed (a full disk, an I/O error): they are dropped with the
   * pack, and the imports that took them must not be written.
   */
  async commit(): Promise<boolean> {
    if (!this.uncommitted.size) return true;
    const shas = [...this.uncommitted.keys()];
    this.uncommitted.clear();
    try {
      await this.store.commitPack(this.writer!);
    } catch {
      this.close();
      return false;
    }
    for (const sha of shas) this.committed.add(sha);
    if (this.writer!.bytes >= BUNDLE_PACK_BYTES) this.close();
    return true;
  }

  /** The blobs pack() newly sealed for the package it returned `src` for (none for another source). */
  packedFor(src: PackageSource): readonly string[] {
    return src instanceof PackedSource ? src.packed : [];
  }

  /**
   * The file sealed into the pack: its head when whole and as listed, else null (the entry dropped;
   * the importer reads the file again its own way and says what is wrong: missing, short, other bytes).
   */
  private async packOne(w: PackWriter, f: FileRef, bytes: AsyncIterable<Buffer> | null): Promise<Buffer | null> {
    if (!bytes) return null;
    let entry: PackEntryWriter | null = null;
    try {
      entry = w.begin(f.sha256, f.size);
      for await (const chunk of bytes) entry.write(chunk);
      return entry.finish().head;
    } catch {
      entry?.abort();
      return null;
    }
  }

  /** The bundle is done: the pack being filled is closed (its committed entries stay, the others are dropped). */
  close(): void {
    if (this.writer) this.store.closePack(this.writer);
    this.writer = null;
    this.uncommitted.clear();
  }
}
