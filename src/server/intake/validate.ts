// Validates a case package exactly as the workstation's importer does (src/main/services/importer.ts):
// case.json against the schema, then every listed file's presence, size and sha256, collecting
// every problem. Files are staged to a work folder; nothing reaches the blob store from here.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { packageFiles, type CasePackage } from '../../shared/casefile/schema';
import { PackageError, readManifest, type PackageSource } from '../../main/services/package-source';
export { readManifest };

export interface StagedFile {
  path: string;
  sha256: string;
  size: number;
  mime: string;
  tempPath: string;
}

class TooLong extends Error {}

/** Stages one file; stops as soon as it runs past its declared size (a zip bomb fills no disk). */
async function stageOne(source: Readable, workDir: string, declared: number): Promise<{ sha256: string; size: number; tempPath: string }> {
  const tempPath = join(workDir, `stage-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > declared) return cb(new TooLong());
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(source, tap, createWriteStream(tempPath));
  } catch (err) {
    await rm(tempPath, { force: true });
    throw err;
  }
  return { sha256: hash.digest('hex'), size, tempPath };
}

export async function discardStaged(files: { tempPath: string }[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.tempPath, { force: true })));
}

/**
 * Stages every listed file (once per path) and checks it; throws PackageError listing every problem.
 * `maxUnpacked` bounds the sum of the declared sizes, checked before anything is unpacked.
 */
export async function stageFiles(src: PackageSource, pkg: CasePackage, workDir: string, maxUnpacked: number): Promise<StagedFile[]> {
  const staged: StagedFile[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const unique = [...new Map(packageFiles(pkg).map((f) => [f.path, f])).values()];
  const total = unique.reduce((n, f) => n + f.size, 0);
  if (total > maxUnpacked) throw new PackageError(`案卷包文件总大小 ${total} 字节，超过上限 ${maxUnpacked} 字节`);
  for (const f of packageFiles(pkg)) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    if (!src.has(f.path)) {
      problems.push(`缺少文件：${f.path}`);
      continue;
    }
    let s: { sha256: string; size: number; tempPath: string };
    try {
      s = await stageOne(await src.open(f.path), workDir, f.size);
    } catch (err) {
      problems.push(err instanceof TooLong ? `文件大小不符：${f.path}（应为 ${f.size} 字节，实际更大）` : `无法读取文件：${f.path}（${(err as Error).message}）`);
      continue;
    }
    staged.push({ ...s, path: f.path, mime: f.mime });
    if (s.sha256 !== f.sha256) problems.push(`文件校验值不符：${f.path}（应为 ${f.sha256.slice(0, 12)}…，实际 ${s.sha256.slice(0, 12)}…）`);
    else if (s.size !== f.size) problems.push(`文件大小不符：${f.path}（应为 ${f.size} 字节，实际 ${s.size} 字节）`);
  }
  if (problems.length) {
    await discardStaged(staged);
    throw new PackageError(`案卷包文件校验失败（${problems.length} 处问题）`, problems);
  }
  return staged;
}
