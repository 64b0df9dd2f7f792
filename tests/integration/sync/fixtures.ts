// Fixtures for the sync tests: case packages with random files of chosen sizes, a workstation
// logged in to a central server (possibly through the fault proxy), and signed submissions queued
// in its outbox exactly as the opinion service queues them.
import { randomBytes, createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { Workstation } from '../../../src/main/workstation';
import { HttpTransport } from '../../../src/main/services/sync/http-transport';
import type { RetryPolicy } from '../../../src/main/services/sync/retry';
import type { SyncTransport } from '../../../src/main/services/sync/transport';
import * as t from '../../../src/main/db/schema';
import { buildPackage, tempDir, type BuiltPackage } from '../../helpers/package-builder';
import { opinionFor, upload, type Signer } from '../../helpers/server-fixtures';
import type { Client } from '../../helpers/server';
import type { IntakeAnswer } from '../../../src/shared/sync/protocol';
import { packageFiles } from '../../../src/shared/casefile/schema';
import type { FreeBytes } from '../../../src/main/services/disk-space';
import type { BlobStore } from '../../../src/main/services/blob-store';
import { expect } from 'vitest';

export const TODAY = '2026-11-20';
export const FAST_RETRY: RetryPolicy = { retries: 2, minDelay: 5, maxDelay: 40 };

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A valid package whose evidence also holds files of random bytes of the given sizes. */
export async function packageWithFiles(root: string, sizes: number[], opts: { id?: string; caseNumber?: string; revision?: number } = {}): Promise<BuiltPackage & { files: Map<string, Uint8Array> }> {
  const pkg = await buildPackage(root, opts);
  const files = new Map<string, Uint8Array>();
  mkdirSync(join(pkg.dir, 'evidence'), { recursive: true });
  sizes.forEach((size, i) => {
    const bytes = randomBytes(size);
    const path = `evidence/blob-${i}.bin`;
    writeFileSync(join(pkg.dir, path), bytes);
    files.set(path, bytes);
    pkg.manifest.evidence.push({
      id: `r${i}`,
      kind: '视听资料',
      title: `现场录像 ${i + 1}`,
      source: '执法记录仪',
      collectedBy: ['o1', 'o2'],
      collectedOn: '2026-06-06',
      proves: '现场情况',
      file: { path, sha256: sha(bytes), size, mime: 'application/octet-stream' },
    });
  });
  pkg.write();
  return Object.assign(pkg, { files });
}

/** Upload to the central server and assign to the reviewer; returns the case as the server has it. */
export async function publish(admin: Client, pkg: BuiltPackage, reviewer: string): Promise<IntakeAnswer> {
  const r = await upload(admin, pkg);
  if (r.status !== 201 && r.status !== 200) throw new Error(`upload: ${r.status} ${r.body.toString()}`);
  const a = await admin.post(`/v1/admin/cases/${encodeURIComponent((r.json as IntakeAnswer).caseId)}/assign`, { user: reviewer });
  if (a.status !== 200) throw new Error(`assign: ${a.status} ${a.body.toString()}`);
  return r.json as IntakeAnswer;
}

export interface TimeoutsMs {
  connect?: number;
  headers?: number;
  body?: number;
}

export function httpTransport(server: string, token: string, t: TimeoutsMs = {}): SyncTransport {
  return new HttpTransport({ server, token, connectTimeout: t.connect ?? 2_000, headersTimeout: t.headers ?? 5_000, bodyTimeout: t.body ?? 5_000 });
}

/** A workstation on `dataDir` whose sync goes to `server` with `token` (the proxy's URL in fault tests). */
export function workstation(
  dataDir: string,
  connect: () => SyncTransport,
  extra: { concurrency?: number; pageSize?: number; retry?: RetryPolicy; groupHoldMs?: number; freeBytes?: FreeBytes } = {},
): Workstation {
  const { retry, freeBytes, ...rest } = extra;
  return new Workstation({ dataDir, today: () => TODAY, ...(freeBytes ? { freeBytes } : {}), sync: { connect, retry: retry ?? FAST_RETRY, ...rest } });
}

/** The same transport without batch downloads (as a central system without POST /v1/blobs/batch): one request per blob. */
export function perBlob(t: SyncTransport): SyncTransport {
  return {
    server: t.server,
    feed: (...a) => t.feed(...a),
    blob: (...a) => t.blob(...a),
    submit: (...a) => t.submit(...a),
    auditHead: (...a) => t.auditHead(...a),
    close: () => t.close(),
  };
}

export function newDataDir(): string {
  return tempDir('sync-ws-');
}

/** Queues a signed opinion in the outbox the way OpinionService.sign does (same envelope). */
export async function queueOpinion(
  ws: Workstation,
  signer: Signer,
  c: { caseId: string; caseNumber: string; revision: number; revisionHash: string },
  reviewer: string,
  createdAt: string = new Date().toISOString(),
): Promise<string> {
  const content = opinionFor(c, signer.keyId, reviewer);
  const id = randomUUID();
  content.opinionId = id;
  const submission = { format: 'fashen-signed-submission', version: 1, content, signature: await signer.sign(content) };
  ws.store.db.insert(t.outbox).values({ id, kind: 'opinion', caseId: c.caseId, payloadJson: JSON.stringify(submission, null, 2), state: 'queued', createdAt, updatedAt: createdAt }).run();
  return id;
}

export function outbox(ws: Workstation) {
  return ws.store.db.select().from(t.outbox).all();
}

/** All files of a built package by path (for the in-memory central system). */
/** Every listed file of the packages reads back from the store as it is in the package, and verifies. */
export async function expectStoredAsGiven(blobs: BlobStore, packages: readonly BuiltPackage[]): Promise<void> {
  for (const p of packages)
    for (const f of packageFiles(p.manifest)) {
      expect(Buffer.from(await blobs.read(f.sha256)).equals(readFileSync(join(p.dir, f.path)))).toBe(true);
      expect(await blobs.verify(f.sha256)).toBe('ok');
    }
}

export function filesOf(pkg: BuiltPackage): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const f of packageFiles(pkg.manifest)) out.set(f.path, new Uint8Array(readFileSync(join(pkg.dir, f.path))));
  return out;
}

/** Named files zipped in memory (bundles from the central system are small in tests). */
export async function zipBuffer(files: [string, Buffer][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of files) zip.addBuffer(bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A package folder's files, named under `prefix` (e.g. "a/" for a folder in the bundle). */
export function folderFiles(dir: string, prefix: string): [string, Buffer][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e): [string, Buffer] => {
      const full = join(e.parentPath, e.name);
      return [`${prefix}${full.slice(dir.length + 1).split('\\').join('/')}`, readFileSync(full)];
    });
}
