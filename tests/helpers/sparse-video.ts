// A big video as 视听资料 in a built package: sparse, so writing it is instant while re-hashing it
// takes seconds (校验案卷 progress and cancel tests).
import { createHash } from 'node:crypto';
import { createReadStream, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BuiltPackage } from './package-builder';

/** Adds evidence/bodycam.mp4 of `bytes` (an MP4 signature, then zeros) to the manifest; call pkg.write() after. */
export async function addSparseVideo(pkg: BuiltPackage, o: { id: string; title: string; bytes: number }): Promise<void> {
  const path = join(pkg.dir, 'evidence/bodycam.mp4');
  writeFileSync(path, Buffer.from('\0\0\0\x18ftypmp42'));
  truncateSync(path, o.bytes);
  const h = createHash('sha256');
  await pipeline(createReadStream(path), h);
  pkg.manifest.evidence.push({
    id: o.id,
    kind: '视听资料',
    title: o.title,
    source: '执法记录仪',
    collectedBy: ['o1', 'o2'],
    collectedOn: '2026-06-06',
    proves: '现场检查过程',
    file: { path: 'evidence/bodycam.mp4', sha256: h.digest('hex'), size: o.bytes, mime: 'video/mp4' },
  });
}
