// The store's pack files and their index together: write entries (visible only once durable and
// indexed), find them, drop them, and give the space of dropped ones back.
//
// Space: dropping an entry only removes its index row. A pack that nothing points into any more is
// deleted by prune(); a pack that is mostly dead is compacted by moving its live entries out into
// files of their own (byte for byte: an entry is a blob file's exact bytes) and deleting it. A blob
// found both as a file and in a pack (a compaction cut short) is the same content either way; the
// store reads the file.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SealedSpan } from '../cache-crypto/blob-io';
import { fsyncDir } from '../cache-crypto/durable';
import type { CacheKey } from '../cache-crypto/cache-key';
import { copyToFile, entrySpan, packPath, PackWriter, type PackEntry } from './pack-file';
import type { PackIndex } from './pack-index';
import { tryLock } from '../sync/run-lock';

/** The lock file of lockWriters(), beside the packs (prune() deletes only *.pack files). */
const WRITERS_LOCK = 'writers.lock';

/** Compact a pack when less than this share of its bytes is still indexed. */
export const COMPACT_BELOW = 0.5;
/**
 * Live bytes copied out by one compaction (at most one pack beyond it): the workstation waits for
 * it while it opens. Many cases reassigned away at once can leave a hundred half-dead 16 MB packs
 * (~1 GB to copy); the packs emptiest first, the rest at the next opens.
 */
export const COMPACT_BYTES_PER_OPEN = 64 * 1024 * 1024;

export class BlobPacks {
  /** Packs being written by this process: never pruned or compacted under their writer. */
  private readonly writing = new Set<string>();
  /** lockWriters() as held by this store: by how many, and how to let go. */
  private writers: { count: number; release: () => void } | null = null;

  constructor(
    readonly dir: string,
    private readonly key: CacheKey,
    readonly index: PackIndex,
  ) {}

  /** The entry's bytes as a span blob-io reads, or null when the blob is in no pack. */
  locate(sha256: string): SealedSpan | null {
    const e = this.index.get(sha256);
    return e ? entrySpan(this.dir, e) : null;
  }

  /**
   * Held by whoever writes packs outside a sync run (a bundle import: the app and `fashen import`
   * may share a data folder), and by tidy(): a pack being filled has no index rows until its first
   * commit, and the other process's prune() would delete it, or its compact() move it away, under
   * its writer. Null when held elsewhere: that writer goes without packs this time.
   */
  lockWriters(): (() => void) | null {
    // Held again by this store for an import inside an import (a .zip bundle in a stick's folder).
    if (!this.writers) {
      const release = this.tryWritersLock();
      if (!release) return null;
      this.writers = { count: 0, release };
    }
    const held = this.writers;
    held.count++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--held.count > 0) return;
      held.release();
      this.writers = null;
    };
  }

  private tryWritersLock(): (() => void) | null {
    mkdirSync(this.dir, { recursive: true });
    return tryLock(join(this.dir, WRITERS_LOCK));
  }

  /** A new pack to append to; close it through close() so it can be pruned again. */
  writer(): PackWriter {
    const w = PackWriter.create(this.dir, this.key);
    this.writing.add(w.id);
    return w;
  }

  /** Durable, then indexed: from here the entries written since the last commit are blobs of the store. */
  async commit(w: PackWriter): Promise<PackEntry[]> {
    const entries = await w.commit();
    this.index.put(entries);
    return entries;
  }

  close(w: PackWriter): void {
    w.close();
    this.writing.delete(w.id);
  }

  remove(sha256s: readonly string[]): void {
    this.index.remove(sha256s);
  }

  /**
   * prune() and compact() when the workstation opens, only while `lock` and lockWriters() are
   * held: packs are written by a sync run, which holds the sync lock, and by a bundle import, which
   * holds lockWriters(), and another process on this data folder (the app while `fashen` runs, or
   * the other way round) may be writing one that no row points into yet — pruning it would leave
   * that run's rows pointing at a deleted file. Neither step may keep the
   * workstation from opening: a pack that cannot be tidied now is left for the next open.
   */
  tidy(lock: () => (() => void) | null, fileOf: (sha256: string) => string): void {
    const release = lock();
    if (!release) return;
    try {
      // Not lockWriters(): this store's own imports holding it are writers too.
      const writers = this.tryWritersLock();
      if (!writers) return;
      try {
        this.prune();
        this.compact(fileOf);
      } finally {
        writers();
      }
    } finally {
      release();
    }
  }

  /** Delete the pack files no index row points into (nothing left, or left by a crash before commit). */
  prune(): number {
    if (!existsSync(this.dir)) return 0;
    const used = new Set(this.index.usage().map((u) => u.pack));
    let n = 0;
    for (const f of readdirSync(this.dir)) {
      const m = /^([0-9a-f]{16})\.pack$/.exec(f);
      if (!m || used.has(m[1]!) || this.writing.has(m[1]!)) continue;
      if (tryRemove(join(this.dir, f))) n++;
    }
    return n;
  }

  /**
   * Move the live entries of mostly dead packs into files of their own (`fileOf(sha256)`: the
   * store's path for a blob) and delete those packs, the emptiest first, until `budget` live bytes
   * have been copied (a first pack is compacted whatever its size). Returns the packs compacted.
   */
  compact(fileOf: (sha256: string) => string, below = COMPACT_BELOW, budget = COMPACT_BYTES_PER_OPEN): number {
    const due = this.index
      .usage()
      .filter((u) => !this.writing.has(u.pack))
      .flatMap((u) => {
        const path = packPath(this.dir, u.pack);
        const size = existsSync(path) ? statSync(path).size : 0;
        return size > 0 && u.liveBytes >= below * size ? [] : [{ ...u, size, share: size > 0 ? u.liveBytes / size : 0 }];
      })
      .sort((a, b) => a.share - b.share);
    let n = 0;
    let copied = 0;
    for (const u of due) {
      // A pack gone missing costs no copy: only its rows go.
      const bytes = u.size > 0 ? u.liveBytes : 0;
      if (n > 0 && copied + bytes > budget) break;
      try {
        this.unpack(u.pack, fileOf);
        n++;
        copied += bytes;
      } catch {
        // Space is given back at a later open (a file that could not be written, a pack still open
        // elsewhere on Windows); the pack and its rows stay as they were, so nothing is lost.
      }
    }
    return n;
  }

  /** Every live entry of one pack copied out into its file (fsynced, renamed into place), then the pack deleted. */
  unpack(pack: string, fileOf: (sha256: string) => string): void {
    const path = packPath(this.dir, pack);
    const entries = this.index.entriesOf(pack);
    if (existsSync(path)) {
      const fd = openSync(path, 'r');
      const dirs = new Set<string>();
      try {
        for (const e of entries) {
          const dest = fileOf(e.sha256);
          copyOut(fd, e, dest);
          dirs.add(dirname(dest));
        }
      } finally {
        closeSync(fd);
      }
      // The renames durable before the rows and the pack go: a crash must not keep neither copy.
      for (const d of dirs) fsyncDir(d);
    }
    // Rows go only after every file is in place; a pack gone missing leaves its rows to be found
    // missing by a check (the store reads the files first in any case).
    if (existsSync(path)) this.index.remove(entries.map((e) => e.sha256));
    rmSync(path, { force: true });
  }
}

function tryRemove(path: string): boolean {
  try {
    rmSync(path, { force: true });
    return true;
  } catch {
    return false; // Windows: still open in another process
  }
}

function copyOut(fd: number, e: PackEntry, dest: string): void {
  if (existsSync(dest)) return;
  mkdirSync(dirname(dest), { recursive: true });
  const temp = `${dest}.unpack`;
  try {
    copyToFile(fd, e.offset, e.length, temp, true);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  renameSync(temp, dest);
}
