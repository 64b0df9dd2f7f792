// Case packages for the sync benchmarks: realistic case records from the demo generator (distinct
// parties, numbers, dates), each with its own evidence files of random bytes — every blob distinct,
// so the sync moves every byte (the demo's shared file pool would let the store deduplicate).
//
// The files are 视听资料 / 电子数据 exports (application/octet-stream): the importer hashes and
// stores them and sniffs their type, but has no text to extract. PDFs would add pdf.js text
// extraction to every file; that cost is measured separately (sync.ts, the PDF variant).
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoCalendar } from '../../src/main/demo/calendar';
import { assignCaseNumbers, buildCase } from '../../src/main/demo/case-builder';
import { demoSeedKey } from '../../src/main/demo/generate';
import { buildCaseJson } from '../../src/main/demo/package-json';
import { Rng } from '../../src/main/demo/rng';
import { CasePackage, type EvidenceItem } from '../../src/shared/casefile/schema';
import { TODAY } from './common';

export interface SyncCase {
  /** Package folder: case.json + evidence/NN.bin. */
  dir: string;
  pkg: CasePackage;
  files: number;
  bytes: number;
}

/** Case packages without files for cases 0…count-1 of one demo set (distinct parties, numbers, dates). */
export function baseCases(count: number, seed: number): CasePackage[] {
  const key = demoSeedKey(seed, TODAY);
  const cal = demoCalendar();
  const ctxs = Array.from({ length: count }, (_, index) => buildCase({ seed: key, index, today: TODAY, cal }));
  assignCaseNumbers(key, ctxs);
  return ctxs.map((ctx) => buildCaseJson(ctx, [], [], [], []));
}

export interface SyncDataOptions {
  root: string;
  /** The cases (baseCases), each written with its own files. */
  bases: readonly CasePackage[];
  filesPerCase: number;
  /** File sizes are uniform in [minBytes, maxBytes]. */
  minBytes: number;
  maxBytes: number;
  /**
   * The central server's blob folder (local backend layout ab/cdef…): each file is written there
   * and hard-linked into its package, so the intake finds it stored and does not write 2 GB again.
   */
  serverBlobs?: string;
  /** Extra files (PDFs) per case, added as documents: path → bytes (called once per case). */
  documents?: (index: number) => Promise<{ title: string; bytes: Uint8Array }[]>;
}

const KINDS: EvidenceItem['kind'][] = ['视听资料', '电子数据'];
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function place(bytes: Uint8Array, file: string, serverBlobs: string | undefined): void {
  if (!serverBlobs) return writeFileSync(file, bytes);
  const sha = sha256(bytes);
  mkdirSync(join(serverBlobs, sha.slice(0, 2)), { recursive: true });
  const stored = join(serverBlobs, sha.slice(0, 2), sha.slice(2));
  writeFileSync(stored, bytes);
  linkSync(stored, file);
}

/** Writes `count` packages under `root`; the evidence files are what a `cp -r` of `root` copies. */
export async function writeSyncCases(o: SyncDataOptions): Promise<SyncCase[]> {
  const out: SyncCase[] = [];
  for (const [index, base] of o.bases.entries()) {
    const rng = new Rng(`sync-files/${base.case.id}`);
    const dir = join(o.root, `case-${String(index + 1).padStart(5, '0')}`);
    mkdirSync(join(dir, 'evidence'), { recursive: true });
    let bytes = 0;
    const evidence: EvidenceItem[] = [];
    for (let i = 0; i < o.filesPerCase; i++) {
      const data = randomBytes(rng.int(o.minBytes, o.maxBytes));
      const path = `evidence/${String(i + 1).padStart(2, '0')}.bin`;
      place(data, join(dir, path), o.serverBlobs);
      bytes += data.length;
      evidence.push({
        id: `sync-ev-${i + 1}`,
        kind: KINDS[i % KINDS.length]!,
        title: `执法记录仪视频片段 ${i + 1}`,
        source: '执法人员现场拍摄',
        collectedBy: base.case.caseOfficerIds.slice(0, 2),
        collectedOn: base.case.procedure.filedOn,
        proves: '现场检查情况',
        file: { path, sha256: sha256(data), size: data.length, mime: 'application/octet-stream' },
      });
    }
    const documents = [];
    if (o.documents) {
      mkdirSync(join(dir, 'documents'), { recursive: true });
      for (const [i, d] of (await o.documents(index)).entries()) {
        const path = `documents/${String(i + 1).padStart(2, '0')}.pdf`;
        place(d.bytes, join(dir, path), o.serverBlobs);
        bytes += d.bytes.byteLength;
        documents.push({ id: `sync-doc-${i + 1}`, kind: '询问笔录', title: d.title, date: base.case.procedure.filedOn, file: { path, sha256: sha256(d.bytes), size: d.bytes.byteLength, mime: 'application/pdf' } });
      }
    }
    const pkg = CasePackage.parse({ ...base, documents, evidence });
    writeFileSync(join(dir, 'case.json'), JSON.stringify(pkg, null, 2));
    out.push({ dir, pkg, files: evidence.length + documents.length, bytes });
  }
  return out;
}
