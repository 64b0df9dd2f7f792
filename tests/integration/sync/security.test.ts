// What the workstation refuses from the network: a blob whose bytes do not match its sha256 (or
// its size), a malformed package or one that does not match its feed entry, path tricks in
// package paths and blob ids, oversized or malformed answers, a submission answer for another id.
// Refused files never become visible; refused entries are reported and do not block later cases.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../src/main/workstation';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { HttpTransport, normaliseServerUrl } from '../../../src/main/services/sync/http-transport';
import { BlobFetcher, BlobIntegrityError } from '../../../src/main/services/sync/blob-fetcher';
import { BlobStore } from '../../../src/main/services/blob-store';
import { CacheKey } from '../../../src/main/services/cache-crypto/cache-key';
import { TransportError, type SyncTransport } from '../../../src/main/services/sync/transport';
import * as t from '../../../src/main/db/schema';
import { tempDir } from '../../helpers/package-builder';
import { filesOf, newDataDir, packageWithFiles, workstation } from './fixtures';

const open: Workstation[] = [];
const servers: Server[] = [];
afterEach(async () => {
  open.splice(0).forEach((w) => w.close());
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function ws(connect: () => SyncTransport): Workstation {
  const w = workstation(newDataDir(), connect);
  open.push(w);
  return w;
}

async function published(central: MemoryCentral, sizes: number[] = [2_000], opts: { package?: unknown; mutate?: (pkg: Record<string, any>) => void } = {}) {
  const pkg = await packageWithFiles(tempDir(), sizes);
  let asSent: unknown = opts.package;
  if (opts.mutate) {
    asSent = JSON.parse(JSON.stringify(pkg.manifest));
    opts.mutate(asSent as Record<string, any>);
  }
  const entry = central.publish(pkg.manifest, filesOf(pkg), asSent === undefined ? {} : { package: asSent });
  return { pkg, entry, caseId: pkg.manifest.case.id };
}

/** The in-memory central system behind real HTTP, with a hook to answer differently. */
async function httpCentral(central: MemoryCentral, override?: (path: string, res: import('node:http').ServerResponse) => boolean) {
  const paths: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    paths.push(url.pathname);
    if (override?.(url.pathname, res)) return;
    if (url.pathname === '/v1/feed') {
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify(central.feedPage(Number(url.searchParams.get('after')), Number(url.searchParams.get('limit')))));
    }
    const m = /^\/v1\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
    if (m && central.blobs.has(m[1]!)) {
      const bytes = central.blobs.get(m[1]!)!;
      res.writeHead(200, { 'content-length': bytes.length, etag: `"${m[1]}"` });
      return res.end(Buffer.from(bytes));
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'not_found', message: '没有' } }));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, paths };
}

const syncFiles = (w: Workstation) => readdirSync(join(w.dataDir, 'sync', 'blobs'));

describe('blobs that do not match', () => {
  it('over HTTP: bytes with another sha256 are discarded, never imported; the cursor stays before the entry', async () => {
    const central = new MemoryCentral();
    const c = await published(central, [30_000]);
    const sha = c.pkg.manifest.evidence.at(-1)!.file.sha256;
    central.blobs.set(sha, randomBytes(30_000)); // the server's copy is corrupt (or the server lies)
    const srv = await httpCentral(central);
    const w = ws(() => new HttpTransport({ server: srv.url, token: 't' }));
    const r = await w.sync.run();
    expect(r.outcome).toBe('error');
    expect(r.line).toMatch(/^出错（文件校验值不符，已丢弃/);
    expect(w.blobs.has(sha)).toBe(false);
    expect(w.cases.count()).toBe(0);
    expect(w.sync.state.cursor()).toBe(0);
    expect(syncFiles(w).filter((f) => f.startsWith(sha))).toEqual([]);
  });

  it('a blob longer (or shorter) than the package says is refused before it is stored', async () => {
    const central = new MemoryCentral();
    const c = await published(central, [10_000]);
    const sha = c.pkg.manifest.evidence.at(-1)!.file.sha256;
    const w = ws(() => central.transport());
    central.blobs.set(sha, Buffer.concat([central.blobs.get(sha)!, Buffer.alloc(10)]));
    const r = await w.sync.run();
    expect(r.line).toMatch(/文件大小不符/);
    expect(w.blobs.has(sha)).toBe(false);
    expect(w.cases.count()).toBe(0);
  });
});

describe('feed entries that cannot be imported are refused, reported, and do not block later cases', () => {
  it('a malformed package, and a package that does not match its entry', async () => {
    const central = new MemoryCentral();
    const bad = await published(central, [100], { package: { format: 'fashen.case-package', case: { id: 'x' } } });
    const mismatch = await published(central, [100], { mutate: (p) => (p.case.facts = '与修订校验值不符的内容') });
    const good = await published(central, [100]);
    const w = ws(() => central.transport());
    const r = await w.sync.run();
    expect(r.outcome).toBe('error');
    expect(r.refused.map((x) => x.caseId)).toEqual([bad.caseId, mismatch.caseId]);
    expect(r.refused[0]!.reason).toBe('案卷包不符合格式');
    expect(r.refused[0]!.details.length).toBeGreaterThan(0);
    expect(r.refused[1]!.reason).toMatch(/与变更记录不符/);
    expect(r.line).toMatch(/^出错（案卷包被拒收/);
    expect(w.cases.listRows({}).map((c) => c.id)).toEqual([good.caseId]);
    expect(w.sync.state.cursor()).toBe(good.entry.seq);
    expect(w.sync.state.refused()).toHaveLength(2);
    // Nothing was downloaded for the refused entries.
    expect(r.summary.bytes).toBe([...filesOf(good.pkg).values()].reduce((n, b) => n + b.length, 0));
    // The next sync is clean again (the refusals stay on record).
    expect((await w.sync.run()).line).toBe('已同步');
  });

  it('path tricks in package paths and blob ids are refused by the package schema; nothing is written outside', async () => {
    const central = new MemoryCentral();
    const dotdot = await published(central, [100], { mutate: (p) => (p.evidence[0].file.path = '../../../../etc/passwd') });
    const absolute = await published(central, [100], { mutate: (p) => (p.documents[0].file.path = '/etc/shadow') });
    const badSha = await published(central, [100], { mutate: (p) => (p.evidence[0].file.sha256 = `../../${'a'.repeat(58)}`) });
    const w = ws(() => central.transport());
    const r = await w.sync.run();
    expect(r.refused.map((x) => x.caseId)).toEqual([dotdot.caseId, absolute.caseId, badSha.caseId]);
    for (const x of r.refused) expect(x.reason).toBe('案卷包不符合格式');
    expect(r.refused[0]!.details.join()).toMatch(/不得为绝对路径或包含 \.\./);
    expect(w.cases.count()).toBe(0);
    expect(syncFiles(w)).toEqual([]);
  });

  it('the transport and the downloader never put anything but a sha256 into a URL or a file name', async () => {
    const central = new MemoryCentral();
    const srv = await httpCentral(central);
    const tr = new HttpTransport({ server: srv.url, token: 't' });
    const signal = new AbortController().signal;
    for (const id of ['../v1/admin/users', '%2e%2e%2fadmin', `${'a'.repeat(64)}/../x`, 'A'.repeat(64)]) {
      await expect(tr.blob(id, null, signal)).rejects.toBeInstanceOf(TransportError);
    }
    expect(srv.paths).toEqual([]);
    await tr.close();
    const fetcher = new BlobFetcher(tempDir(), new BlobStore(join(tempDir(), 'blobs'), CacheKey.generate('unprotected-dev').key));
    await expect(fetcher.fetch(central.transport(), { sha256: '../../etc/passwd', size: 1 }, signal, () => undefined)).rejects.toBeInstanceOf(BlobIntegrityError);
    expect(existsSync(join(fetcher.dir, '..', '..', 'etc', 'passwd.part'))).toBe(false);
  });

  it('server addresses: only http(s), no credentials in the URL', () => {
    expect(normaliseServerUrl('https://central.example.cn/')).toBe('https://central.example.cn');
    for (const bad of ['file:///etc/passwd', 'http://user:pw@central', 'ftp://x', 'http://central/?token=1', 'not a url']) expect(() => normaliseServerUrl(bad)).toThrow(TransportError);
  });
});

describe('answers that are not the protocol', () => {
  it('an oversized, malformed or foreign answer is refused; outbox entries stay queued', async () => {
    const central = new MemoryCentral();
    const c = await published(central, [100]);
    let mode: 'huge' | 'garbage' | 'foreign-id' = 'huge';
    const srv = await httpCentral(central, (path, res) => {
      if (path === '/v1/feed' && mode === 'huge') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ entries: [], next: 0, more: false, pad: 'x'.repeat(200_000) }));
        return true;
      }
      if (path === '/v1/feed' && mode === 'garbage') {
        res.setHeader('content-type', 'application/json');
        res.end('{"entries": [{"seq": "1; drop table case_file"}]}');
        return true;
      }
      if (path === '/v1/submissions') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', status: 'accepted', caseId: c.caseId, caseRevisionHash: 'x', receivedAt: 'now' }));
        return true;
      }
      return false;
    });
    const w = ws(() => new HttpTransport({ server: srv.url, token: 't', maxJsonBytes: 100_000 }));
    const huge = await w.sync.run();
    expect(huge.line).toMatch(/答复过大/);
    mode = 'garbage';
    expect((await w.sync.run()).line).toMatch(/变更列表格式不正确/);
    expect(w.cases.count()).toBe(0);

    mode = 'foreign-id';
    const id = '11111111-1111-4111-8111-111111111111';
    const content = { schema: 'fashen.minutes/1', case: { id: c.caseId, revisionHash: c.entry.case!.revisionHash }, conclusion: '同意' };
    const signature = { algorithm: 'ed25519', keyId: 'k1', signature: 'c2ln', contentHash: '0'.repeat(64) };
    const now = new Date().toISOString();
    w.store.db.insert(t.outbox).values({ id, kind: 'minutes', caseId: c.caseId, payloadJson: JSON.stringify({ format: 'fashen-signed-submission', version: 1, content, signature }), state: 'queued', createdAt: now, updatedAt: now }).run();
    const r = await w.sync.run();
    expect(r.outcome).toBe('error');
    expect(w.sync.state.byId(id)!.state).toBe('queued');
  });
});
