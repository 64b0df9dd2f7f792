// A bundle's packages are written into the store's packs before each is imported (issue 6). A USB
// stick with 2 GB of case packages is an initial sync's load without the network, and one file
// per blob (created, written, made durable, renamed: 20,000 times) is what packs replaced for the
// sync. Each file is hashed as it is sealed into the pack, and kept only when its sha256 and size
// are the ones case.json lists; the importer then takes it as verified. A file not packed
// (missing, unreadable, other bytes than listed) goes the importer's usual way, which says what is
// wrong with it, exactly as before. A package refused after its files were packed gives them
// back (CaseImporter.giveBack): the store keeps no blob that no case has.
import type { CasePackage, FileRef } from '../../../shared/casefile/schema';
import type { PackWriter, PackEntryWriter } from '../blob-pack/pack-file';
import type { BlobStore } from '../blob-store';
import type { PackageSource } from '../package-source';

/** A new pack once the current one holds this much (the size of the sync's batch downloads). */
export const BUNDLE_PACK_BYTES = 16 * 1024 * 1024;

/** The package source with the files just packed marked as verified in the store, their heads for type sniffing. */
class PackedSource implements PackageSource {
  constructor(
    private readonly src: PackageSource,
    /** path → the first bytes of a file packed and verified in this run. */
    private readonly heads: ReadonlyMap<string, Buffer>,
    /** The blobs packed for this package (new to the store). */
    readonly packed: readonly string[],
  ) {}

  get label(): string {
    return this.src.label;
  }
  readText(path: string): Promise<string> {
    return this.src.readText(path);
  }
  has(path: string): boolean {
    return this.src.has(path);
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

export class BundlePacker {
  private writer: PackWriter | null = null;

  constructor(private readonly store: BlobStore) {}

  /** `fn` with a packer for one bundle; its last pack is closed after, however `fn` ends. */
  static async using<T>(store: BlobStore, fn: (packer: BundlePacker) => Promise<T>): Promise<T> {
    const packer = new BundlePacker(store);
    try {
      return await fn(packer);
    } finally {
      packer.close();
    }
  }

  /**
   * The package's files new to the store, written into a pack, durable and indexed; returns the
   * source the importer should read (`src` itself when nothing was packed, or the store keeps no packs).
   */
  async pack(src: PackageSource, pkg: CasePackage): Promise<PackageSource> {
    const files = new Map<string, FileRef>();
    for (const f of [...pkg.documents.map((d) => d.file), ...pkg.evidence.map((e) => e.file)]) if (!files.has(f.path)) files.set(f.path, f);
    const headBySha = new Map<string, Buffer>();
    for (const f of files.values()) {
      if (headBySha.has(f.sha256) || !src.has(f.path) || this.store.has(f.sha256)) continue;
      const w = (this.writer ??= this.store.packWriter());
      if (!w) return src;
      const head = await this.packOne(w, src, f);
      if (head) headBySha.set(f.sha256, head);
    }
    if (!headBySha.size) return src;
    try {
      await this.store.commitPack(this.writer!);
    } catch {
      // Not durable (a full disk, an I/O error): the entries are dropped with the pack, and the
      // importer stages the files its own way — and says so if that fails too.
      this.close();
      return src;
    }
    if (this.writer!.bytes >= BUNDLE_PACK_BYTES) this.close();
    const heads = new Map<string, Buffer>();
    for (const f of files.values()) {
      const head = headBySha.get(f.sha256);
      if (head) heads.set(f.path, head);
    }
    return new PackedSource(src, heads, [...headBySha.keys()]);
  }

  /** The blobs pack() put into the store for the package it returned `src` for (none for another source). */
  packedFor(src: PackageSource): readonly string[] {
    return src instanceof PackedSource ? src.packed : [];
  }

  /** The file sealed into the pack: its head when whole and as listed, else null (the entry dropped). */
  private async packOne(w: PackWriter, src: PackageSource, f: FileRef): Promise<Buffer | null> {
    let entry: PackEntryWriter | null = null;
    try {
      entry = w.begin(f.sha256, f.size);
      for await (const chunk of await src.open(f.path)) entry.write(chunk as Buffer);
      const { head } = entry.finish();
      return head;
    } catch {
      // The importer reads it again its own way and reports what is wrong (short, long, other bytes).
      entry?.abort();
      return null;
    }
  }

  /** The bundle is done: the pack being filled is closed (its committed entries stay). */
  close(): void {
    if (this.writer) this.store.closePack(this.writer);
    this.writer = null;
  }
}
