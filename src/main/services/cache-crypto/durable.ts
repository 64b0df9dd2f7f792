// File operations the encrypted cache relies on: durable atomic replacement (write, fsync,
// rename, fsync the folder) and best-effort wiping of superseded plaintext (overwrite in place,
// fsync, unlink — on SSDs and copy-on-write file systems the old blocks may survive; the
// plaintext was never written anywhere else by us).
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; its renames are durable through NTFS's own log.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replace `path` with `data` atomically: a crash leaves either the old or the new content. The
 * file is created with `mode` (0600 by default: key files, tokens; the umask may narrow it, never
 * widen it). The temporary is always created afresh, so a leftover of a crashed process with the
 * same pid cannot lend it a wider mode; a failed write leaves no temporary behind.
 */
export function writeFileDurable(path: string, data: string | Buffer, mode = 0o600): void {
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  try {
    const fd = openSync(tmp, 'wx', mode);
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(dirname(path));
}

/** Overwrite a file with zeros where it lies, then delete it. */
export function wipeFile(path: string): void {
  if (!existsSync(path)) return;
  try {
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    try {
      const zeros = Buffer.alloc(Math.min(size, 1 << 20));
      for (let off = 0; off < size; off += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - off), off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(path, { force: true });
  }
}

export function sameFile(a: string, b: string): boolean {
  const x = statSync(a);
  const y = statSync(b);
  return x.ino === y.ino && x.dev === y.dev;
}
